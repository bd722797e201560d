'use client';
/** Upload a FHIR Bundle (JSON) into a study: POST /api/import/fhir, which answers 202 with the new job's id. */
import { useState, type FormEvent } from 'react';
import { globalId } from '../_lib/graphql-client';
import type { StudyOption } from '../_lib/use-studies';
import { OutcomeMessage, type Outcome } from './outcome-message';

const SITE_PATTERN = /^[A-Z0-9_-]{1,20}$/;

export function ImportFhirForm({
  studies,
  studyId,
  onStudyChange,
  onQueued,
}: {
  studies: StudyOption[];
  studyId: string;
  onStudyChange: (studyId: string) => void;
  onQueued: (jobId: string, studyId: string) => void;
}) {
  const [site, setSite] = useState('SITE01');
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);
  const siteValid = SITE_PATTERN.test(site);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!file || !studyId || !siteValid) return;
    setPending(true);
    setResult(null);
    try {
      const response = await fetch(
        `/api/import/fhir?study=${encodeURIComponent(studyId)}&site=${encodeURIComponent(site)}`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/fhir+json' },
          body: file,
        },
      );
      const body = (await response.json().catch(() => null)) as { jobId?: string; error?: string } | null;
      if (response.status === 202 && body?.jobId) {
        onQueued(globalId('Job', body.jobId), studyId);
        setResult({
          ok: true,
          text: `Import of ${file.name} queued. Its progress appears in the list below.`,
        });
        form.reset();
        setFile(null);
      } else {
        const reason =
          response.status === 401
            ? 'Your session has ended. Sign in again.'
            : response.status === 403
              ? 'Your role may not import patients.'
              : body?.error;
        setResult({
          ok: false,
          text: `Import refused: ${reason ?? `the server answered ${response.status}`}.`,
        });
      }
    } catch {
      setResult({ ok: false, text: 'Could not reach the server. Check your connection and try again.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import FHIR bundle</h2>
      <p className="muted">
        Patients and encounters from a FHIR R4 Bundle (JSON) are added to the study and enrolled as subjects.
        Importing the same bundle again changes nothing.
      </p>
      <form onSubmit={onSubmit} aria-describedby={result ? 'import-result' : undefined}>
        <OutcomeMessage outcome={result} id="import-result" />
        <div className="form-grid form-grid-wide">
          <div className="field">
            <label htmlFor="import-study">Study</label>
            <select
              id="import-study"
              value={studyId}
              onChange={(e) => onStudyChange(e.target.value)}
              required
            >
              {!studies.length && <option value="">No studies</option>}
              {studies.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.studyId} — {s.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-site">Site code</label>
            <input
              id="import-site"
              type="text"
              value={site}
              onChange={(e) => setSite(e.target.value.toUpperCase())}
              maxLength={20}
              required
              aria-invalid={!siteValid}
              aria-describedby="import-site-hint"
            />
            <span id="import-site-hint" className="field-hint">
              A–Z, 0–9, _ or -, up to 20
            </span>
          </div>
          <div className="field">
            <label htmlFor="import-file">Bundle file (.json)</label>
            <input
              id="import-file"
              type="file"
              accept=".json,application/json,application/fhir+json"
              required
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={pending || !file || !studyId || !siteValid}>
            {pending ? 'Uploading…' : 'Import'}
          </button>
        </div>
      </form>
    </section>
  );
}
