/**
 * A read of patient-level data and its AuditEvent in one transaction: if the audit write fails, no data is
 * returned.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { recordAuditEvent } from './record-audit-event.ts';

export interface AuditedReadOptions<T> {
  db: Db;
  actor: Actor | null;
  requestId: string;
  action: string;
  entityType: string;
  read(tx: Prisma.TransactionClient): Promise<T>;
  /** The patients (and entities) the result reveals. */
  reveals(result: T): { entityIds: string[]; patientIds: string[] };
  detail?: Record<string, unknown>;
}

export function auditedRead<T>(o: AuditedReadOptions<T>): Promise<T> {
  return o.db.$transaction(async (tx) => {
    const result = await o.read(tx);
    const { entityIds, patientIds } = o.reveals(result);
    await recordAuditEvent(tx, {
      actor: o.actor,
      action: o.action,
      entityType: o.entityType,
      entityIds,
      patientIds,
      requestId: o.requestId,
      detail: o.detail,
    });
    return result;
  });
}
