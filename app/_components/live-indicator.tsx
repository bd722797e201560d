import type { StreamState } from '../_lib/job-stream';

const TEXT: Record<StreamState, string> = {
  connecting: 'Connecting to live updates…',
  live: 'Live',
  error: 'Live updates unavailable',
};

export function LiveIndicator({
  state,
  detail,
  studies,
}: {
  state: StreamState;
  detail?: string;
  studies: string[];
}) {
  return (
    <span className="live-indicator" role="status" data-state={state} data-testid="live-indicator">
      <span className="live-dot" data-state={state} aria-hidden="true" />
      {TEXT[state]}
      {state === 'live' && studies.length > 0 && <span>— following {studies.join(', ')}</span>}
      {state === 'error' && detail && <span>: {detail.slice(0, 160)}</span>}
    </span>
  );
}
