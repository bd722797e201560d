'use client';
import { SEXES } from '../_lib/patient-filters';
import { formatSex } from '../_lib/format';
import type { StudyOption } from '../_lib/use-studies';

export function PatientFilterBar({
  search,
  onSearch,
  sex,
  onSex,
  studyId,
  onStudy,
  studies,
  phi,
}: {
  search: string;
  onSearch: (value: string) => void;
  sex: string;
  onSex: (value: string) => void;
  studyId: string;
  onStudy: (value: string) => void;
  studies: StudyOption[];
  phi: boolean;
}) {
  return (
    <div className="table-toolbar" role="search" aria-label="Filter patients">
      <div className="field field-search">
        <label htmlFor="patient-search">Search</label>
        <input
          id="patient-search"
          type="search"
          value={search}
          maxLength={100}
          placeholder={phi ? 'Family or given name, MRN or pseudonym' : 'Pseudonym (PT-…)'}
          onChange={(e) => onSearch(e.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="patient-sex">Sex</label>
        <select id="patient-sex" value={sex} onChange={(e) => onSex(e.target.value)}>
          <option value="">All</option>
          {SEXES.map((s) => (
            <option key={s} value={s}>
              {formatSex(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="patient-study">Study</label>
        <select id="patient-study" value={studyId} onChange={(e) => onStudy(e.target.value)}>
          <option value="">All studies</option>
          {studies.map((s) => (
            <option key={s.id} value={s.id}>
              {s.studyId} — {s.title}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
