import { describe, expect, it } from 'vitest';
import { noteDocumentReference } from '../../../lib/fhir/document-reference.ts';
import { buildStructuredNote, type NoteFinding } from '../../../lib/notes/structured-note.ts';

const text = `CHIEF COMPLAINT: Cough for three days.
HISTORY OF PRESENT ILLNESS: Dry cough, no fever.
MEDICATIONS: Albuterol inhaler.
PLAN: Return if worse.
`;

const finding = (o: Partial<NoteFinding>): NoteFinding => ({
  kind: 'MEDICATION',
  status: 'ACCEPTED',
  label: 'albuterol',
  value: null,
  unit: null,
  code: null,
  assertion: 'PRESENT',
  variables: null,
  spanStart: 0,
  ...o,
});

describe('structured note', () => {
  it('uses only reviewed findings, quotes the sections, and says what is not documented', () => {
    const note = buildStructuredNote({
      patient: { pseudonym: 'PT-0000ABCD', sex: 'F' },
      document: { title: 'visit.txt', createdAt: new Date('2026-01-02T10:00:00Z'), text },
      findings: [
        finding({ variables: { CMTRT: 'albuterol', CMROUTE: 'INHALATION' } }),
        finding({ label: 'warfarin', status: 'REJECTED' }),
        finding({ label: 'aspirin', status: 'PROPOSED' }),
        finding({
          kind: 'VITAL_SIGN',
          label: 'TEMP',
          value: '37.1',
          unit: 'C',
          variables: { VSTEST: 'Temperature' },
        }),
      ],
      reviewers: [{ name: 'Dr Hibbert', at: new Date('2026-01-03T00:00:00Z') }],
    });
    expect(note).toContain('CHIEF COMPLAINT:\nCough for three days.');
    expect(note).toContain('- albuterol inhalation');
    expect(note).toContain('- Temperature: 37.1 C');
    expect(note).not.toMatch(/warfarin|aspirin/);
    expect(note).toContain('ALLERGIES:\nNot documented.');
    expect(note).toContain('PLAN:\nReturn if worse.');
    expect(note).toContain('Reviewed by Dr Hibbert on 2026-01-03');
    const ref = noteDocumentReference({
      documentId: 'd1',
      patientId: 'p1',
      note,
      title: 'visit.txt',
      date: new Date(),
      authors: ['Dr Hibbert'],
      allReviewed: false,
      sourceSha256: 'ab'.repeat(32),
    });
    expect(ref.resourceType).toBe('DocumentReference');
    expect(ref.docStatus).toBe('preliminary');
    expect(Buffer.from(ref.content[0].attachment.data, 'base64').toString('utf8')).toBe(note);
  });
});
