'use client';

/** What an action did, as a sentence: a polite status when it worked, an alert when it did not. */
export interface Outcome {
  ok: boolean;
  text: string;
}

export function OutcomeMessage({ outcome, id }: { outcome: Outcome | null; id?: string }) {
  if (!outcome) return null;
  return (
    <div
      id={id}
      className={`alert ${outcome.ok ? 'alert-success' : 'alert-error'}`}
      role={outcome.ok ? 'status' : 'alert'}
    >
      {outcome.text}
    </div>
  );
}
