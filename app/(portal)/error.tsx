'use client';

/** A page crashed while rendering: say so plainly and offer a retry; details stay in the browser console. */
export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card" role="alert">
      <h1>This page could not be shown</h1>
      <p className="muted">Something went wrong while displaying it. Your data is unchanged.</p>
      <button type="button" className="btn" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
