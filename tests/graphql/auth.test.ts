/** Authentication and authorisation through real requests: sessions, API tokens, roles, PHI, denials audited. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../lib/auth/api-tokens.ts';
import { createGraphQLHarness, type GraphQLHarness } from '../setup/graphql-harness.ts';
import { seedPatient, seedStudy, seedUser } from '../setup/factories.ts';

let h: GraphQLHarness;
let admin: Awaited<ReturnType<typeof seedUser>>;
let viewer: Awaited<ReturnType<typeof seedUser>>;
let physician: Awaited<ReturnType<typeof seedUser>>;
let patientId: string;
let mrn: string;

const PATIENT = `query($id: ID!) { patient(id: $id) { __typename
  ... on QueryPatientSuccess { data { pseudonym displayName mrn birthDate familyName identifiersVisible } }
  ... on Error { message } } }`;

beforeAll(async () => {
  h = await createGraphQLHarness();
  admin = await seedUser(h.db, 'ADMIN');
  viewer = await seedUser(h.db, 'VIEWER');
  physician = await seedUser(h.db, 'PHYSICIAN');
  const study = await seedStudy(h.db);
  const p = await seedPatient(h.db, { studyId: study.id, familyName: 'Flanders' });
  patientId = encodeGlobalID('Patient', p.id);
  mrn = p.mrn;
});
afterAll(() => h.close());

describe('sessions and roles', () => {
  it('refuses anonymous reads and audits the refusal', async () => {
    const before = await h.db.auditEvent.count({ where: { outcome: 'DENIED' } });
    const r = await h.gql('{ patients(first: 5) { totalCount } }');
    expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(r.data).toBeNull();
    const denied = await h.db.auditEvent.findMany({ where: { outcome: 'DENIED' }, orderBy: { id: 'desc' } });
    expect(denied.length).toBe(before + 1);
    expect(denied[0].entityIds).toEqual(['Query.patients']);
    expect(denied[0].actorLabel).toBe('anonymous');
  });

  it('shows direct identifiers to a physician and only the pseudonym to a viewer', async () => {
    const asPhysician = await h.gql(PATIENT, { id: patientId }, { userId: physician.user.id });
    expect(asPhysician.data.patient.data).toMatchObject({
      mrn,
      familyName: 'Flanders',
      identifiersVisible: true,
    });
    expect(asPhysician.data.patient.data.birthDate).toBe('1956-05-12');

    const asViewer = await h.gql(PATIENT, { id: patientId }, { userId: viewer.user.id });
    const p = asViewer.data.patient.data;
    expect(p).toMatchObject({ mrn: null, familyName: null, birthDate: null, identifiersVisible: false });
    expect(p.displayName).toBe(p.pseudonym);
    expect(p.pseudonym).toMatch(/^PT-[0-9A-F]{8}$/);
  });

  it('does not let a viewer find a patient by MRN or name', async () => {
    const q = 'query($s: String) { patients(search: $s) { totalCount } }';
    expect((await h.gql(q, { s: mrn }, { userId: physician.user.id })).data.patients.totalCount).toBe(1);
    expect((await h.gql(q, { s: mrn }, { userId: viewer.user.id })).data.patients.totalCount).toBe(0);
    expect((await h.gql(q, { s: 'Flanders' }, { userId: viewer.user.id })).data.patients.totalCount).toBe(0);
  });

  it('returns NotFoundError as a typed result, not an exception', async () => {
    const r = await h.gql(PATIENT, { id: encodeGlobalID('Patient', 'nope') }, { userId: physician.user.id });
    expect(r.data.patient).toEqual({ __typename: 'NotFoundError', message: 'No patient with that id' });
  });

  it('refuses admin fields to non-admins, as a ForbiddenError member where the field has one', async () => {
    const r = await h.gql(
      `mutation { createUser(email: "x@y.z", name: "X", role: ADMIN, password: "long-enough-pw") { __typename ... on Error { message } } }`,
      {},
      { userId: physician.user.id },
    );
    expect(r.data.createUser.__typename).toBe('ForbiddenError');
    expect(await h.db.user.count({ where: { email: 'x@y.z' } })).toBe(0);
  });

  it('ignores a session cookie signed with another secret', async () => {
    const { encode } = await import('next-auth/jwt');
    const forged = await encode({
      token: { sub: admin.user.id },
      secret: 'not-the-server-secret-at-all-000000',
    });
    const r = await h.gql('{ me { email } }', {}, { raw: { cookie: `next-auth.session-token=${forged}` } });
    expect(r.data.me).toBeNull();
  });

  it('takes a deactivation into account at once', async () => {
    const u = await seedUser(h.db, 'COORDINATOR');
    expect((await h.gql('{ me { email } }', {}, { userId: u.user.id })).data.me.email).toBe(u.user.email);
    await h.db.user.update({ where: { id: u.user.id }, data: { active: false } });
    expect((await h.gql('{ me { email } }', {}, { userId: u.user.id })).data.me).toBeNull();
  });
});

describe('API tokens', () => {
  it('authenticates a bearer token, limited to its scopes', async () => {
    const { secret } = await createApiToken({
      db: h.db,
      ownerId: admin.user.id,
      name: 'reader',
      scopes: ['read:patients'],
    });
    const me = await h.gql('{ me { viaToken scopes } }', {}, { token: secret });
    expect(me.data.me).toEqual({ viaToken: true, scopes: ['read:patients'] });
    const list = await h.gql(
      '{ patients { totalCount edges { node { mrn pseudonym } } } }',
      {},
      { token: secret },
    );
    expect(list.data.patients.totalCount).toBe(1);
    expect(list.data.patients.edges[0].node.mrn).toBeNull(); // no read:phi in this token
    const users = await h.gql('{ users { totalCount } }', {}, { token: secret });
    expect(users.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('never grants a token more than its owner role allows', async () => {
    await expect(
      createApiToken({ db: h.db, ownerId: viewer.user.id, name: 'greedy', scopes: ['admin:users'] }),
    ).rejects.toThrow(/not permitted/);
    const { secret } = await createApiToken({
      db: h.db,
      ownerId: physician.user.id,
      name: 'p',
      scopes: ['read:phi', 'read:patients'],
    });
    await h.db.user.update({ where: { id: physician.user.id }, data: { role: 'VIEWER' } });
    const me = await h.gql('{ me { scopes } }', {}, { token: secret });
    expect(me.data.me.scopes).toEqual(['read:patients']);
    await h.db.user.update({ where: { id: physician.user.id }, data: { role: 'PHYSICIAN' } });
  });

  it.each([
    ['forged', () => Promise.resolve('ihr_' + 'A'.repeat(43))],
    ['malformed', () => Promise.resolve('not-a-token')],
    [
      'expired',
      async () =>
        (
          await createApiToken({
            db: h.db,
            ownerId: admin.user.id,
            name: 'old',
            scopes: ['read:patients'],
            expiresAt: new Date(Date.now() - 1000),
          })
        ).secret,
    ],
    [
      'revoked',
      async () => {
        const t = await createApiToken({
          db: h.db,
          ownerId: admin.user.id,
          name: 'gone',
          scopes: ['read:patients'],
        });
        await h.db.apiToken.update({ where: { id: t.token.id }, data: { revokedAt: new Date() } });
        return t.secret;
      },
    ],
  ])('refuses a %s token with 401 and audits it', async (_kind, make) => {
    const secret = await make();
    const before = await h.db.auditEvent.count({ where: { action: 'auth.token', outcome: 'DENIED' } });
    const res = await h.request({ query: '{ patients { totalCount } }' }, { token: secret });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    expect(await h.db.auditEvent.count({ where: { action: 'auth.token', outcome: 'DENIED' } })).toBe(
      before + 1,
    );
  });

  it('stores only a hash of the secret', async () => {
    const { secret, token } = await createApiToken({
      db: h.db,
      ownerId: admin.user.id,
      name: 'h',
      scopes: ['read:jobs'],
    });
    const row = await h.db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(4));
  });
});

describe('admin operations through GraphQL', () => {
  it('creates a token (secret shown once), lists it, revokes it, with audit before/after', async () => {
    const created = await h.gql(
      `mutation { createApiToken(name: "etl", scopes: ["read:patients"]) { __typename ... on MutationCreateApiTokenSuccess { data { secret tokenId } } } }`,
      {},
      { userId: admin.user.id },
    );
    const { secret, tokenId } = created.data.createApiToken.data;
    expect(secret).toMatch(/^ihr_/);
    const list = await h.gql('{ apiTokens { id name prefix revokedAt } }', {}, { userId: admin.user.id });
    expect(list.data.apiTokens.find((t: any) => t.id === tokenId)).toMatchObject({
      name: 'etl',
      revokedAt: null,
    });
    const revoked = await h.gql(
      `mutation($id: ID!) { revokeApiToken(id: $id) { __typename ... on MutationRevokeApiTokenSuccess { data { revokedAt } } } }`,
      { id: tokenId },
      { userId: admin.user.id },
    );
    expect(revoked.data.revokeApiToken.data.revokedAt).not.toBeNull();
    expect((await h.request({ query: '{ me { email } }' }, { token: secret })).status).toBe(401);
    const events = await h.db.auditEvent.findMany({
      where: { action: { in: ['token.create', 'token.revoke'] } },
    });
    const revokeEvent = events.find((e) => e.action === 'token.revoke')!;
    expect(revokeEvent.before).toEqual({ revokedAt: null });
    expect((revokeEvent.after as { revokedAt: string }).revokedAt).toBeTruthy();
  });

  it('reports every invalid field of createUser with its path, and keeps HTML as data', async () => {
    const r = await h.gql(
      `mutation { createUser(email: "bad", name: "", role: VIEWER, password: "short") { __typename ... on ValidationError { fieldErrors { path message } } } }`,
      {},
      { userId: admin.user.id },
    );
    expect(r.data.createUser.__typename).toBe('ValidationError');
    const paths = r.data.createUser.fieldErrors.map((e: any) => e.path.join('.')).sort();
    expect(paths).toEqual(['email', 'name', 'password']);
    const html = '<img src=x onerror=alert(1)>';
    const ok = await h.gql(
      `mutation($n: String!) { createUser(email: "html@t.local", name: $n, role: VIEWER, password: "long-enough-pw") { __typename ... on MutationCreateUserSuccess { data { name } } } }`,
      { n: html },
      { userId: admin.user.id },
    );
    expect(ok.data.createUser.data.name).toBe(html);
  });

  it('refuses to demote the last admin', async () => {
    const r = await h.gql(
      `mutation($id: ID!) { updateUser(id: $id, role: VIEWER) { __typename } }`,
      { id: encodeGlobalID('User', admin.user.id) },
      { userId: admin.user.id },
    );
    expect(r.data.updateUser.__typename).toBe('ConflictError');
  });

  it('lets admins filter the audit log', async () => {
    const r = await h.gql(
      `{ auditEvents(filter: { outcome: DENIED }, first: 50) { totalCount edges { node { action outcome } } } }`,
      {},
      { userId: admin.user.id },
    );
    expect(r.data.auditEvents.totalCount).toBeGreaterThan(0);
    expect(r.data.auditEvents.edges.every((e: any) => e.node.outcome === 'DENIED')).toBe(true);
  });
});
