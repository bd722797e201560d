/**
 * What clients see of an error. Expected errors (GraphQL syntax and validation, auth refusals, query limits)
 * keep their message; anything else is masked and logged server-side with its request id. Never a stack trace.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ForbiddenError } from '../modules/global/errors.ts';

const SAFE_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code as string | undefined;
  const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
  if (original instanceof ForbiddenError) {
    return { ...formatted, extensions: { ...extensions, code: 'FORBIDDEN' } };
  }
  if (original instanceof PothosValidationError) {
    return { ...formatted, extensions: { ...extensions, code: 'BAD_USER_INPUT' } };
  }
  if ((code && SAFE_CODES.has(code)) || (original instanceof GraphQLError && !original.originalError)) {
    return { ...formatted, extensions };
  }
  console.error('[graphql] unexpected error', original instanceof Error ? original.stack : original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
