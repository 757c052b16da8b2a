import { performance } from 'node:perf_hooks';

/** One decision on one instance: given the open task id, decides it and returns the next open task id. */
export type Decide = (taskId: string) => Promise<string>;

export interface DriveResult {
  decisions: number;
  seconds: number;
  latenciesMs: number[];
}

/**
 * Runs one closed loop per instance (so `taskIds.length` concurrent clients) for `seconds`, each
 * deciding its instance's open task as soon as the previous decision returned. Mutates `taskIds` so
 * the next round continues where this one stopped.
 */
export async function drive(taskIds: string[], decide: Decide, seconds: number): Promise<DriveResult> {
  const latenciesMs: number[] = [];
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    taskIds.map(async (_, k) => {
      while (performance.now() < until) {
        const s = performance.now();
        taskIds[k] = await decide(taskIds[k]);
        latenciesMs.push(performance.now() - s);
      }
    }),
  );
  return { decisions: latenciesMs.length, seconds: (performance.now() - t0) / 1000, latenciesMs };
}
