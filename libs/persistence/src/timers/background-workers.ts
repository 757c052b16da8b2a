import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { SignetDatabase } from '../database/open-database';
import { createOutboxRelay } from '../outbox/outbox-relay';
import type { OutboxRelay } from '../outbox/outbox-relay';
import type { OutboxSink } from '../outbox/outbox-sink';
import { DurabilityMetrics } from './durability-metrics';
import { createTimerWorker } from './timer-worker';
import type { TimerWorker } from './timer-worker';

export interface BackgroundWorkerOptions {
  sink: OutboxSink;
  pollMs?: number;
  calendar?: string;
  workerId?: string;
  metrics?: DurabilityMetrics;
  onError?: (error: unknown) => void;
}

/** A process's timer worker and outbox relay, started and stopped together. */
export interface BackgroundWorkers {
  readonly workerId: string;
  readonly timers: TimerWorker;
  readonly outbox: OutboxRelay;
  readonly metrics: DurabilityMetrics;
  start(): void;
  /** Stops polling and waits for the runs in progress; call before closing the database. */
  stop(): Promise<void>;
}

/**
 * What runs in the API process by default, or alone in `signet worker`: the durable timer worker and
 * the outbox relay on one database, sharing one worker id and one set of metrics.
 */
export function createBackgroundWorkers(
  db: SignetDatabase,
  options: BackgroundWorkerOptions,
): BackgroundWorkers {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const metrics = options.metrics ?? new DurabilityMetrics();
  const common = { workerId, pollMs: options.pollMs, metrics, onError: options.onError };
  const timers = createTimerWorker(db, { ...common, calendar: options.calendar });
  const outbox = createOutboxRelay(db, { ...common, sink: options.sink });
  return {
    workerId,
    timers,
    outbox,
    metrics,
    start() {
      timers.start();
      outbox.start();
    },
    async stop() {
      await Promise.all([timers.stop(), outbox.stop()]);
    },
  };
}
