import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import type { SignetDatabase } from '../database/open-database';
import { DurabilityMetrics } from '../timers/durability-metrics';
import { pollingLoop } from '../timers/polling-loop';
import type { PollingLoop } from '../timers/polling-loop';
import type { OutboxSink } from './outbox-sink';

export interface OutboxRelayOptions {
  sink: OutboxSink;
  workerId?: string;
  /** Pause between polls when nothing was waiting (default 1000 ms). */
  pollMs?: number;
  /** Messages claimed per `runOnce` at most (default 20). */
  batchSize?: number;
  now?: () => Date;
  /** Retry delay after the n-th failure: `baseMs · 2^(n−1)`, at most `maxMs` (default 1 s … 10 min). */
  backoff?: { baseMs: number; maxMs: number };
  metrics?: DurabilityMetrics;
  onError?: (error: unknown) => void;
}

export interface OutboxRun {
  delivered: number;
  failed: number;
}

export interface OutboxRelay extends PollingLoop {
  readonly workerId: string;
  /** Claims waiting messages, hands each to the sink, records success or the next attempt. */
  runOnce(): Promise<OutboxRun>;
}

interface OutboxRow {
  id: string;
  dedupe_key: string;
  kind: string;
  instance_id: string | null;
  payload: Json;
  created_at: Date | string;
  attempts: number;
}

/**
 * The transactional outbox's relay: at-least-once delivery of the rows steps wrote. A batch is
 * claimed with `FOR UPDATE SKIP LOCKED` (so concurrent relays never send the same row at the same
 * time) and held until each row is marked delivered or scheduled for a retry with exponential backoff.
 * A crash after the sink accepted a message but before the commit sends it again: receivers
 * deduplicate by `dedupeKey`.
 */
export function createOutboxRelay(db: SignetDatabase, options: OutboxRelayOptions): OutboxRelay {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 20;
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 600_000 };
  const metrics = options.metrics ?? new DurabilityMetrics();

  const runOnce = (): Promise<OutboxRun> =>
    db.orm.em.fork().transactional(async (em) => {
      const run: OutboxRun = { delivered: 0, failed: 0 };
      for (const row of await claim(em, now(), batchSize)) {
        const attempt = row.attempts + 1;
        const message = {
          id: row.id,
          dedupeKey: row.dedupe_key,
          kind: row.kind,
          instanceId: row.instance_id,
          payload: row.payload,
          // Raw rows carry timestamps as the driver returns them (text on PostgreSQL).
          createdAt: new Date(row.created_at).toISOString(),
          attempt,
        };
        try {
          await options.sink(message);
        } catch (error) {
          const delay = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1));
          await em.execute(
            `update outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?`,
            [attempt, new Date(now().getTime() + delay), messageOf(error).slice(0, 1000), row.id],
          );
          run.failed++;
          metrics.outboxFailures++;
          continue;
        }
        await em.execute(
          `update outbox set attempts = ?, delivered_at = ?, delivered_by = ?, last_error = null where id = ?`,
          [attempt, now(), workerId, row.id],
        );
        run.delivered++;
        metrics.outboxDelivered++;
      }
      return run;
    });

  const loop = pollingLoop(
    async () => {
      const run = await runOnce();
      return { full: run.delivered + run.failed >= batchSize };
    },
    pollMs,
    (error) => {
      metrics.pollErrors++;
      (options.onError ?? ((e) => console.error(`outbox relay ${workerId}: poll failed`, e)))(error);
    },
  );
  return {
    workerId,
    runOnce,
    start: () => loop.start(),
    stop: () => loop.stop(),
    get running() {
      return loop.running;
    },
  };
}

function claim(em: SqlEntityManager, at: Date, limit: number): Promise<OutboxRow[]> {
  return em.execute<OutboxRow[]>(
    `select id, dedupe_key, kind, instance_id, payload, created_at, attempts from outbox
      where delivered_at is null and coalesce(next_attempt_at, created_at) <= ?
      order by coalesce(next_attempt_at, created_at), id limit ? for update skip locked`,
    [at, limit],
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
