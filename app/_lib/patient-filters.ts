/** The patients list's filters, sort and page size, kept in the URL so a link or a reload shows the same list. */

export const PATIENT_SORT_FIELDS = ['NAME', 'MRN', 'CREATED_AT', 'FINDING_COUNT'] as const;
export type PatientSortField = (typeof PATIENT_SORT_FIELDS)[number];
export const PAGE_SIZES = [25, 50, 100];
export const SEXES = ['F', 'M', 'U'] as const;

export interface PatientFilters {
  search: string;
  sex: string;
  studyId: string;
  sort: PatientSortField;
  direction: 'ASC' | 'DESC';
  size: number;
}

export const DEFAULT_PATIENT_FILTERS: PatientFilters = {
  search: '',
  sex: '',
  studyId: '',
  sort: 'NAME',
  direction: 'ASC',
  size: 25,
};

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function parsePatientFilters(params: Params): PatientFilters {
  const sort = one(params.sort).toUpperCase();
  const size = Number(one(params.size));
  const sex = one(params.sex).toUpperCase();
  return {
    search: one(params.q).slice(0, 100),
    sex: (SEXES as readonly string[]).includes(sex) ? sex : '',
    studyId: one(params.study).slice(0, 200),
    sort: (PATIENT_SORT_FIELDS as readonly string[]).includes(sort) ? (sort as PatientSortField) : 'NAME',
    direction: one(params.dir).toUpperCase() === 'DESC' ? 'DESC' : 'ASC',
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_PATIENT_FILTERS.size,
  };
}

export function patientFiltersQuery(f: PatientFilters): string {
  const q = new URLSearchParams();
  if (f.search) q.set('q', f.search);
  if (f.sex) q.set('sex', f.sex);
  if (f.studyId) q.set('study', f.studyId);
  if (f.sort !== 'NAME') q.set('sort', f.sort);
  if (f.direction !== 'ASC') q.set('dir', f.direction);
  if (f.size !== DEFAULT_PATIENT_FILTERS.size) q.set('size', String(f.size));
  const s = q.toString();
  return s ? `?${s}` : '';
}
