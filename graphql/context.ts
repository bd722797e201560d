/** What every resolver receives. Built once per request by lib/http/graphql-context.ts. */
import type { Actor } from '../lib/auth/actor.ts';
import type { Db } from '../lib/db/client.ts';

export interface DeniedAccess {
  field: string;
  reason: string;
}

export interface GraphQLContext {
  db: Db;
  databaseUrl: string;
  actor: Actor | null;
  requestId: string;
  /** Fields refused by scope-auth during this request; written to the audit log when the response is sent. */
  denied: DeniedAccess[];
}

export type AuthedContext = GraphQLContext & { actor: Actor };
