import { ageFrom, formatDate, formatSex } from '../_lib/format';
import type { PatientRecord } from '../_lib/patient-record';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const hidden = <span className="hidden-value">hidden</span>;

/** Who the patient is: identifiers for roles that may see them, otherwise the pseudonym only. */
export function PatientHeader({ patient }: { patient: PatientRecord }) {
  const age = ageFrom(patient.birthDate);
  return (
    <section className="card patient-header" aria-label="Patient">
      <div>
        <h1 data-testid="patient-name">{patient.displayName}</h1>
        {patient.identifiersVisible ? (
          <p className="muted" style={{ margin: 0 }}>
            MRN <span className="mono">{patient.mrn ?? '—'}</span> · Pseudonym{' '}
            <span className="mono">{patient.pseudonym}</span>
          </p>
        ) : (
          <p className="muted" style={{ margin: 0 }}>
            Direct identifiers are hidden for your role; this patient is shown by pseudonym.
          </p>
        )}
      </div>
      <dl className="patient-facts">
        <Fact label="Sex">{formatSex(patient.sex)}</Fact>
        <Fact label="Birth date">
          {patient.identifiersVisible ? (
            <>
              {formatDate(patient.birthDate)}
              {age !== null && <span className="muted"> ({age} y)</span>}
            </>
          ) : (
            hidden
          )}
        </Fact>
        <Fact label="Race">{patient.race ?? '—'}</Fact>
        <Fact label="Ethnicity">{patient.ethnicity ?? '—'}</Fact>
        <Fact label="Site">
          {patient.site.name}
          {patient.site.name !== patient.site.siteId && (
            <span className="muted"> ({patient.site.siteId})</span>
          )}
        </Fact>
        <Fact label="Study subjects">
          {patient.subjects.length ? (
            <span className="tag-list">
              {patient.subjects.map((s) => (
                <span key={s.id} className="badge mono" title={s.study.title}>
                  {s.usubjid}
                </span>
              ))}
            </span>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label="Added">{formatDate(patient.createdAt)}</Fact>
      </dl>
    </section>
  );
}
