import type { FlowIR, Json } from '@signet/dsl';
import {
  DEMO_ORGANISATION,
  followTasks,
  inMemoryDirectory,
  type InstanceContext,
  type OpenTaskEffect,
  type PersistedSnapshot,
  start,
  step,
  type StepResult,
} from '@signet/engine';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../cli-io';
import { parseCommandArgs, usageError, type Command } from '../command';
import { compileOrReport } from './compile-or-report';
import { formatSimulationStep } from './simulate-print';
import { advanceClock, parseSimulationEvents, type SimulationItem } from './simulate-events';

const DEFAULT_START = '2026-11-23T09:00:00.000Z';
/** Timers fired by one clock advance at most (an escalation ladder re-arms itself). */
const MAX_FIRED = 100;

/**
 * `signet simulate <file> --input '{…}' --as li.na [--at <iso>] [--events 'approve@chen.jie,+24h,…']`:
 * starts the flow in memory against the demo organisation and applies the events on a simulated
 * clock, printing the state, effects, trace and open tasks after each step. `+<duration>` moves the
 * clock and fires the timers that fall due on the way, each at its due time. Exit 1 if any step is
 * refused (or the file has errors).
 */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'run a .flow file in memory with a simulated clock and print every step',
  usage: "signet simulate <file> --input '{…}' --as <user> [--at <iso time>] [--events 'e@user,+24h,…']",
  run(args, io) {
    const parsed = parseCommandArgs(args, {
      input: { type: 'string' },
      as: { type: 'string' },
      at: { type: 'string' },
      events: { type: 'string' },
    });
    if (!parsed.ok) return Promise.resolve(usageError(io, this, parsed.message));
    const { input, as, at, events } = parsed.values;
    if (parsed.positionals.length !== 1)
      return Promise.resolve(usageError(io, this, 'give exactly one file'));
    if (input === undefined || as === undefined)
      return Promise.resolve(usageError(io, this, '--input and --as are required'));
    let inputJson: Json;
    try {
      inputJson = JSON.parse(input) as Json;
    } catch {
      return Promise.resolve(usageError(io, this, `--input is not JSON: ${input}`));
    }
    const items = parseSimulationEvents(events ?? '');
    if (!items.ok) return Promise.resolve(usageError(io, this, items.message));
    if (at !== undefined && Number.isNaN(Date.parse(at)))
      return Promise.resolve(usageError(io, this, `--at is not a time: ${at}`));
    const ir = compileOrReport(io, parsed.positionals[0]);
    if (!ir) return Promise.resolve(EXIT_FAILED);
    const now = at === undefined ? DEFAULT_START : new Date(at).toISOString();
    return Promise.resolve(simulate(io, ir, inputJson, as, now, items.items));
  },
};

function simulate(
  io: CliIo,
  ir: FlowIR,
  input: Json,
  requester: string,
  startAt: string,
  items: SimulationItem[],
): number {
  const directory = inMemoryDirectory(DEMO_ORGANISATION);
  let n = 0;
  const newId = () => `task-${++n}`;
  const tasks = new Map<string, OpenTaskEffect>();
  let refused = false;
  const show = (at: string, label: string, r: StepResult) => {
    if (r.ok) followTasks(tasks, r);
    else refused = true;
    io.out(formatSimulationStep(at, label, r, [...tasks.values()]));
  };

  const first = start(ir, input, { now: startAt, actor: requester, directory, newId });
  show(startAt, `start by ${requester}`, first);
  if (!first.ok) return EXIT_FAILED;
  let snapshot: PersistedSnapshot = first.snapshot;
  let context = first.context as InstanceContext;
  let done = first.status === 'COMPLETED';
  let now = startAt;
  const send = (type: string, actor: string | null, at: string, payload?: Json) => {
    if (done) {
      io.out(`${at}  ${type}: the instance is finished`);
      refused = true;
      return;
    }
    const r = step(
      ir,
      snapshot,
      { type, ...(payload !== undefined ? { payload } : {}) },
      { now: at, actor, directory, newId },
    );
    show(at, `${type} by ${actor ?? 'nobody'}`, r);
    if (!r.ok) return;
    snapshot = r.snapshot;
    context = r.context as InstanceContext;
    done = r.status === 'COMPLETED';
  };

  for (const item of items) {
    if (item.k === 'event') {
      const actor = item.actor ?? (item.type.startsWith('timer.') ? null : requester);
      send(item.type, actor, now, item.payload);
      continue;
    }
    const until = advanceClock(now, item.by);
    io.out(`— clock +${item.by}: ${until}`);
    for (let fired = 0; fired < MAX_FIRED && !done; fired++) {
      const due = [...context.timers]
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .find((t) => t.dueAt <= until);
      if (!due) break;
      send(due.event, null, due.dueAt);
      if (context.timers.some((t) => t.id === due.id)) break; // refused: it would fire forever
    }
    now = until;
  }
  return refused ? EXIT_FAILED : EXIT_OK;
}
