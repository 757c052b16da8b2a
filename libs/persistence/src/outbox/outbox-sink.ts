import type { Json } from '@signet/dsl';

/** One outbox message as a sink receives it. `dedupeKey` is stable across redeliveries. */
export interface OutboxDelivery {
  id: string;
  dedupeKey: string;
  kind: string;
  instanceId: string | null;
  payload: Json;
  createdAt: string;
  /** 1 on the first try, then 2, 3 … */
  attempt: number;
}

/**
 * Where the relay sends messages. Resolving means delivered; throwing (or rejecting) means try again
 * later. A sink may see a message more than once (at-least-once); receivers deduplicate by key.
 */
export type OutboxSink = (message: OutboxDelivery) => Promise<void>;

/**
 * POSTs each message as JSON to `url` with `Idempotency-Key: <dedupeKey>` (the receiver's dedupe
 * key) and `X-Signet-Delivery: <outbox id>`. A non-2xx answer, a network error or no answer within
 * `timeoutMs` is a failed attempt.
 */
export function webhookSink(url: string, options: { timeoutMs?: number } = {}): OutboxSink {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (message) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.dedupeKey,
        'x-signet-delivery': message.id,
      },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drain the body so the connection is reused.
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`webhook ${url} answered ${response.status} ${response.statusText}`);
  };
}

/** Writes each message as one JSON line through `write` (default: stdout): the sink with no webhook. */
export function logSink(write: (line: string) => void = (line) => console.log(line)): OutboxSink {
  return (message) => {
    write(`signet outbox ${JSON.stringify(message)}`);
    return Promise.resolve();
  };
}

/** The sink the environment asks for: `SIGNET_WEBHOOK_URL` → webhook, else the log. */
export function sinkFromEnv(env: NodeJS.ProcessEnv): { sink: OutboxSink; description: string } {
  const url = env['SIGNET_WEBHOOK_URL'];
  if (url) return { sink: webhookSink(url), description: `webhook ${url}` };
  return { sink: logSink(), description: 'log' };
}
