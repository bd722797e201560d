'use client';
import { useState, type FormEvent } from 'react';
import { ROLE_SCOPES, SCOPES } from '@/lib/auth/scopes';
import type { UserRow } from '../_lib/admin-types';
import { ERROR_FIELDS, errorText, gql, unwrapResult, type UnionResult } from '../_lib/graphql-client';
import { ROLE_LABELS, type PortalUser } from '../_lib/roles';
import { TokenSecret } from './token-secret';

const CREATE_TOKEN = `
  mutation CreateApiToken($name: String!, $scopes: [String!]!, $ownerId: ID, $expiresAt: DateTime) {
    createApiToken(name: $name, scopes: $scopes, ownerId: $ownerId, expiresAt: $expiresAt) {
      ${ERROR_FIELDS}
      ... on MutationCreateApiTokenSuccess { data { secret tokenId } }
    }
  }`;

/** The end of a chosen day, in the browser's time zone. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

export function CreateTokenForm({
  viewer,
  viewerGlobalId,
  users,
  onCreated,
}: {
  viewer: PortalUser;
  viewerGlobalId: string;
  users: UserRow[];
  onCreated: () => void;
}) {
  const [ownerId, setOwnerId] = useState(viewerGlobalId);
  const [scopes, setScopes] = useState<Set<string>>(new Set(['read:patients']));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  const owner = users.find((u) => u.id === ownerId);
  const ownerRole = owner?.role ?? viewer.role;
  const allowed = new Set<string>(ROLE_SCOPES[ownerRole]);
  const chosen = [...scopes].filter((s) => allowed.has(s));

  function toggle(scope: string, on: boolean) {
    setScopes((prev) => {
      const next = new Set(prev);
      if (on) next.add(scope);
      else next.delete(scope);
      return next;
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const name = String(f.get('name') ?? '').trim();
    const expires = String(f.get('expires') ?? '');
    if (!chosen.length) {
      setError('Choose at least one scope.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const data = await gql<{ createApiToken: UnionResult<{ secret: string; tokenId: string }> }>(
        CREATE_TOKEN,
        {
          name,
          scopes: chosen,
          ownerId: ownerId === viewerGlobalId ? null : ownerId,
          expiresAt: expires ? endOfDay(expires) : null,
        },
      );
      const { secret } = unwrapResult(data.createApiToken);
      setCreated({ name, secret });
      form.reset();
      onCreated();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby="create-token-title">
      <h2 id="create-token-title">Create token</h2>
      {created && <TokenSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
      <form onSubmit={onSubmit}>
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
        <div className="form-grid">
          <div className="field">
            <label htmlFor="token-name">Name</label>
            <input
              id="token-name"
              name="name"
              type="text"
              required
              maxLength={100}
              placeholder="e.g. PACS bridge"
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor="token-owner">Owner</label>
            <select id="token-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              {!users.some((u) => u.id === viewerGlobalId) && (
                <option value={viewerGlobalId}>{viewer.email} (you)</option>
              )}
              {users
                .filter((u) => u.active)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.email} — {ROLE_LABELS[u.role]}
                    {u.id === viewerGlobalId ? ' (you)' : ''}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="token-expires">Expires (optional)</label>
            <input
              id="token-expires"
              name="expires"
              type="date"
              min={tomorrow()}
              aria-describedby="token-expires-hint"
            />
            <span id="token-expires-hint" className="field-hint">
              At the end of that day. Empty: never.
            </span>
          </div>
        </div>
        <fieldset style={{ marginTop: '0.9rem' }}>
          <legend>Scopes</legend>
          <p className="field-hint" style={{ margin: 0 }}>
            Greyed-out scopes are beyond the owner&apos;s role ({ROLE_LABELS[ownerRole]}).
          </p>
          <div className="checkbox-grid">
            {SCOPES.map((scope) => {
              const ok = allowed.has(scope);
              return (
                <label key={scope} className={`checkbox mono${ok ? '' : ' checkbox-disabled'}`}>
                  <input
                    type="checkbox"
                    checked={ok && scopes.has(scope)}
                    disabled={!ok}
                    onChange={(e) => toggle(scope, e.target.checked)}
                  />
                  {scope}
                </label>
              );
            })}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={pending}>
            {pending ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
    </section>
  );
}
