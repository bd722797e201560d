/** Writes a DENIED audit event for every field scope-auth refused during a request. */
import type { ApolloServerPlugin } from '@apollo/server';
import { recordAuditEvent } from '../../lib/audit/record-audit-event.ts';
import type { GraphQLContext } from '../context.ts';

export async function auditDenied(ctx: GraphQLContext): Promise<void> {
  for (const d of ctx.denied.splice(0)) {
    await recordAuditEvent(ctx.db, {
      actor: ctx.actor,
      action: 'graphql.access',
      outcome: 'DENIED',
      entityType: 'Field',
      entityIds: [d.field],
      requestId: ctx.requestId,
      detail: { reason: d.reason },
    });
  }
}

export const auditDeniedPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        await auditDenied(contextValue);
      },
    };
  },
};
