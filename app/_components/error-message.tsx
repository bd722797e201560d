'use client';
import { GraphQLRequestError, errorText } from '../_lib/graphql-client';

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
