/** Factories for tests: option objects, random unique identifiers, synthetic people only. */
import crypto from 'node:crypto';
import type { Role } from '../../generated/prisma/enums.ts';
import { scopesForRole } from '../../lib/auth/scopes.ts';
import type { Actor } from '../../lib/auth/actor.ts';
import type { Db } from '../../lib/db/client.ts';
import { pseudonymFor } from '../../lib/patients/pseudonym.ts';
import { createUser } from '../../lib/users/create-user.ts';

process.env.IMAGEHR_BCRYPT_COST ??= '4';

const uid = () => crypto.randomBytes(4).toString('hex');

export async function seedUser(db: Db, role: Role, options: { password?: string } = {}) {
  const email = `${role.toLowerCase()}-${uid()}@test.local`;
  const password = options.password ?? 'correct-horse-battery';
  const user = await createUser(db, null, { email, name: `Test ${role}`, role, password });
  return { user, password, actor: actorFor(user) };
}

export function actorFor(user: { id: string; email: string; role: Role }): Actor {
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    tokenId: null,
    scopes: scopesForRole(user.role),
  };
}

export async function seedStudy(db: Db, studyId = `ST-${uid()}`) {
  return db.study.create({ data: { studyId, title: `Study ${studyId}` } });
}

export async function seedPatient(
  db: Db,
  o: {
    siteCode?: string;
    familyName?: string;
    givenName?: string;
    sex?: string;
    studyId?: string;
    findings?: number;
  } = {},
) {
  const siteCode = o.siteCode ?? 'S01';
  const site = await db.site.upsert({
    where: { siteId: siteCode },
    create: { siteId: siteCode, name: siteCode },
    update: {},
  });
  const mrn = `MRN${uid()}`;
  const patient = await db.patient.create({
    data: {
      siteId: site.id,
      mrn,
      pseudonym: pseudonymFor(siteCode, mrn),
      givenName: o.givenName ?? 'Homer',
      familyName: o.familyName ?? `Simpson${uid()}`,
      birthDate: new Date('1956-05-12T00:00:00Z'),
      sex: o.sex ?? 'M',
    },
  });
  if (o.studyId) {
    const subjid = uid();
    await db.subject.create({
      data: { studyId: o.studyId, patientId: patient.id, subjid, usubjid: `X-${siteCode}-${subjid}` },
    });
  }
  if (o.findings) {
    await db.finding.createMany({
      data: Array.from({ length: o.findings }, (_, i) => ({
        patientId: patient.id,
        kind: 'VITAL_SIGN' as const,
        source: 'RULE' as const,
        label: 'Systolic blood pressure',
        value: String(110 + i),
        valueNum: 110 + i,
        unit: 'mmHg',
        confidence: 0.9,
        extractorId: 'test',
        extractorVersion: '1',
      })),
    });
  }
  return patient;
}
