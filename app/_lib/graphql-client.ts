/**
 * The portal's GraphQL client: POST JSON to /api/graphql with the session cookie. Transport and GraphQL errors
 * become a GraphQLRequestError with a message a person can read (never a stack trace); expected failures that the
 * API returns as union members (NotFoundError, ForbiddenError, ValidationError, ConflictError) are unwrapped by
 * `unwrapResult`, which throws a ResultError for them.
 */

export interface FieldIssue {
  path: string[];
  message: string;
}

/** The request failed: network, HTTP status, or `errors` in the GraphQL response. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  /** True when signing in again is the way out (session expired, user deactivated). */
  get needsSignIn(): boolean {
    return this.code === 'UNAUTHENTICATED' || this.status === 401 || /sign in/i.test(this.message);
  }
}

/** The API answered with an expected error member of a result union. */
export class ResultError extends Error {
  constructor(
    readonly typename: string,
    message: string,
    readonly fieldErrors: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ResultError';
  }
}

interface GraphQLErrorShape {
  message?: unknown;
  extensions?: { code?: unknown };
}

const MAX_MESSAGE = 300;

function readableMessage(errors: GraphQLErrorShape[]): string {
  const messages = [
    ...new Set(errors.map((e) => (typeof e.message === 'string' ? e.message : 'Unknown error'))),
  ];
  const text = messages.join('; ');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

export async function gql<T>(
  query: string,
  variables?: Record<string, unknown>,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/api/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new GraphQLRequestError('Could not reach the server. Check your connection and try again.');
  }
  type Body = { data?: T | null; errors?: GraphQLErrorShape[] };
  const body = (await response.json().catch(() => null)) as Body | null;
  if (body?.errors?.length) {
    const code = body.errors.map((e) => e.extensions?.code).find((c) => typeof c === 'string') as
      string | undefined;
    const message =
      code === 'INTERNAL_SERVER_ERROR'
        ? 'The server hit an unexpected error. Try again.'
        : readableMessage(body.errors);
    throw new GraphQLRequestError(message, code ?? null, response.status);
  }
  if (!response.ok || !body?.data) {
    throw new GraphQLRequestError(
      `The server answered ${response.status}. Try again.`,
      null,
      response.status,
    );
  }
  return body.data;
}

/** A field result union: `{ __typename: 'XSuccess', data }` or an error member with a message. */
export type UnionResult<T> =
  { __typename: string; data: T } | { __typename: string; message: string; fieldErrors?: FieldIssue[] };

/** Returns `data` of a success member, or throws a ResultError for an error member. */
export function unwrapResult<T>(result: UnionResult<T>): T {
  if ('data' in result) return result.data;
  throw new ResultError(result.__typename, result.message, result.fieldErrors ?? []);
}

/** The fragment to add to every union-typed field so `unwrapResult` sees messages and field errors. */
export const ERROR_FIELDS = `__typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }`;

/** Any thrown value as a sentence for the UI. */
export function errorText(error: unknown): string {
  if (error instanceof ResultError) {
    const details = error.fieldErrors.map((f) => `${f.path.join('.') || 'input'}: ${f.message}`);
    return details.length ? `${error.message} (${details.join('; ')})` : error.message;
  }
  if (error instanceof Error) return error.message.slice(0, MAX_MESSAGE);
  return 'Something went wrong.';
}

/** Relay global id, as the API encodes it (base64 of "Type:id"). */
export function globalId(typename: string, id: string): string {
  return btoa(`${typename}:${id}`);
}
