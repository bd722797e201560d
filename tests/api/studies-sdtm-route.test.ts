/** GET /api/studies/:studyId/sdtm: downloads for export:sdtm only, audited, in the asked format. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GET as RouteGet } from '../../app/api/studies/[studyId]/sdtm/route.ts';
import { mapStudyToSdtm } from '../../lib/sdtm/mapping/map-study.ts';
import { readXpt } from '../../lib/sdtm/xpt/read-xpt.ts';
import { seedUser } from '../setup/factories.ts';
import { sessionCookie } from '../setup/graphql-harness.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';
import { seedMappingStudy } from '../lib/sdtm/mapping/seed-mapping-study.ts';

let t: TestDatabase;
let s: Awaited<ReturnType<typeof seedMappingStudy>>;
/** Loaded after DATABASE_URL points at the test database: the route's services read it on first use. */
let GET: typeof RouteGet;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ({ GET } = await import('../../app/api/studies/[studyId]/sdtm/route.ts'));
  s = await seedMappingStudy(t.db);
  await mapStudyToSdtm({ db: t.db, studyId: s.study.id, actor: s.coordinator.actor });
});
afterAll(() => t.close());

async function download(userId: string | null, studyId: string, format?: string) {
  const url = `http://localhost/api/studies/${encodeURIComponent(studyId)}/sdtm${format ? `?format=${format}` : ''}`;
  const headers: Record<string, string> = userId ? { cookie: await sessionCookie(userId) } : {};
  return GET(new Request(url, { headers }), { params: Promise.resolve({ studyId }) });
}

describe('GET /api/studies/:studyId/sdtm', () => {
  it('gives a coordinator the package by default and define.xml on request, auditing each export', async () => {
    const pkg = await download(s.coordinator.user.id, encodeGlobalID('Study', s.study.id));
    expect(pkg.status).toBe(200);
    expect(pkg.headers.get('content-type')).toBe('application/zip');
    expect(pkg.headers.get('content-disposition')).toBe(`attachment; filename="${s.studyCode}-sdtm.zip"`);
    const files = unzipSync(new Uint8Array(await pkg.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['define.xml', 'datasets/dm.xpt', 'datasets/xb.xpt']),
    );

    const define = await download(s.coordinator.user.id, s.studyCode, 'define');
    expect(define.headers.get('content-type')).toBe('application/xml');
    expect(await define.text()).toContain(`<StudyName>${s.studyCode}</StudyName>`);

    const xpt = await download(s.coordinator.user.id, s.study.id, 'xpt');
    const zipped = unzipSync(new Uint8Array(await xpt.arrayBuffer()));
    expect(readXpt(zipped['vs.xpt'])[0].rows).toHaveLength(3);

    const audits = await t.db.auditEvent.findMany({ where: { action: 'sdtm.export', outcome: 'SUCCESS' } });
    expect(audits.map((a) => (a.detail as { format: string }).format).sort()).toEqual([
      'define',
      'package',
      'xpt',
    ]);
    expect(audits.every((a) => a.actorUserId === s.coordinator.user.id)).toBe(true);
  });

  it('refuses a viewer (audited), anonymous callers, unknown formats and studies', async () => {
    const viewer = await seedUser(t.db, 'VIEWER');
    expect((await download(viewer.user.id, s.studyCode)).status).toBe(403);
    expect(await t.db.auditEvent.count({ where: { action: 'sdtm.export', outcome: 'DENIED' } })).toBe(1);
    expect((await download(null, s.studyCode)).status).toBe(401);
    expect((await download(s.coordinator.user.id, s.studyCode, 'pdf')).status).toBe(400);
    expect((await download(s.coordinator.user.id, 'NO-SUCH-STUDY')).status).toBe(404);
  });
});
