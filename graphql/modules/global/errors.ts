/**
 * Expected failures, returned as members of a field's result union (clients switch on __typename).
 * Unexpected failures stay GraphQL errors and are masked (lib/http/format-error.ts).
 */
export class NotFoundError extends Error {
  constructor(
    message: string,
    public readonly entity: string,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export interface FieldIssue {
  path: string[];
  message: string;
}

export class ValidationError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors: FieldIssue[],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
