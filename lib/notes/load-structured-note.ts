/** Loads a document with its reviewed findings and builds the note and its FHIR DocumentReference. */
import type { Prisma } from '../../generated/prisma/client.ts';
import { noteDocumentReference } from '../fhir/document-reference.ts';
import { buildStructuredNote } from './structured-note.ts';

export async function loadStructuredNote(db: Prisma.TransactionClient, documentId: string) {
  const doc = await db.document.findUnique({
    where: { id: documentId },
    include: { patient: true, findings: { include: { reviewedBy: true } } },
  });
  if (!doc || doc.text === null) return null;
  const reviewers = doc.findings
    .filter((f) => f.reviewedBy && f.reviewedAt)
    .map((f) => ({ name: f.reviewedBy!.name, at: f.reviewedAt! }));
  const note = buildStructuredNote({
    patient: doc.patient,
    document: { title: doc.title, createdAt: doc.createdAt, text: doc.text },
    findings: doc.findings.map((f) => ({ ...f, variables: f.variables as Record<string, unknown> | null })),
    reviewers,
  });
  const fhir = noteDocumentReference({
    documentId: doc.id,
    patientId: doc.patientId,
    note,
    title: doc.title,
    date: new Date(),
    authors: [...new Set(reviewers.map((r) => r.name))],
    allReviewed: doc.findings.every((f) => f.status !== 'PROPOSED'),
    sourceSha256: doc.sha256,
  });
  return { note, fhir, patientId: doc.patientId };
}
