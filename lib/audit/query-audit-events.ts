/** Filters for the admin's view of the audit log, shared by GraphQL and the CSV download. */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { AuditOutcome } from '../../generated/prisma/enums.ts';

export interface AuditFilter {
  actorUserId?: string | null;
  action?: string | null;
  outcome?: AuditOutcome | null;
  patientId?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function auditWhere(f: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(f.actorUserId ? { actorUserId: f.actorUserId } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.patientId ? { patientIds: { has: f.patientId } } : {}),
    ...(f.entityId ? { entityIds: { has: f.entityId } } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}
