'use client';
import { useGraphQLQuery } from './use-graphql-query';

export interface StudyOption {
  id: string;
  studyId: string;
  title: string;
}

const STUDIES = `query Studies { studies { id studyId title } }`;

/** The studies the user can see, for filters and the import form. */
export function useStudies() {
  const q = useGraphQLQuery<{ studies: StudyOption[] }>(STUDIES);
  return { studies: q.data?.studies ?? [], error: q.error, loading: q.loading };
}
