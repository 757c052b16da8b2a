/** A background loop over `runOnce`, started and stopped by its host. */
export interface PollingLoop {
  start(): void;
  /** Stops polling and waits for the run in progress (if any) to finish. */
  stop(): Promise<void>;
  readonly running: boolean;
}

/**
 * Calls `runOnce` again at once while it reports a full batch (more work is waiting), else after
 * `pollMs`. A failing run (the database is down …) is reported to `onError` and retried after
 * `pollMs`; the loop never dies of it.
 */
export function pollingLoop(
  runOnce: () => Promise<{ full: boolean }>,
  pollMs: number,
  onError: (error: unknown) => void,
): PollingLoop {
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<void> | null = null;

  const tick = (): void => {
    timer = null;
    if (!running) return;
    current = runOnce().then(
      ({ full }) => schedule(full ? 0 : pollMs),
      (error: unknown) => {
        onError(error);
        schedule(pollMs);
      },
    );
  };
  const schedule = (ms: number): void => {
    if (running) timer = setTimeout(tick, ms);
  };

  return {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
