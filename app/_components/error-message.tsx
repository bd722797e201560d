'use client';
import { GraphQLRequestError, ResultError, errorText } from '../_lib/graphql-client';

/** An API failure as a sentence, with a way back in when the session has ended. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const signIn = error instanceof GraphQLRequestError && error.needsSignIn;
  return (
    <div className="alert alert-error" role="alert">
      {title && <strong>{title}: </strong>}
      {errorText(error)}
      {signIn && (
        <>
          {' '}
          <a href="/login">Sign in again</a>
        </>
      )}
    </div>
  );
}

/** A page's main record could not be loaded: "not found" (which also covers "not yours to see") or the error. */
export function LoadFailure({ error, entity }: { error: unknown; entity: 'patient' | 'document' }) {
  if (error instanceof ResultError && error.typename === 'NotFoundError') {
    const name = entity.charAt(0).toUpperCase() + entity.slice(1);
    return (
      <div className="card" role="alert">
        <h1>{name} not found</h1>
        <p className="muted">No {entity} has this id, or it is not visible to you.</p>
      </div>
    );
  }
  return <ErrorMessage error={error} title={`The ${entity} could not be loaded`} />;
}
