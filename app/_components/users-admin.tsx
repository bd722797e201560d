'use client';
import { useState } from 'react';
import {
  FIRST_PAGE,
  pageOffset,
  pageVariables,
  type PageInfo,
  type PageRequest,
} from '../_lib/cursor-paging';
import {
  ERROR_FIELDS,
  errorText,
  gql,
  globalId,
  unwrapResult,
  type UnionResult,
} from '../_lib/graphql-client';
import { USER_FIELDS, type UserRow } from '../_lib/admin-types';
import { formatDate } from '../_lib/format';
import { ROLE_LABELS, ROLES, type RoleName } from '../_lib/roles';
import { useGraphQLQuery } from '../_lib/use-graphql-query';
import { CreateUserForm } from './create-user-form';
import { ErrorMessage } from './error-message';
import { TablePager } from './table-pager';
import { useViewer } from './viewer-context';
import { OutcomeMessage, type Outcome } from './outcome-message';

const PAGE_SIZE = 50;

const USERS = `
  query Users($first: Int, $after: String, $last: Int, $before: String) {
    users(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ${USER_FIELDS} } }
    }
  }`;

const UPDATE_USER = `
  mutation UpdateUser($id: ID!, $role: Role, $active: Boolean) {
    updateUser(id: $id, role: $role, active: $active) {
      ${ERROR_FIELDS}
      ... on MutationUpdateUserSuccess { data { ${USER_FIELDS} } }
    }
  }`;

interface UsersData {
  users: { totalCount: number; pageInfo: PageInfo; edges: { node: UserRow }[] };
}

export function UsersAdmin() {
  const viewer = useViewer();
  const me = globalId('User', viewer.id);
  const [page, setPage] = useState<PageRequest>(FIRST_PAGE);
  const { data, error, loading, refetch } = useGraphQLQuery<UsersData>(USERS, pageVariables(page, PAGE_SIZE));
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Outcome | null>(null);
  const rows = data?.users.edges.map((e) => e.node) ?? [];

  async function update(user: UserRow, change: { role?: RoleName; active?: boolean }, done: string) {
    setBusy(user.id);
    setNotice(null);
    try {
      const result = await gql<{ updateUser: UnionResult<UserRow> }>(UPDATE_USER, { id: user.id, ...change });
      unwrapResult(result.updateUser);
      setNotice({ ok: true, text: done });
      refetch();
    } catch (e) {
      setNotice({ ok: false, text: `${user.email}: ${errorText(e)}` });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <CreateUserForm onCreated={refetch} />
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title">All users</h2>
        <OutcomeMessage outcome={notice} />
        <ErrorMessage error={error} title="Users could not be loaded" />
        {loading && !data && <p className="loading">Loading users…</p>}
        {data && (
          <>
            <div className="table-wrap">
              <table className="data-table" data-testid="users-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((u) => {
                    const self = u.id === me;
                    return (
                      <tr key={u.id}>
                        <td>
                          {u.name}
                          {self && <span className="muted"> (you)</span>}
                        </td>
                        <td>{u.email}</td>
                        <td>
                          <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                            Role of {u.email}
                          </label>
                          <select
                            id={`role-${u.id}`}
                            value={u.role}
                            disabled={busy === u.id || self}
                            title={self ? 'You cannot change your own role' : undefined}
                            onChange={(e) =>
                              update(
                                u,
                                { role: e.target.value as RoleName },
                                `${u.email} is now ${ROLE_LABELS[e.target.value as RoleName]}.`,
                              )
                            }
                            style={{ width: 'auto' }}
                          >
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {ROLE_LABELS[r]}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          {u.active ? (
                            <span className="badge badge-success">Active</span>
                          ) : (
                            <span className="badge badge-danger">Deactivated</span>
                          )}
                        </td>
                        <td className="nowrap">{formatDate(u.createdAt)}</td>
                        <td className="nowrap">
                          {u.active ? (
                            <button
                              type="button"
                              className="btn btn-danger btn-sm"
                              disabled={busy === u.id || self}
                              title={self ? 'You cannot deactivate yourself' : undefined}
                              onClick={() => {
                                if (
                                  window.confirm(
                                    `Deactivate ${u.email}? They will be signed out of every request at once.`,
                                  )
                                ) {
                                  void update(u, { active: false }, `${u.email} is deactivated.`);
                                }
                              }}
                            >
                              Deactivate
                            </button>
                          ) : (
                            <button
                              type="button"
                              className="btn btn-secondary btn-sm"
                              disabled={busy === u.id}
                              onClick={() => void update(u, { active: true }, `${u.email} is active again.`)}
                            >
                              Reactivate
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <TablePager
              state={{
                offset: pageOffset(page, rows.length, data.users.totalCount),
                rows: rows.length,
                totalCount: data.users.totalCount,
                pageInfo: data.users.pageInfo,
              }}
              noun="users"
              disabled={loading}
              onPage={setPage}
            />
          </>
        )}
      </section>
    </>
  );
}
