/**
 * One LISTEN connection per process, fanned out to any number of in-process subscribers.
 * The client is kept on globalThis so Next.js dev reloads reuse it.
 */
import pg from 'pg';

type Listener = (payload: string) => void;

interface ListenerState {
  client: pg.Client | null;
  connecting: Promise<pg.Client> | null;
  listeners: Map<string, Set<Listener>>;
}

const state: ListenerState = ((globalThis as Record<string, unknown>).__imagehrPgListener ??= {
  client: null,
  connecting: null,
  listeners: new Map(),
}) as ListenerState;

async function connection(databaseUrl: string): Promise<pg.Client> {
  if (state.client) return state.client;
  state.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', (msg) => {
      for (const l of state.listeners.get(msg.channel) ?? []) l(msg.payload ?? '');
    });
    client.on('error', () => {
      // The connection broke: drop it; the next subscriber reconnects and re-listens.
      state.client = null;
      state.connecting = null;
    });
    await client.connect();
    state.client = client;
    return client;
  })();
  return state.connecting;
}

/** Yields each notification payload on `channel` until the consumer stops iterating. */
export async function* listen(databaseUrl: string, channel: string): AsyncGenerator<string> {
  const queue: string[] = [];
  let wake: (() => void) | null = null;
  const listener: Listener = (payload) => {
    queue.push(payload);
    wake?.();
  };
  const client = await connection(databaseUrl);
  let set = state.listeners.get(channel);
  if (!set) {
    set = new Set();
    state.listeners.set(channel, set);
    await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
  }
  set.add(listener);
  try {
    for (;;) {
      while (queue.length) yield queue.shift()!;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    set.delete(listener);
    if (set.size === 0) {
      state.listeners.delete(channel);
      await state.client?.query(`UNLISTEN "${channel.replace(/"/g, '')}"`).catch(() => undefined);
    }
  }
}

export async function closeListener(): Promise<void> {
  const c = state.client;
  state.client = null;
  state.connecting = null;
  await c?.end();
}
