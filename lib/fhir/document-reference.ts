/** A FHIR R4 DocumentReference carrying the structured note as a plain-text attachment. */
import crypto from 'node:crypto';

export function noteDocumentReference(o: {
  documentId: string;
  patientId: string;
  note: string;
  title: string;
  date: Date;
  authors: string[];
  allReviewed: boolean;
  sourceSha256: string;
}) {
  const bytes = Buffer.from(o.note, 'utf8');
  return {
    resourceType: 'DocumentReference',
    id: `note-${o.documentId}`,
    status: 'current',
    docStatus: o.allReviewed ? 'final' : 'preliminary',
    type: {
      coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }],
      text: 'Clinical encounter note',
    },
    category: [
      {
        coding: [
          {
            system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
            code: 'clinical-note',
          },
        ],
      },
    ],
    subject: { reference: `Patient/${o.patientId}` },
    date: o.date.toISOString(),
    author: o.authors.map((display) => ({ display })),
    description: `Structured from "${o.title}"`,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'en',
          data: bytes.toString('base64'),
          size: bytes.byteLength,
          hash: crypto.createHash('sha1').update(bytes).digest('base64'),
          title: 'Clinical encounter note',
        },
      },
    ],
    context: {
      related: [{ identifier: { system: 'urn:imagehr:document-sha256', value: o.sourceSha256 } }],
    },
  };
}
