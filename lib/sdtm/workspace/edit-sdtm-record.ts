/**
 * Workspace edits of SDTM records by programmers and coordinators: change, add or remove a record. Each is
 * validated, marks the record as edited (a later remap leaves it alone), and is audited with before, after and
 * the reason given.
 */
import type { Actor } from '../../auth/actor.ts';
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { Db } from '../../db/client.ts';
import { validateRecordEdit, type EditIssue, type TermCheck } from './validate-record-edit.ts';

export class SdtmEditError extends Error {
  constructor(public readonly issues: EditIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

export class SdtmRecordNotFound extends Error {}

type Vars = Record<string, string | number | null>;

function requireReason(reason: string) {
  if (reason.trim().length < 3)
    throw new SdtmEditError([{ path: 'reason', message: 'give a reason for the change' }]);
}

export async function updateSdtmRecord(
  db: Db,
  actor: Actor,
  o: { id: string; changes: Vars; reason: string; requestId?: string; checkTerm?: TermCheck },
) {
  requireReason(o.reason);
  return db.$transaction(async (tx) => {
    const before = await tx.sdtmRecord.findUnique({ where: { id: o.id }, include: { subject: true } });
    if (!before) throw new SdtmRecordNotFound('No SDTM record with that id');
    const issues = validateRecordEdit(before.domain, o.changes, o.checkTerm);
    for (const key of ['STUDYID', 'DOMAIN', 'USUBJID']) {
      if (key in o.changes)
        issues.push({ path: `${before.domain}.${key}`, message: 'identifiers cannot be edited' });
    }
    if (issues.length) throw new SdtmEditError(issues);
    const variables: Vars = { ...(before.variables as Vars) };
    for (const [k, v] of Object.entries(o.changes)) {
      if (v === null) delete variables[k];
      else variables[k] = v;
    }
    const after = await tx.sdtmRecord.update({ where: { id: o.id }, data: { variables, edited: true } });
    await recordAuditEvent(tx, {
      actor,
      action: 'sdtm.edit',
      entityType: 'SdtmRecord',
      entityIds: [o.id],
      patientIds: before.subject ? [before.subject.patientId] : [],
      requestId: o.requestId,
      before: before.variables,
      after: variables,
      detail: { reason: o.reason, domain: before.domain },
    });
    return after;
  });
}

export async function createSdtmRecord(
  db: Db,
  actor: Actor,
  o: {
    studyId: string;
    subjectId: string | null;
    domain: string;
    variables: Vars;
    reason: string;
    requestId?: string;
    checkTerm?: TermCheck;
  },
) {
  requireReason(o.reason);
  const issues = validateRecordEdit(o.domain, o.variables, o.checkTerm);
  if (!/^[A-Z]{2}$|^SUPP[A-Z]{2}$/.test(o.domain))
    issues.push({ path: o.domain, message: 'domain is two letters (or SUPP + two)' });
  if (issues.length) throw new SdtmEditError(issues);
  return db.$transaction(async (tx) => {
    const subject = o.subjectId
      ? await tx.subject.findUnique({ where: { id: o.subjectId }, include: { study: true } })
      : null;
    if (o.subjectId && !subject) throw new SdtmRecordNotFound('No subject with that id');
    const study = await tx.study.findUniqueOrThrow({ where: { id: o.studyId } });
    const variables: Vars = {
      STUDYID: study.studyId,
      DOMAIN: o.domain.startsWith('SUPP') ? null : o.domain,
      ...(subject ? { USUBJID: subject.usubjid } : {}),
      ...o.variables,
    };
    const record = await tx.sdtmRecord.create({
      data: {
        studyId: o.studyId,
        subjectId: o.subjectId,
        domain: o.domain,
        key: `MANUAL:${crypto.randomUUID()}`,
        variables,
        edited: true,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'sdtm.create',
      entityType: 'SdtmRecord',
      entityIds: [record.id],
      patientIds: subject ? [subject.patientId] : [],
      requestId: o.requestId,
      after: variables,
      detail: { reason: o.reason, domain: o.domain },
    });
    return record;
  });
}

export async function deleteSdtmRecord(
  db: Db,
  actor: Actor,
  o: { id: string; reason: string; requestId?: string },
) {
  requireReason(o.reason);
  return db.$transaction(async (tx) => {
    const before = await tx.sdtmRecord.findUnique({ where: { id: o.id }, include: { subject: true } });
    if (!before) throw new SdtmRecordNotFound('No SDTM record with that id');
    await tx.sdtmRecord.delete({ where: { id: o.id } });
    await recordAuditEvent(tx, {
      actor,
      action: 'sdtm.delete',
      entityType: 'SdtmRecord',
      entityIds: [o.id],
      patientIds: before.subject ? [before.subject.patientId] : [],
      requestId: o.requestId,
      before: before.variables,
      detail: { reason: o.reason, domain: before.domain },
    });
    return before;
  });
}
