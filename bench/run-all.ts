/**
 * Runs every benchmark in order, each in a fresh Node process (so one's heap and JIT state do not
 * colour the next), passing `--full` through. Exits non-zero when any benchmark's results disagreed
 * or it crashed; missed targets are reported by the benchmarks but do not fail the run.
 *
 *   npm run bench [-- --full]        or        node scripts/run-ts.js bench/run-all.ts [--full]
 *   node scripts/run-ts.js bench/run-all.ts rules money    (only the named ones)
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const ALL = ['rules', 'money', 'compiler', 'engine', 'durable', 'waiting', 'inbox'];

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const chosen = named.length ? ALL.filter((b) => named.includes(b)) : ALL;

console.log(
  `signet benchmarks — ${new Date().toISOString()} — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${flags.includes('--full') || process.env.BENCH_FULL === '1' ? 'full' : 'default'} sizes`,
);
const failed: string[] = [];
for (const name of chosen) {
  console.log(`\n== ${name} ==`);
  const r = spawnSync(process.execPath, ['scripts/run-ts.js', `bench/${name}.ts`, ...flags], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`\nfailed (disagreement or crash): ${failed.join(', ')}`);
  process.exitCode = 1;
}
