/**
 * Benchmark 4 — engine in process: `start` and `step` of the shipped discount flow (compiled from
 * workflows/discount-approval.flow) against raw XState v5 `initialTransition`/`transition` on a
 * hand-written equivalent machine. The ratio is our overhead: snapshot restore, the four-eyes and
 * assignee checks, exact money, the trace, effects and the persisted snapshot.
 *
 *   node scripts/run-ts.js bench/engine.ts [--full]      (2·10⁴ operations per run; --full 5·10⁴)
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compile } from '@signet/dsl';
import { start, step, type StepResult } from '@signet/engine';
import { engineContext, sequentialIds } from '@signet/engine/testing';
import { initialTransition, transition } from 'xstate';
import { rawMachine, type RawContext } from './engine/raw-machine';
import { finish, fmt, FULL, median, row, RUNS } from './support/measure';

function ok(r: StepResult) {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

function opsTime(n: number, op: () => void): number {
  op();
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) op();
    runs.push(performance.now() - t0);
  }
  return (median(runs) * 1000) / n; // µs per operation
}

function main(): void {
  const n = FULL ? 50_000 : 20_000;
  const { ir } = compile(readFileSync('workflows/discount-approval.flow', 'utf8'));
  if (!ir) throw new Error('the shipped flow does not compile');
  const newId = sequentialIds('task');
  const asLiNa = engineContext({ actor: 'li.na', newId });
  const asChenJie = engineContext({ actor: 'chen.jie', newId });
  const request = { unit: 'A-0101', listPrice: '1850000.00', discount: '2%' };
  const started = ok(start(ir, request, asLiNa));
  const taskId = (started.effects.find((e) => e.type === 'openTask') as { taskId: string }).taskId;
  const approve = { type: 'approve', taskId };

  const rawInput: RawContext = {
    listPrice: 1850000,
    discount: 2,
    authority: 1,
    netPrice: 0,
    reviewer: '',
    decisions: {},
  };
  const [rawStarted] = initialTransition(rawMachine, rawInput);
  const rawStored = JSON.parse(JSON.stringify({ value: rawStarted.value, context: rawStarted.context })) as {
    value: string;
    context: RawContext;
  };

  // Agreement: both route a 2 % request by li.na to manager review and end approved by chen.jie.
  const ours = ok(step(ir, started.snapshot, approve, asChenJie));
  const [rawDone] = transition(rawMachine, rawMachine.resolveState(rawStored), {
    type: 'approve',
    by: 'chen.jie',
  });
  const disagreements =
    Number(started.state !== rawStarted.value) +
    Number(ours.state !== rawDone.value || rawDone.status !== 'done');

  const us = {
    'signet start (2 % → manager_review)': opsTime(n, () => ok(start(ir, request, asLiNa))),
    'raw XState initialTransition': opsTime(n, () => initialTransition(rawMachine, rawInput)),
    'signet step (approve → approved)': opsTime(n, () => ok(step(ir, started.snapshot, approve, asChenJie))),
    'raw XState resolveState + transition': opsTime(n, () =>
      transition(rawMachine, rawMachine.resolveState(rawStored), { type: 'approve', by: 'chen.jie' }),
    ),
  };
  const W = [38, 10, 12, 10];
  console.log(
    `engine: ${fmt(n)} operations per run, median of ${RUNS} runs; states agree: ${disagreements === 0}`,
  );
  console.log(row(['operation', 'µs/op', 'ops/s', 'overhead'], W));
  const entries = Object.entries(us);
  for (let i = 0; i < entries.length; i += 2) {
    const [oursName, oursUs] = entries[i];
    const [rawName, rawUs] = entries[i + 1];
    console.log(row([oursName, fmt(oursUs, 1), fmt(1e6 / oursUs), `${fmt(oursUs / rawUs, 1)}×`], W));
    console.log(row([rawName, fmt(rawUs, 1), fmt(1e6 / rawUs), '1.0×'], W));
  }
  finish('engine', disagreements);
}

main();
