/**
 * Which patients a list query returns, and in which order. Searching by name or MRN needs read:phi: without it
 * the search matches pseudonyms only, so identifiers cannot be probed.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import { hasScope, type Actor } from '../auth/actor.ts';

export type PatientSortField = 'NAME' | 'MRN' | 'CREATED_AT' | 'FINDING_COUNT';

export interface PatientSearch {
  search?: string | null;
  studyId?: string | null;
  sex?: string | null;
  sort?: { field: PatientSortField; direction?: 'ASC' | 'DESC' | null } | null;
}

export function patientWhere(actor: Actor | null, s: PatientSearch): Prisma.PatientWhereInput {
  const and: Prisma.PatientWhereInput[] = [];
  const term = s.search?.trim();
  if (term) {
    if (hasScope(actor, 'read:phi')) {
      and.push({
        OR: [
          { mrn: { startsWith: term, mode: 'insensitive' } },
          { familyName: { startsWith: term, mode: 'insensitive' } },
          { givenName: { startsWith: term, mode: 'insensitive' } },
          { pseudonym: { startsWith: term, mode: 'insensitive' } },
        ],
      });
    } else {
      and.push({ pseudonym: { startsWith: term, mode: 'insensitive' } });
    }
  }
  if (s.studyId) and.push({ subjects: { some: { studyId: s.studyId } } });
  if (s.sex) and.push({ sex: s.sex });
  return and.length ? { AND: and } : {};
}

export function patientOrderBy(
  actor: Actor | null,
  s: PatientSearch,
): Prisma.PatientOrderByWithRelationInput[] {
  const dir = s.sort?.direction === 'DESC' ? 'desc' : 'asc';
  const phi = hasScope(actor, 'read:phi');
  switch (s.sort?.field) {
    case 'MRN':
      return phi ? [{ mrn: dir }, { id: 'asc' }] : [{ pseudonym: dir }, { id: 'asc' }];
    case 'CREATED_AT':
      return [{ createdAt: dir }, { id: 'asc' }];
    case 'FINDING_COUNT':
      return [{ findings: { _count: dir } }, { id: 'asc' }];
    case 'NAME':
    case undefined:
      return phi
        ? [{ familyName: dir }, { givenName: dir }, { id: 'asc' }]
        : [{ pseudonym: dir }, { id: 'asc' }];
  }
}
