import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DEFAULT_CALENDAR } from '../calendar/calendar-rules';
import type { SignetDatabase } from '../database/open-database';
import type { StoreDeps } from '../store/store-deps';
import { DurabilityMetrics } from './durability-metrics';
import { fireNextTimer } from './fire-next-timer';
import type { TimerOutcome } from './fire-next-timer';
import { pollingLoop } from './polling-loop';
import type { PollingLoop } from './polling-loop';

export interface TimerWorkerOptions {
  /** Names this worker in the timer rows and event traces (default: host, pid and a random suffix). */
  workerId?: string;
  /** Pause between polls when nothing was due (default 1000 ms). */
  pollMs?: number;
  /** Timers fired per `runOnce` at most (default 50); a full batch polls again at once. */
  batchSize?: number;
  /** The clock (default: the system clock); read once per timer: its fire time and event time. */
  now?: () => Date;
  /** The business calendar steps count `workdays` in (default `default`). */
  calendar?: string;
  newId?: () => string;
  /** Counters shared with the host's `/metrics` (default: the worker's own). */
  metrics?: DurabilityMetrics;
  /** Where a failed poll is reported (default: console.error). */
  onError?: (error: unknown) => void;
}

export interface TimerRun {
  fired: number;
  cancelled: number;
  conflicts: number;
  outcomes: TimerOutcome[];
}

export interface TimerWorker extends PollingLoop {
  readonly workerId: string;
  readonly metrics: DurabilityMetrics;
  /** Fires what is due now, up to `batchSize` timers, each in its own transaction. */
  runOnce(): Promise<TimerRun>;
}

/**
 * The durable timer worker. Any number of them (in API processes or alone) may poll one PostgreSQL:
 * `FOR UPDATE SKIP LOCKED` hands each due timer to one of them, and the timer is marked FIRED in
 * the transaction that appends its event (see `fireNextTimer`).
 */
export function createTimerWorker(db: SignetDatabase, options: TimerWorkerOptions = {}): TimerWorker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 50;
  const metrics = options.metrics ?? new DurabilityMetrics();
  const deps: StoreDeps = {
    db,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    calendar: options.calendar ?? DEFAULT_CALENDAR,
  };

  const runOnce = async (): Promise<TimerRun> => {
    const run: TimerRun = { fired: 0, cancelled: 0, conflicts: 0, outcomes: [] };
    while (run.fired + run.cancelled + run.conflicts < batchSize) {
      let outcome: TimerOutcome | null;
      try {
        outcome = await fireNextTimer(deps, workerId);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'CONFLICT') throw error;
        // Someone stepped the instance meanwhile; the timer is still PENDING for the next poll.
        run.conflicts++;
        metrics.timerConflicts++;
        break;
      }
      if (!outcome) break;
      run.outcomes.push(outcome);
      if (outcome.outcome === 'fired') {
        run.fired++;
        metrics.recordFired(outcome.latenessMs, pollMs);
      } else {
        run.cancelled++;
        metrics.timersCancelled++;
      }
    }
    return run;
  };

  const loop = pollingLoop(
    async () => {
      const run = await runOnce();
      return { full: run.fired + run.cancelled >= batchSize };
    },
    pollMs,
    (error) => {
      metrics.pollErrors++;
      (options.onError ?? ((e) => console.error(`timer worker ${workerId}: poll failed`, e)))(error);
    },
  );
  return {
    workerId,
    metrics,
    runOnce,
    start: () => loop.start(),
    stop: () => loop.stop(),
    get running() {
      return loop.running;
    },
  };
}
