'use client';
/** The studies the user can see, each with a link to its SDTM workspace. */
import Link from 'next/link';
import { useGraphQLQuery } from '../_lib/use-graphql-query';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';

const STUDIES = `query SdtmStudies { studies { id studyId title description subjectCount } }`;

interface StudiesData {
  studies: { id: string; studyId: string; title: string; description: string | null; subjectCount: number }[];
}

export function SdtmStudyList() {
  const { data, error } = useGraphQLQuery<StudiesData>(STUDIES);
  return (
    <section className="card" aria-label="Studies">
      <ErrorMessage error={error} title="Studies could not be loaded" />
      {!data && !error && <p className="loading">Loading studies…</p>}
      {data && !data.studies.length && (
        <EmptyState title="No studies yet">Studies are created by coordinators.</EmptyState>
      )}
      {data && data.studies.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="studies-table">
            <thead>
              <tr>
                <th scope="col">Study</th>
                <th scope="col">Title</th>
                <th scope="col" className="num">
                  Subjects
                </th>
                <th scope="col">SDTM</th>
              </tr>
            </thead>
            <tbody>
              {data.studies.map((s) => (
                <tr key={s.id}>
                  <td className="mono">{s.studyId}</td>
                  <td>
                    {s.title}
                    {s.description && <div className="muted">{s.description}</div>}
                  </td>
                  <td className="num">{s.subjectCount.toLocaleString('en-US')}</td>
                  <td>
                    <Link href={`/studies/${encodeURIComponent(s.id)}/sdtm`}>
                      Open workspace<span className="visually-hidden"> of {s.studyId}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
