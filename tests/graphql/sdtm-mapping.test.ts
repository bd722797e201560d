/** mapStudyToSdtm through the real /api/graphql handler: typed summary, idempotent rerun, roles, audit. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../setup/factories.ts';
import { createGraphQLHarness, type GraphQLHarness } from '../setup/graphql-harness.ts';
import { seedMappingStudy } from '../lib/sdtm/mapping/seed-mapping-study.ts';

const MAP = `mutation($s: ID!) { mapStudyToSdtm(studyId: $s) {
  __typename
  ... on MutationMapStudyToSdtmSuccess { data { domains { domain created updated deleted unchanged skippedEdited } notMapped { reason count } } }
  ... on Error { message }
  ... on NotFoundError { entity } } }`;

let h: GraphQLHarness;
let seeded: Awaited<ReturnType<typeof seedMappingStudy>>;
let studyGid: string;

beforeAll(async () => {
  h = await createGraphQLHarness();
  seeded = await seedMappingStudy(h.db);
  studyGid = encodeGlobalID('Study', seeded.study.id);
});
afterAll(() => h.close());

describe('mapStudyToSdtm', () => {
  it('maps a study for a coordinator and returns the summary per domain; a rerun changes nothing', async () => {
    const first = await h.gql(MAP, { s: studyGid }, { userId: seeded.coordinator.user.id });
    expect(first.data.mapStudyToSdtm.__typename).toBe('MutationMapStudyToSdtmSuccess');
    const domains = first.data.mapStudyToSdtm.data.domains;
    expect(domains.find((d: { domain: string }) => d.domain === 'VS')).toEqual({
      domain: 'VS',
      created: 3,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      skippedEdited: 0,
    });
    expect(first.data.mapStudyToSdtm.data.notMapped).toEqual([{ reason: 'NOT_OCCURRED', count: 1 }]);

    const again = await h.gql(MAP, { s: studyGid }, { userId: seeded.coordinator.user.id });
    const counts = again.data.mapStudyToSdtm.data.domains;
    expect(
      counts.every(
        (d: { created: number; updated: number; deleted: number }) => d.created + d.updated + d.deleted === 0,
      ),
    ).toBe(true);
    expect(await h.db.sdtmRecord.count({ where: { studyId: seeded.study.id, domain: 'VS' } })).toBe(3);
    const audits = await h.db.auditEvent.findMany({ where: { action: 'sdtm.map', outcome: 'SUCCESS' } });
    expect(audits).toHaveLength(2);
    expect(audits[0].actorUserId).toBe(seeded.coordinator.user.id);
  });

  it('is forbidden to a viewer, who changes nothing', async () => {
    const viewer = await seedUser(h.db, 'VIEWER');
    const before = await h.db.sdtmRecord.count();
    const res = await h.gql(MAP, { s: studyGid }, { userId: viewer.user.id });
    expect(res.data.mapStudyToSdtm.__typename).toBe('ForbiddenError');
    expect(await h.db.sdtmRecord.count()).toBe(before);
  });

  it('returns NotFoundError for an unknown study', async () => {
    const res = await h.gql(
      MAP,
      { s: encodeGlobalID('Study', 'missing') },
      { userId: seeded.coordinator.user.id },
    );
    expect(res.data.mapStudyToSdtm).toMatchObject({ __typename: 'NotFoundError', entity: 'Study' });
  });
});
