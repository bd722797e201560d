/**
 * Upload → queue → read → extract → proposals with evidence → physician review, on a real database and worker.
 * One bad file in a batch gets its own error; the rest go through.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDocuments } from '../../lib/ingest/upload-documents.ts';
import { enqueueJob } from '../../lib/jobs/enqueue-job.ts';
import { processDocument } from '../../workers/definitions/process-document.ts';
import { startWorker } from '../../workers/start-worker.ts';
import { seedPatient, seedStudy, seedUser } from '../setup/factories.ts';
import { createGraphQLHarness, type GraphQLHarness } from '../setup/graphql-harness.ts';

const NOTE = `CHIEF COMPLAINT: Chest pain.
HISTORY OF PRESENT ILLNESS: A 58-year-old male with hypertension presents with chest pain. He denies shortness of breath.
MEDICATIONS: Lisinopril 10 mg PO daily. Metformin 500 mg by mouth twice daily.
ALLERGIES: Penicillin (rash).
VITAL SIGNS: Blood pressure 148/92, pulse 88, respiratory rate 16, temperature 98.6 F, oxygen saturation 97% on room air.
ASSESSMENT: Chest pain, rule out acute coronary syndrome. Hypertension.
`;

let h: GraphQLHarness;
let physician: Awaited<ReturnType<typeof seedUser>>;
let patientId: string;
let studyId: string;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  process.env.IMAGEHR_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-docs-'));
  h = await createGraphQLHarness();
  physician = await seedUser(h.db, 'PHYSICIAN');
  studyId = (await seedStudy(h.db)).id;
  patientId = (await seedPatient(h.db, { studyId })).id;
  worker = await startWorker({ databaseUrl: h.url, concurrency: 2 });
});
afterAll(async () => {
  await worker.stop();
  await h.close();
});

async function settled(documentId: string) {
  for (let i = 0; i < 300; i++) {
    const d = await h.db.document.findUniqueOrThrow({ where: { id: documentId } });
    if (d.status === 'READY' || d.status === 'FAILED') return d;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('document never settled');
}

describe('document pipeline', () => {
  it('processes a batch: good files become findings, bad files get their own errors', async () => {
    const files = [
      new File([NOTE], 'note.txt', { type: 'text/plain' }),
      new File([], 'empty.txt'),
      new File(
        [Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x9c, 0x00, 0x00, 0x13, 0x37, 0x00, 0x00])],
        'binary.txt',
      ),
      new File([Buffer.from('PK\u0003\u0004 zipped stuff here')], 'archive.zip'),
      new File(['x'.repeat(2000)], 'big.txt'),
    ];
    const results = await uploadDocuments({
      db: h.db,
      actor: physician.actor,
      patientId,
      studyId,
      files,
      maxFileBytes: 1500,
    });
    expect(results.map((r) => [r.filename, r.status])).toEqual([
      ['note.txt', 202],
      ['empty.txt', 400],
      ['binary.txt', 400],
      ['archive.zip', 415],
      ['big.txt', 413],
    ]);
    const doc = await settled(results[0].documentId!);
    expect(doc.status).toBe('READY');
    expect(doc.text).toBe(NOTE);
    const findings = await h.db.finding.findMany({ where: { documentId: doc.id } });
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      expect(f.status).toBe('PROPOSED');
      expect(NOTE.slice(f.spanStart!, f.spanEnd!)).toBe(f.spanText);
    }
    const sys = findings.find((f) => (f.variables as Record<string, unknown>)?.VSTESTCD === 'SYSBP');
    expect(sys?.valueNum).toBe(148);
    expect(findings.some((f) => f.kind === 'MEDICATION' && /lisinopril/i.test(f.label))).toBe(true);
    expect(await h.db.document.count()).toBe(1);
    const job = await h.db.job.findFirstOrThrow({ where: { subjectRef: doc.id } });
    expect(job).toMatchObject({ status: 'SUCCEEDED', progress: 1 });
  });

  it('does not duplicate a document or its findings', async () => {
    const [again] = await uploadDocuments({
      db: h.db,
      actor: physician.actor,
      patientId,
      studyId,
      files: [new File([NOTE], 'same-note-renamed.txt')],
      maxFileBytes: 10_000,
    });
    expect(again).toMatchObject({ status: 200, duplicate: true });
    const doc = await h.db.document.findFirstOrThrow();
    const before = await h.db.finding.count({ where: { documentId: doc.id } });
    const job = await h.db.$transaction((tx) => enqueueJob(tx, processDocument, { documentId: doc.id }));
    for (
      let i = 0;
      i < 200 && (await h.db.job.findUniqueOrThrow({ where: { id: job.id } })).status !== 'SUCCEEDED';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await h.db.finding.count({ where: { documentId: doc.id } })).toBe(before);
  });

  it('lets a physician accept, edit and reject, with reviewer, time and audit', async () => {
    const doc = await h.db.document.findFirstOrThrow();
    const r = await h.gql(
      `query($id: ID!) { document(id: $id) { ... on QueryDocumentSuccess { data { text pendingCount findings { id kind label value status spanStart spanEnd } } } } }`,
      { id: encodeGlobalID('Document', doc.id) },
      { userId: physician.user.id },
    );
    const fs_ = r.data.document.data.findings;
    expect(r.data.document.data.pendingCount).toBe(fs_.length);
    const [a, b, c, d] = fs_;
    const review = (ids: string[], decision: string, edits?: object) =>
      h.gql(
        `mutation($ids: [ID!]!, $d: ReviewDecision!, $e: FindingEdits) { reviewFindings(ids: $ids, decision: $d, edits: $e) {
          __typename ... on MutationReviewFindingsSuccess { data { status value reviewedBy { email } reviewedAt } } ... on Error { message } } }`,
        { ids, d: decision, e: edits ?? null },
        { userId: physician.user.id },
      );
    // A client may ask for every field of the reviewed findings, as the review page does: within the limits.
    const full = await h.gql(
      `mutation($ids: [ID!]!) { reviewFindings(ids: $ids, decision: ACCEPT) { __typename
        ... on MutationReviewFindingsSuccess { data { id assertion box code codeSystem confidence createdAt domain
          extractorId extractorVersion kind label page reviewedAt source spanEnd spanStart spanText status unit
          value valueNum variables reviewedBy { email name } document { id title } } } ... on Error { message } } }`,
      { ids: [d.id] },
      { userId: physician.user.id },
    );
    expect(full.errors).toBeUndefined();
    expect(full.data.reviewFindings.data[0].status).toBe('ACCEPTED');
    const accepted = await review([a.id, b.id], 'ACCEPT');
    expect(accepted.data.reviewFindings.data.map((f: any) => f.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(accepted.data.reviewFindings.data[0].reviewedBy.email).toBe(physician.user.email);
    const edited = await review([c.id], 'EDIT', { value: '150', note: 'checked against the chart' });
    expect(edited.data.reviewFindings.data[0]).toMatchObject({ status: 'EDITED', value: '150' });
    const badCode = await review([c.id], 'EDIT', { code: "I10'; DROP TABLE x" });
    expect(badCode.data.reviewFindings.__typename).toBe('ValidationError');
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: 'finding.edit' } });
    expect((audit.after as any).value).toBe('150');
    expect((audit.before as any).status).toBe('PROPOSED');
    const viewer = await seedUser(h.db, 'VIEWER');
    const denied = await h.gql(
      `mutation($ids: [ID!]!) { reviewFindings(ids: $ids, decision: ACCEPT) { __typename } }`,
      { ids: [c.id] },
      { userId: viewer.user.id },
    );
    expect(denied.data.reviewFindings.__typename).toBe('ForbiddenError');
  });

  it('produces the structured note and its FHIR DocumentReference from the reviewed findings', async () => {
    const doc = await h.db.document.findFirstOrThrow();
    const r = await h.gql(
      `query($id: ID!) { document(id: $id) { ... on QueryDocumentSuccess { data { structuredNote fhirDocumentReference } } } }`,
      { id: encodeGlobalID('Document', doc.id) },
      { userId: physician.user.id },
    );
    const { structuredNote, fhirDocumentReference } = r.data.document.data;
    expect(structuredNote).toContain('CHIEF COMPLAINT:\nChest pain.');
    expect(structuredNote).toContain(`Reviewed by ${physician.user.name}`);
    expect(fhirDocumentReference.subject.reference).toBe(`Patient/${doc.patientId}`);
    expect(Buffer.from(fhirDocumentReference.content[0].attachment.data, 'base64').toString()).toBe(
      structuredNote,
    );
  });
});
