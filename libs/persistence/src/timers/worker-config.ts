import { DEFAULT_CALENDAR } from '../calendar/calendar-rules';
import { sinkFromEnv } from '../outbox/outbox-sink';
import type { OutboxSink } from '../outbox/outbox-sink';

/** How a process runs its timer worker and outbox relay, read from the environment. */
export interface WorkerConfig {
  /** `SIGNET_WORKER=off` keeps an API process from running them (another process does). */
  enabled: boolean;
  /** `SIGNET_TIMER_POLL_MS` (default 1000). */
  pollMs: number;
  /** `SIGNET_CALENDAR`: the business calendar steps count `workdays` in (default `default`). */
  calendar: string;
  /** `SIGNET_WEBHOOK_URL` → POST each outbox message there; else write it to the log. */
  sink: OutboxSink;
  sinkDescription: string;
}

/**
 * Reads the worker settings. A malformed value is a configuration mistake reported at start-up
 * (thrown, with the variable and the value), before anything runs.
 */
export function workerConfigFromEnv(env: NodeJS.ProcessEnv): WorkerConfig {
  const { sink, description } = sinkFromEnv(env);
  const switchText = (env['SIGNET_WORKER'] ?? 'on').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0', ''].includes(switchText)) {
    throw new Error(`SIGNET_WORKER must be "on" or "off", got "${env['SIGNET_WORKER']}"`);
  }
  const pollText = env['SIGNET_TIMER_POLL_MS'];
  const pollMs = pollText === undefined || pollText.trim() === '' ? 1000 : Number(pollText);
  if (!Number.isInteger(pollMs) || pollMs < 10 || pollMs > 3_600_000) {
    throw new Error(`SIGNET_TIMER_POLL_MS must be an integer from 10 to 3600000, got "${pollText}"`);
  }
  return {
    enabled: !['off', 'false', '0'].includes(switchText),
    pollMs,
    calendar: env['SIGNET_CALENDAR']?.trim() || DEFAULT_CALENDAR,
    sink,
    sinkDescription: description,
  };
}
