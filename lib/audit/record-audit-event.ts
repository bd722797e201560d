/**
 * The one way to write the audit log. Call it with the transaction client of the read or write it records,
 * so the event and the change commit or roll back together. Never put PHI in `detail`: ids only.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import type { AuditOutcome } from '../../generated/prisma/enums.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';

export interface AuditEventInput {
  actor: Actor | null;
  /** Who acted when no person or token did, e.g. "job:<id>" for a background job. */
  system?: string;
  action: string;
  outcome?: AuditOutcome;
  entityType?: string;
  entityIds?: string[];
  patientIds?: string[];
  requestId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
}

type AuditWriter = Pick<Prisma.TransactionClient, 'auditEvent'>;

const json = (v: unknown) =>
  v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as object);

export async function recordAuditEvent(db: AuditWriter, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorUserId: event.actor?.userId ?? null,
      actorTokenId: event.actor?.tokenId ?? null,
      actorLabel: event.actor ? actorLabel(event.actor) : (event.system ?? actorLabel(null)),
      action: event.action,
      outcome: event.outcome ?? 'SUCCESS',
      entityType: event.entityType ?? null,
      entityIds: event.entityIds ?? [],
      patientIds: [...new Set(event.patientIds ?? [])],
      requestId: event.requestId ?? null,
      before: json(event.before),
      after: json(event.after),
      detail: json(event.detail),
    },
  });
}
