/**
 * The demo: one study, one user per role (random passwords, kept in <dataDir>/demo-logins.json so every start
 * can print them), and the Synthea-derived patients in prisma/seed/demo-patients.fhir.json imported through the
 * real job queue. Idempotent: a second run changes nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../../generated/prisma/enums.ts';
import { scopesForRole } from '../auth/scopes.ts';
import { config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { enqueueFhirImport } from '../fhir/enqueue-fhir-import.ts';
import { createUser } from '../users/create-user.ts';

export const DEMO_STUDY = { studyId: 'IMGEHR-DEMO', title: 'imagEHR demonstration study' };
export const DEMO_SITE = 'SYN01';
const ROLES: Role[] = ['ADMIN', 'PHYSICIAN', 'COORDINATOR', 'ANNOTATOR', 'VIEWER'];
const BUNDLE = path.join(config.root, 'prisma/seed/demo-patients.fhir.json');

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

export async function seedDemo(db: Db): Promise<{ logins: DemoLogin[]; importJobId: string | null }> {
  const loginsFile = path.join(config.dataDir, 'demo-logins.json');
  const saved: DemoLogin[] = fs.existsSync(loginsFile) ? JSON.parse(fs.readFileSync(loginsFile, 'utf8')) : [];
  const logins: DemoLogin[] = [];
  for (const role of ROLES) {
    const email = `${role.toLowerCase()}@demo.imagehr.local`;
    const known = saved.find((l) => l.email === email);
    if (!(await db.user.findUnique({ where: { email } }))) {
      const password = crypto.randomBytes(9).toString('base64url');
      await createUser(db, null, { email, name: `Demo ${role.toLowerCase()}`, role, password });
      logins.push({ role, email, password });
    } else if (known) {
      logins.push(known);
    }
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(loginsFile, JSON.stringify(logins, null, 2), { mode: 0o600 });

  const study =
    (await db.study.findUnique({ where: { studyId: DEMO_STUDY.studyId } })) ??
    (await db.study.create({ data: DEMO_STUDY }));
  let importJobId: string | null = null;
  if ((await db.subject.count({ where: { studyId: study.id } })) === 0) {
    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@demo.imagehr.local' } });
    const job = await enqueueFhirImport({
      db,
      actor: {
        userId: admin.id,
        email: admin.email,
        role: admin.role,
        tokenId: null,
        scopes: scopesForRole(admin.role),
      },
      studyId: study.id,
      siteCode: DEMO_SITE,
      bytes: fs.readFileSync(BUNDLE),
    });
    importJobId = job.id;
  }
  return { logins, importJobId };
}
