/** GraphQL types for the expected errors (graphql/modules/global/errors.ts) and the shared scalars. */
import { type ZodError } from 'zod';
import { builder } from '../../builder.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  fields: (t) => ({ message: t.exposeString('message') }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ entity: t.exposeString('entity') }),
});

builder.objectType(ForbiddenError, { name: 'ForbiddenError', interfaces: [ErrorInterface] });

builder.objectType(ConflictError, { name: 'ConflictError', interfaces: [ErrorInterface] });

const FieldErrorType = builder
  .objectRef<{ path: string[]; message: string }>('FieldError')
  .implement({ fields: (t) => ({ path: t.exposeStringList('path'), message: t.exposeString('message') }) });

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorType], resolve: (e) => e.fieldErrors }) }),
});

/** A zod failure surfaces as a ValidationError with the path of every issue. */
export function fromZod(error: ZodError): ValidationError {
  return new ValidationError(
    'Invalid input',
    error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  );
}

export const STANDARD_ERRORS = [NotFoundError, ForbiddenError, ValidationError] as const;
