/** Job events for subscribers, filtered from the one NOTIFY channel. */
import { listen } from '../pubsub/pg-listener.ts';
import { JOB_CHANNEL, type JobEvent } from './job-events.ts';

export async function* jobEvents(
  databaseUrl: string,
  match: (e: JobEvent) => boolean,
): AsyncGenerator<JobEvent> {
  for await (const payload of listen(databaseUrl, JOB_CHANNEL)) {
    let event: JobEvent;
    try {
      event = JSON.parse(payload) as JobEvent;
    } catch {
      continue;
    }
    if (match(event)) yield event;
  }
}
