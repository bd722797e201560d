'use client';
import { useState } from 'react';
import type { TokenRow, UserRow } from '../_lib/admin-types';
import { USER_FIELDS } from '../_lib/admin-types';
import { formatDateTime } from '../_lib/format';
import {
  ERROR_FIELDS,
  errorText,
  gql,
  globalId,
  unwrapResult,
  type UnionResult,
} from '../_lib/graphql-client';
import { useGraphQLQuery } from '../_lib/use-graphql-query';
import { CreateTokenForm } from './create-token-form';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';
import { useViewer } from './viewer-context';
import { OutcomeMessage, type Outcome } from './outcome-message';

const TOKENS = `
  query Tokens {
    apiTokens { id name prefix scopes expiresAt lastUsedAt revokedAt createdAt owner { id email name role } }
    users(first: 200) { edges { node { ${USER_FIELDS} } } }
  }`;

const REVOKE = `
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ${ERROR_FIELDS}
      ... on MutationRevokeApiTokenSuccess { data { id revokedAt } }
    }
  }`;

interface TokensData {
  apiTokens: TokenRow[];
  users: { edges: { node: UserRow }[] };
}

function tokenState(t: TokenRow): { label: string; tone: string } {
  if (t.revokedAt) return { label: 'Revoked', tone: 'badge-danger' };
  if (t.expiresAt && new Date(t.expiresAt) <= new Date()) return { label: 'Expired', tone: 'badge-warning' };
  return { label: 'Active', tone: 'badge-success' };
}

export function TokensAdmin() {
  const viewer = useViewer();
  const { data, error, loading, refetch } = useGraphQLQuery<TokensData>(TOKENS);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Outcome | null>(null);

  async function revoke(token: TokenRow) {
    if (!window.confirm(`Revoke “${token.name}” (${token.prefix}…)? Tools using it stop working at once.`))
      return;
    setBusy(token.id);
    setNotice(null);
    try {
      unwrapResult(
        (await gql<{ revokeApiToken: UnionResult<{ id: string }> }>(REVOKE, { id: token.id })).revokeApiToken,
      );
      setNotice({ ok: true, text: `“${token.name}” is revoked.` });
      refetch();
    } catch (e) {
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  const tokens = data?.apiTokens ?? [];
  return (
    <>
      <CreateTokenForm
        viewer={viewer}
        viewerGlobalId={globalId('User', viewer.id)}
        users={data?.users.edges.map((e) => e.node) ?? []}
        onCreated={refetch}
      />
      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">Tokens</h2>
        <OutcomeMessage outcome={notice} />
        <ErrorMessage error={error} title="Tokens could not be loaded" />
        {loading && !data && <p className="loading">Loading tokens…</p>}
        {data && !tokens.length && (
          <EmptyState title="No API tokens">
            Tokens you create appear here. Their secrets are never shown again.
          </EmptyState>
        )}
        {tokens.length > 0 && (
          <div className="table-wrap">
            <table className="data-table" data-testid="tokens-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => {
                  const state = tokenState(t);
                  return (
                    <tr key={t.id}>
                      <td>
                        {t.name}
                        <div className="muted mono" style={{ fontSize: '0.8rem' }}>
                          {t.prefix}…
                        </div>
                      </td>
                      <td>{t.owner.email}</td>
                      <td>
                        <span className="scope-list">
                          {t.scopes.map((s) => (
                            <span key={s} className="badge mono">
                              {s}
                            </span>
                          ))}
                        </span>
                      </td>
                      <td>
                        <span className={`badge ${state.tone}`}>{state.label}</span>
                      </td>
                      <td className="nowrap">{formatDateTime(t.createdAt)}</td>
                      <td className="nowrap">{t.expiresAt ? formatDateTime(t.expiresAt) : 'Never'}</td>
                      <td className="nowrap">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
                      <td>
                        {!t.revokedAt && (
                          <button
                            type="button"
                            className="btn btn-danger btn-sm"
                            disabled={busy === t.id}
                            onClick={() => void revoke(t)}
                          >
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
