/** The audit log: append-only in the database, written in the same transaction as what it records. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCsv } from '../../lib/audit/audit-csv.ts';
import { auditedRead } from '../../lib/audit/audited-read.ts';
import { recordAuditEvent } from '../../lib/audit/record-audit-event.ts';
import { createUser } from '../../lib/users/create-user.ts';
import { actorFor, seedPatient, seedUser } from '../setup/factories.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit events, even with raw SQL', async () => {
    await recordAuditEvent(t.db, { actor: null, action: 'test.event' });
    const count = await t.db.auditEvent.count();
    await expect(t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(t.db.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await t.db.auditEvent.count()).toBe(count);
    expect(await t.db.auditEvent.count({ where: { action: 'forged' } })).toBe(0);
  });
});

describe('same transaction', () => {
  it('writes no audit event when the write it records rolls back', async () => {
    const { actor } = await seedUser(t.db, 'ADMIN');
    const input = {
      email: 'twice@test.local',
      name: 'Twice',
      role: 'VIEWER' as const,
      password: 'long-enough-pw',
    };
    await createUser(t.db, actor, input);
    const before = await t.db.auditEvent.count({ where: { action: 'user.create' } });
    await expect(createUser(t.db, actor, input)).rejects.toThrow(/exists/);
    expect(await t.db.auditEvent.count({ where: { action: 'user.create' } })).toBe(before);
  });

  it('returns no data when the audit write of a read fails', async () => {
    const patient = await seedPatient(t.db);
    const { user } = await seedUser(t.db, 'PHYSICIAN');
    const read = () =>
      auditedRead({
        db: t.db,
        actor: actorFor(user),
        requestId: 'r1',
        action: 'x'.repeat(10),
        entityType: 'Patient',
        read: (tx) => tx.patient.findUnique({ where: { id: patient.id } }),
        reveals: (p) => ({ entityIds: [p!.id], patientIds: [p!.id] }),
      });
    expect((await read())?.id).toBe(patient.id);
    const events = await t.db.auditEvent.findMany({ where: { requestId: 'r1' } });
    expect(events).toHaveLength(1);
    expect(events[0].patientIds).toEqual([patient.id]);
    // Break the audit table for this session's writes: the read must fail rather than go unrecorded.
    await t.db.$executeRawUnsafe(
      `ALTER TABLE "AuditEvent" ADD CONSTRAINT no_more CHECK (action <> 'xxxxxxxxxx') NOT VALID`,
    );
    try {
      await expect(read()).rejects.toThrow();
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DROP CONSTRAINT no_more`);
    }
  });
});

describe('CSV export', () => {
  it('quotes fields, neutralises spreadsheet formulas and pages through everything', async () => {
    await recordAuditEvent(t.db, { actor: null, action: '=cmd|calc', detail: { note: 'a "quoted", value' } });
    let csv = '';
    for await (const chunk of auditCsv(t.db, {}, 2)) csv += chunk;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,at,actorLabel,actorUserId,actorTokenId,action,outcome,entityType,entityIds,patientIds,requestId,before,after,detail',
    );
    expect(lines.length - 1).toBe(await t.db.auditEvent.count());
    expect(csv).toContain(`'=cmd|calc`);
    expect(csv).toContain('"{""note"":""a \\""quoted\\"", value""}"');
  });
});
