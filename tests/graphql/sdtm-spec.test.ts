/**
 * What the SDTM workspace reads besides records: the SDTMIG/CT specification of a domain, one record with its
 * evidence (audited), the controlled-terminology check on edits, and a grid-sized page of records within the
 * query limits.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPatient, seedStudy, seedUser } from '../setup/factories.ts';
import { createGraphQLHarness, type GraphQLHarness } from '../setup/graphql-harness.ts';

let h: GraphQLHarness;
let coordinator: string;
let viewer: string;
let annotator: string;
let studyId: string;
let studyGid: string;
let subject: { id: string; patientId: string; usubjid: string };

const SPEC = `query($d: String!) { sdtmDomainSpec(domain: $d) {
  domain specification label class
  variables { name label type role core order codelists { code submissionValue extensible terms } } } }`;
const UPDATE = `mutation($id: ID!, $v: JSON!) { updateSdtmRecord(id: $id, variables: $v, reason: "per source document") {
  __typename ... on MutationUpdateSdtmRecordSuccess { data { variables } } ... on ValidationError { fieldErrors { path message } } } }`;
const RECORD = `query($id: ID!) { sdtmRecord(id: $id) { __typename
  ... on QuerySdtmRecordSuccess { data { domain findings { id spanStart spanEnd spanText box document { id } } } }
  ... on Error { message } } }`;

beforeAll(async () => {
  h = await createGraphQLHarness();
  coordinator = (await seedUser(h.db, 'COORDINATOR')).user.id;
  viewer = (await seedUser(h.db, 'VIEWER')).user.id;
  annotator = (await seedUser(h.db, 'ANNOTATOR')).user.id;
  const study = await seedStudy(h.db);
  studyId = study.id;
  studyGid = encodeGlobalID('Study', study.id);
  const patient = await seedPatient(h.db, { studyId: study.id });
  subject = await h.db.subject.findFirstOrThrow({ where: { patientId: patient.id } });
});
afterAll(() => h.close());

async function seedVs(variables: Record<string, string | number>, findingIds: string[] = []) {
  return h.db.sdtmRecord.create({
    data: {
      studyId,
      subjectId: subject.id,
      domain: 'VS',
      key: `TEST:${crypto.randomUUID()}`,
      variables: { STUDYID: 'S', DOMAIN: 'VS', USUBJID: subject.usubjid, ...variables },
      findings: { connect: findingIds.map((id) => ({ id })) },
    },
  });
}

describe('sdtmDomainSpec', () => {
  it('gives VS variables in SDTMIG order with core, type and codelists (closed and extensible)', async () => {
    const res = await h.gql(SPEC, { d: 'vs' }, { userId: viewer });
    expect(res.errors).toBeUndefined();
    const spec = res.data.sdtmDomainSpec;
    expect(spec).toMatchObject({
      domain: 'VS',
      specification: 'VS',
      label: 'Vital Signs',
      class: 'Findings',
    });
    const names = spec.variables.map((v: any) => v.name);
    expect(names.slice(0, 4)).toEqual(['STUDYID', 'DOMAIN', 'USUBJID', 'VSSEQ']);
    expect(spec.variables.map((v: any) => v.order)).toEqual(names.map((_: string, i: number) => i + 1));
    const byName = Object.fromEntries(spec.variables.map((v: any) => [v.name, v]));
    expect(byName.VSTESTCD).toMatchObject({ core: 'Req', type: 'Char', role: 'Topic' });
    expect(byName.VSTESTCD.codelists[0]).toMatchObject({ code: 'C66741', extensible: true });
    expect(byName.VSTESTCD.codelists[0].terms).toContain('SYSBP');
    expect(byName.VSBLFL.codelists).toEqual([
      { code: 'C66742', submissionValue: 'NY', extensible: false, terms: ['N', 'NA', 'U', 'Y'] },
    ]);
    expect(byName.VSSTRESN).toMatchObject({ type: 'Num', core: 'Exp', codelists: [] });
  });

  it('maps SUPP-- domains to SUPPQUAL, gives the sponsor XB specification and null for other custom domains', async () => {
    const supp = await h.gql(SPEC, { d: 'SUPPVS' }, { userId: viewer });
    expect(supp.data.sdtmDomainSpec).toMatchObject({ domain: 'SUPPVS', specification: 'SUPPQUAL' });
    const xb = (await h.gql(SPEC, { d: 'XB' }, { userId: viewer })).data.sdtmDomainSpec;
    expect(xb).toMatchObject({ domain: 'XB', specification: 'sponsor', class: 'Findings' });
    expect(xb.variables.slice(0, 4).map((v: any) => v.name)).toEqual([
      'STUDYID',
      'DOMAIN',
      'USUBJID',
      'XBSEQ',
    ]);
    expect(xb.variables.find((v: any) => v.name === 'XBLAT').codelists[0]).toMatchObject({ code: 'C99073' });
    const custom = await h.gql(SPEC, { d: 'XC' }, { userId: viewer });
    expect(custom.errors).toBeUndefined();
    expect(custom.data.sdtmDomainSpec).toBeNull();
  });

  it('is refused without read:sdtm', async () => {
    const res = await h.gql(SPEC, { d: 'VS' }, { userId: annotator });
    expect(res.errors?.[0]?.message).toMatch(/Not permitted: Query.sdtmDomainSpec/);
  });
});

describe('controlled terminology on edits', () => {
  it('refuses a value outside a non-extensible codelist at its path, accepts sponsor terms in extensible ones', async () => {
    const record = await seedVs({ VSTESTCD: 'SYSBP', VSORRES: '120' });
    const id = encodeGlobalID('SdtmRecord', record.id);
    const bad = await h.gql(UPDATE, { id, v: { VSBLFL: 'YES', VSSTAT: 'MISSING' } }, { userId: coordinator });
    expect(bad.data.updateSdtmRecord.__typename).toBe('ValidationError');
    const errors = bad.data.updateSdtmRecord.fieldErrors;
    expect(errors.map((e: any) => e.path.join('.')).sort()).toEqual(['VS.VSBLFL', 'VS.VSSTAT']);
    expect(errors.find((e: any) => e.path[1] === 'VSBLFL').message).toMatch(/NY \(C66742\).*N, NA, U, Y/);

    const ok = await h.gql(UPDATE, { id, v: { VSBLFL: 'Y', VSPOS: 'HANGING' } }, { userId: coordinator });
    expect(ok.data.updateSdtmRecord.data.variables).toMatchObject({ VSBLFL: 'Y', VSPOS: 'HANGING' });
  });
});

describe('sdtmRecord', () => {
  it('returns the findings a record came from, with span or box, and audits the read', async () => {
    const document = await h.db.document.create({
      data: {
        patientId: subject.patientId,
        title: 'Clinic note',
        mimeType: 'text/plain',
        sha256: crypto.randomUUID(),
        byteSize: 20,
        text: 'BP 138/86 today.',
      },
    });
    const base = {
      patientId: subject.patientId,
      kind: 'VITAL_SIGN' as const,
      source: 'RULE' as const,
      label: 'Systolic blood pressure',
      confidence: 0.9,
      extractorId: 'test',
      extractorVersion: '1',
    };
    const spanFinding = await h.db.finding.create({
      data: { ...base, documentId: document.id, spanStart: 3, spanEnd: 9, spanText: '138/86' },
    });
    const boxFinding = await h.db.finding.create({
      data: { ...base, box: { x: 10, y: 20, width: 30, height: 40 } },
    });
    const record = await seedVs({ VSTESTCD: 'SYSBP', VSORRES: '138' }, [spanFinding.id, boxFinding.id]);

    const res = await h.gql(RECORD, { id: encodeGlobalID('SdtmRecord', record.id) }, { userId: viewer });
    const findings = res.data.sdtmRecord.data.findings;
    expect(findings).toHaveLength(2);
    const span = findings.find((f: any) => f.id === encodeGlobalID('Finding', spanFinding.id));
    expect(span).toMatchObject({
      spanStart: 3,
      spanEnd: 9,
      spanText: '138/86',
      document: { id: encodeGlobalID('Document', document.id) },
    });
    const box = findings.find((f: any) => f.id === encodeGlobalID('Finding', boxFinding.id));
    expect(box).toMatchObject({ box: { x: 10, y: 20, width: 30, height: 40 }, document: null });

    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { action: 'sdtm.read', entityIds: { has: record.id } },
    });
    expect(audit.patientIds).toEqual([subject.patientId]);

    const missing = await h.gql(RECORD, { id: encodeGlobalID('SdtmRecord', 'nope') }, { userId: viewer });
    expect(missing.data.sdtmRecord.__typename).toBe('NotFoundError');
  });
});

describe('sdtmRecords for the grid', () => {
  it('serves a 5,000-row page with the fields the grid reads within the query limits', async () => {
    await h.db.sdtmRecord.createMany({
      data: Array.from({ length: 5100 }, (_, i) => ({
        studyId,
        subjectId: subject.id,
        domain: 'VS',
        key: `BULK:${i}`,
        seq: i + 1,
        variables: { DOMAIN: 'VS', VSTESTCD: 'PULSE', VSORRES: String(60 + (i % 40)) },
      })),
    });
    const res = await h.gql(
      `query($s: ID!, $after: String) { sdtmRecords(studyId: $s, domain: "VS", first: 5000, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id seq edited variables subject { id usubjid } } } } }`,
      { s: studyGid },
      { userId: viewer },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.sdtmRecords.edges).toHaveLength(5000);
    expect(res.data.sdtmRecords.totalCount).toBeGreaterThanOrEqual(5100);
    expect(res.data.sdtmRecords.pageInfo.hasNextPage).toBe(true);
  });
});

describe('sdtmIssues', () => {
  it('reports conformance issues with 1-based paths in grid order and the record each row issue is about', async () => {
    const study = await seedStudy(h.db);
    const patient = await seedPatient(h.db, { studyId: study.id });
    const subj = await h.db.subject.findFirstOrThrow({ where: { patientId: patient.id } });
    const base = { STUDYID: study.studyId, DOMAIN: 'VS', USUBJID: subj.usubjid, VSTEST: 'Pulse Rate' };
    const rows = [
      { seq: 2, variables: { ...base, VSSEQ: 2, VSTESTCD: 'PULSE', VSDTC: '03/05/2024' } },
      { seq: 1, variables: { ...base, VSSEQ: 1, VSTESTCD: 'PULSE', VSDTC: '2024-03-05', VSBLFL: 'YES' } },
    ];
    const created = [];
    for (const r of rows) {
      created.push(
        await h.db.sdtmRecord.create({
          data: { studyId: study.id, subjectId: subj.id, domain: 'VS', key: crypto.randomUUID(), ...r },
        }),
      );
    }
    const QUERY = `query($s: ID!, $limit: Int) { sdtmIssues(studyId: $s, limit: $limit) { totalCount
      issues { path ruleId severity message dataset variable row value recordId } } }`;
    const res = await h.gql(QUERY, { s: encodeGlobalID('Study', study.id) }, { userId: viewer });
    expect(res.errors).toBeUndefined();
    const { issues, totalCount } = res.data.sdtmIssues;
    expect(totalCount).toBe(issues.length);
    // Grid order is by VSSEQ: the record with VSSEQ 2 (the bad date) is row 2.
    const date = issues.find((i: any) => i.ruleId === 'SDTM-ISO8601');
    expect(date).toMatchObject({
      path: 'VS.VSDTC[2]',
      dataset: 'VS',
      variable: 'VSDTC',
      row: 2,
      value: '03/05/2024',
      recordId: encodeGlobalID('SdtmRecord', created[0].id),
    });
    const ct = issues.find((i: any) => i.ruleId === 'SDTM-CT-NONEXTENSIBLE');
    expect(ct).toMatchObject({ path: 'VS.VSBLFL[1]', recordId: encodeGlobalID('SdtmRecord', created[1].id) });

    const limited = await h.gql(
      QUERY,
      { s: encodeGlobalID('Study', study.id), limit: 1 },
      { userId: viewer },
    );
    expect(limited.data.sdtmIssues).toMatchObject({ totalCount, issues: [expect.any(Object)] });
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { action: 'sdtm.check', entityIds: { has: study.id } },
    });
    expect(audit.actorUserId).toBe(viewer);

    const denied = await h.gql(QUERY, { s: encodeGlobalID('Study', study.id) }, { userId: annotator });
    expect(denied.errors?.[0]?.message).toMatch(/Not permitted: Query.sdtmIssues/);
  });
});
