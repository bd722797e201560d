'use client';
import { useState, type FormEvent } from 'react';
import { ERROR_FIELDS, errorText, gql, unwrapResult, type UnionResult } from '../_lib/graphql-client';
import { USER_FIELDS, type UserRow } from '../_lib/admin-types';
import { ROLE_LABELS, ROLES } from '../_lib/roles';
import { OutcomeMessage, type Outcome } from './outcome-message';

const CREATE_USER = `
  mutation CreateUser($email: String!, $name: String!, $role: Role!, $password: String!) {
    createUser(email: $email, name: $name, role: $role, password: $password) {
      ${ERROR_FIELDS}
      ... on MutationCreateUserSuccess { data { ${USER_FIELDS} } }
    }
  }`;

const MIN_PASSWORD = 10;

export function CreateUserForm({ onCreated }: { onCreated: (user: UserRow) => void }) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const password = String(f.get('password') ?? '');
    if (password.length < MIN_PASSWORD) {
      setResult({ ok: false, text: `The password needs at least ${MIN_PASSWORD} characters.` });
      return;
    }
    setPending(true);
    setResult(null);
    try {
      const data = await gql<{ createUser: UnionResult<UserRow> }>(CREATE_USER, {
        email: String(f.get('email') ?? '').trim(),
        name: String(f.get('name') ?? '').trim(),
        role: String(f.get('role') ?? 'VIEWER'),
        password,
      });
      const user = unwrapResult(data.createUser);
      setResult({ ok: true, text: `${user.email} can now sign in as ${ROLE_LABELS[user.role]}.` });
      form.reset();
      onCreated(user);
    } catch (e) {
      setResult({ ok: false, text: errorText(e) });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby="create-user-title">
      <h2 id="create-user-title">Create user</h2>
      {/* Our own messages rather than the browser's bubbles: the same wording as the server's. */}
      <form onSubmit={onSubmit} noValidate>
        <OutcomeMessage outcome={result} />
        <div className="form-grid">
          <div className="field">
            <label htmlFor="new-user-email">Email</label>
            <input
              id="new-user-email"
              name="email"
              type="email"
              required
              maxLength={200}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor="new-user-name">Name</label>
            <input id="new-user-name" name="name" type="text" required maxLength={120} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="new-user-role">Role</label>
            <select id="new-user-role" name="role" defaultValue="VIEWER">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-user-password">Initial password</label>
            <input
              id="new-user-password"
              name="password"
              type="password"
              required
              minLength={MIN_PASSWORD}
              maxLength={200}
              autoComplete="new-password"
              aria-describedby="new-user-password-hint"
            />
            <span id="new-user-password-hint" className="field-hint">
              At least {MIN_PASSWORD} characters; share it securely.
            </span>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={pending}>
            {pending ? 'Creating…' : 'Create user'}
          </button>
        </div>
      </form>
    </section>
  );
}
