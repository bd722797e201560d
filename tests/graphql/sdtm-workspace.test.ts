/** SDTM workspace edits through GraphQL: typed validation errors, audit with reason, roles. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDtc } from '../../lib/sdtm/conformance/iso8601.ts';
import { seedPatient, seedStudy, seedUser } from '../setup/factories.ts';
import { createGraphQLHarness, type GraphQLHarness } from '../setup/graphql-harness.ts';

let h: GraphQLHarness;
let coordinator: string;
let viewer: string;
let studyGid: string;
let subjectGid: string;

const CREATE = `mutation($s: ID!, $subj: ID, $v: JSON!) { createSdtmRecord(studyId: $s, subjectId: $subj, domain: "VS", variables: $v, reason: "transcribed from source") {
  __typename ... on MutationCreateSdtmRecordSuccess { data { id edited variables } } ... on ValidationError { fieldErrors { path message } } } }`;
const UPDATE = `mutation($id: ID!, $v: JSON!, $r: String!) { updateSdtmRecord(id: $id, variables: $v, reason: $r) {
  __typename ... on MutationUpdateSdtmRecordSuccess { data { variables edited } } ... on ValidationError { fieldErrors { path message } } } }`;

beforeAll(async () => {
  h = await createGraphQLHarness();
  coordinator = (await seedUser(h.db, 'COORDINATOR')).user.id;
  viewer = (await seedUser(h.db, 'VIEWER')).user.id;
  const study = await seedStudy(h.db);
  const patient = await seedPatient(h.db, { studyId: study.id });
  const subject = await h.db.subject.findFirstOrThrow({ where: { patientId: patient.id } });
  studyGid = encodeGlobalID('Study', study.id);
  subjectGid = encodeGlobalID('Subject', subject.id);
});
afterAll(() => h.close());

describe('ISO 8601', () => {
  it.each([
    '2024',
    '2024-03',
    '2024-03-05',
    '2024-03-05T14',
    '2024-03-05T14:30',
    '2024-03-05T14:30:15.5Z',
    '2003---15',
    '2003-01-01/2003-06-30',
  ])('accepts %s', (v) => expect(parseDtc(v)).toBe(true));
  it.each([
    '20240305',
    '2024-02-30',
    '2024-13-01',
    '2024-03-05 14:30',
    '03/05/2024',
    '2024-03-05T25:00',
    'yesterday',
  ])('refuses %s', (v) => expect(parseDtc(v)).toBe(false));
});

describe('workspace edits', () => {
  it('creates, edits with a reason (audited), and refuses edits that break the standard with every path', async () => {
    const created = await h.gql(
      CREATE,
      { s: studyGid, subj: subjectGid, v: { VSTESTCD: 'SYSBP', VSORRES: '138' } },
      { userId: coordinator },
    );
    const record = created.data.createSdtmRecord.data;
    expect(record.edited).toBe(true);
    expect(record.variables).toMatchObject({ DOMAIN: 'VS', VSTESTCD: 'SYSBP', USUBJID: expect.any(String) });

    const bad = await h.gql(
      UPDATE,
      { id: record.id, v: { VSDTC: '03/05/2024', VERYLONGNAME: 'x', VSORRES: 'é' }, r: 'fix date' },
      { userId: coordinator },
    );
    expect(bad.data.updateSdtmRecord.__typename).toBe('ValidationError');
    const paths = bad.data.updateSdtmRecord.fieldErrors.map((e: any) => e.path.join('.')).sort();
    expect(paths).toEqual(['VS.VERYLONGNAME', 'VS.VSDTC', 'VS.VSORRES']);

    const ok = await h.gql(
      UPDATE,
      { id: record.id, v: { VSDTC: '2024-03-05', VSORRES: '140' }, r: 'corrected per chart' },
      { userId: coordinator },
    );
    expect(ok.data.updateSdtmRecord.data.variables).toMatchObject({ VSDTC: '2024-03-05', VSORRES: '140' });
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: 'sdtm.edit' } });
    expect(audit.detail).toMatchObject({ reason: 'corrected per chart' });
    expect((audit.before as any).VSORRES).toBe('138');
    expect((audit.after as any).VSORRES).toBe('140');

    const noReason = await h.gql(
      UPDATE,
      { id: record.id, v: { VSORRES: '141' }, r: '' },
      { userId: coordinator },
    );
    expect(noReason.data.updateSdtmRecord.__typename).toBe('ValidationError');

    const list = await h.gql(
      `query($s: ID!) { sdtmDomains(studyId: $s) { domain count } sdtmRecords(studyId: $s, domain: "VS") { totalCount edges { node { variables } } } }`,
      { s: studyGid },
      { userId: viewer },
    );
    expect(list.data.sdtmDomains).toEqual([{ domain: 'VS', count: 1 }]);
    expect(list.data.sdtmRecords.totalCount).toBe(1);

    const denied = await h.gql(
      UPDATE,
      { id: record.id, v: { VSORRES: '1' }, r: 'viewer tries' },
      { userId: viewer },
    );
    expect(denied.data.updateSdtmRecord.__typename).toBe('ForbiddenError');
  });
});
