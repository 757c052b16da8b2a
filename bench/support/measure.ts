/**
 * Timing and reporting helpers shared by the benchmarks. A benchmark times each contender several
 * times in one process, reports the median, and states every figure next to its baseline as a ratio.
 */
import { performance } from 'node:perf_hooks';

/** True when `--full` was passed or `BENCH_FULL=1` is set: run the full sizes. */
export const FULL = process.argv.includes('--full') || process.env.BENCH_FULL === '1';

/** Number of timed repetitions per contender (`BENCH_RUNS`, default 5). */
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The `p`-th percentile (0–100) of `xs`, nearest-rank. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

/** Runs `fn` once untimed (warm-up), then `runs` times timed; returns each run's milliseconds. */
export async function timeRuns(fn: () => unknown, runs = RUNS): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Like `timeRuns` for several contenders, taking turns: run 1 of each, then run 2 of each, … so a
 * swing in the load of a shared machine hits every contender alike. Returns each one's milliseconds.
 */
export async function timeTakingTurns(
  fns: Record<string, () => unknown>,
  runs = RUNS,
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>(Object.keys(fns).map((k) => [k, []]));
  for (const fn of Object.values(fns)) await fn();
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t0 = performance.now();
      await fn();
      out.get(name)!.push(performance.now() - t0);
    }
  }
  return out;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A printed row: name, then columns; widths fixed so rows line up. */
export function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

/** A target check: prints met/MISSED with the figure and returns whether it was met. */
export function target(label: string, met: boolean, detail: string): boolean {
  console.log(`  target ${met ? 'met   ' : 'MISSED'}  ${label}: ${detail}`);
  return met;
}

/** Ends the benchmark: non-zero exit when results disagreed (targets missed do not fail the run). */
export function finish(name: string, disagreements: number): void {
  if (disagreements > 0) {
    console.error(`${name}: ${disagreements} disagreement(s) — the figures above are not valid`);
    process.exitCode = 1;
  }
}
