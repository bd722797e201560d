/**
 * Contracts of the schema as a whole: the auth scope of every root field (a change shows in review), and the
 * committed SDL (graphql/schema.graphql) being current.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from '../../graphql/print-schema.ts';
import { schema } from '../../graphql/schema.ts';

function scopesOf(type: GraphQLObjectType | null | undefined) {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(type?.getFields() ?? {})) {
    const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions;
    out[`${type!.name}.${name}`] = options?.authScopes ?? 'public';
  }
  return out;
}

describe('schema contract', () => {
  it('declares the required scope of every root field', async () => {
    const all = {
      ...scopesOf(schema.getQueryType()),
      ...scopesOf(schema.getMutationType()),
      ...scopesOf(schema.getSubscriptionType()),
    };
    await expect(JSON.stringify(all, null, 2) + '\n').toMatchFileSnapshot(
      './__snapshots__/root-field-scopes.json',
    );
    const publicFields = Object.entries(all)
      .filter(([, v]) => v === 'public')
      .map(([k]) => k);
    expect(publicFields).toEqual(['Query.me']);
  });

  it('matches the committed graphql/schema.graphql (run `imagehr schema print` after a change)', async () => {
    const committed = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../graphql/schema.graphql'),
      'utf8',
    );
    expect(committed).toBe(await printSchemaFile());
  });
});
