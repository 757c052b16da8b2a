/**
 * Benchmark 3 — compiler: check + compile + createMachine of generated 200- and 1,000-state flows,
 * warm (in this process, after 15 warm-up builds) and cold (the first build in a fresh Node process; module
 * loading reported separately). Baseline: `JSON.parse` of the resulting IR, the least any loader does.
 *
 *   node scripts/run-ts.js bench/compiler.ts [--full]
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { compile } from '@signet/dsl';
import { buildFlow } from './compiler/build-flow';
import { generateFlow } from './compiler/generate-flow';
import { finish, fmt, median, row, RUNS, target } from './support/measure';

/**
 * Warm-up builds before timing. Five were not enough: under callgrind about 45 % of the instructions of
 * builds 6–15 of a 200-state flow were still TurboFan compiling, and the "warm" median swung 2× with it.
 */
const WARMUP = 15;

function warm(states: number): {
  ms: number;
  compileMs: number;
  bindMs: number;
  irMs: number;
  lines: number;
} {
  let tag = 1;
  // Warm-up: enough builds for the JIT to settle (after one, 1,000-state flows built faster per state than 200).
  for (let i = 0; i < WARMUP; i++) buildFlow(generateFlow(states, tag++));
  const times: { compileMs: number; bindMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) times.push(buildFlow(generateFlow(states, tag++))); // new hash: no cached binding
  const json = JSON.stringify(compile(generateFlow(states)).ir);
  const parse: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    JSON.parse(json);
    parse.push(performance.now() - t0);
  }
  const total = times.map((t) => t.compileMs + t.bindMs);
  return {
    ms: median(total),
    compileMs: median(times.map((t) => t.compileMs)),
    bindMs: median(times.map((t) => t.bindMs)),
    irMs: median(parse),
    lines: generateFlow(states).split('\n').length,
  };
}

function cold(states: number): { ms: number; loadMs: number } {
  const runs: { ms: number; loadMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      process.execPath,
      ['scripts/run-ts.js', 'bench/compiler/cold.ts', String(states)],
      {
        encoding: 'utf8',
      },
    );
    runs.push(JSON.parse(out.trim().split('\n').pop()!) as { ms: number; loadMs: number });
  }
  return { ms: median(runs.map((r) => r.ms)), loadMs: median(runs.map((r) => r.loadMs)) };
}

function main(): void {
  const W = [12, 7, 9, 11, 9, 9, 9, 12];
  console.log(
    row(['flow', 'lines', 'warm ms', '(compile', '+ bind)', 'cold ms', 'load ms', 'vs JSON.parse'], W),
  );
  const results = new Map<number, { warm: number; cold: number }>();
  for (const states of [200, 1000]) {
    const w = warm(states);
    const c = cold(states);
    results.set(states, { warm: w.ms, cold: c.ms });
    console.log(
      row(
        [
          `${states} states`,
          fmt(w.lines),
          fmt(w.ms, 1),
          fmt(w.compileMs, 1),
          fmt(w.bindMs, 1),
          fmt(c.ms, 1),
          fmt(c.loadMs, 0),
          `${fmt(w.ms / w.irMs, 0)}×`,
        ],
        W,
      ),
    );
  }
  console.log(`  (medians of ${RUNS} builds; cold = first build in each of ${RUNS} fresh processes)`);
  const r200 = results.get(200)!;
  target('200 states warm ≤ 50 ms', r200.warm <= 50, `${fmt(r200.warm, 1)} ms`);
  target('200 states cold ≤ 250 ms', r200.cold <= 250, `${fmt(r200.cold, 1)} ms (excluding module load)`);
  finish('compiler', 0);
}

main();
