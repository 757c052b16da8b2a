import type { FlowIR } from '@signet/dsl';
import { DEMO_ORGANISATION } from '../directory/demo-organisation';
import { inMemoryDirectory, withUsers } from '../directory/in-memory-directory';
import { replay } from '../replay';
import type { EngineContext, OpenTaskEffect, StepResult } from '../types';
import { mismatches } from './match-subset';
import { followTasks } from './open-tasks';
import type { Expectation, Scenario, ScenarioOutcome } from './scenario';

/**
 * Replays one scenario through the engine against the demo organisation (with the scenario's changes):
 * task ids are `task-1`, `task-2`, … in the order ids are drawn; each event runs at its own `at` (a
 * simulated clock, nothing waits). The open tasks are followed through `openTask`, `reassignTask`
 * and `closeTask` effects. Returns every unmet expectation; none means the scenario passes.
 */
export function runScenario(ir: FlowIR, scenario: Scenario): ScenarioOutcome {
  const directory = inMemoryDirectory(
    scenario.directory ? withUsers(DEMO_ORGANISATION, scenario.directory) : DEMO_ORGANISATION,
  );
  let n = 0;
  const newId = () => `task-${++n}`;
  const ctx = (actor: string | null, now: string): EngineContext => ({ actor, now, directory, newId });
  const events = scenario.events.map(({ type, taskId, comment, payload }) => ({
    type,
    taskId,
    comment,
    payload,
  }));
  const ctxs = [ctx(scenario.requester, scenario.at), ...scenario.events.map((e) => ctx(e.actor, e.at))];
  const { results, states } = replay(ir, scenario.input, events, ctxs);

  const openTasks = new Map<string, OpenTaskEffect>();
  const expectations = [scenario.expect, ...scenario.events.map((e) => e.expect)];
  const failures: string[] = [];
  results.forEach((result, i) => {
    if (result.ok) followTasks(openTasks, result);
    const e = scenario.events[i - 1];
    const label = i === 0 ? 'start' : `event ${i} (${e.type} by ${e.actor ?? 'nobody'})`;
    for (const m of check(result, [...openTasks.values()], states[i], expectations[i]))
      failures.push(`${label}: ${m}`);
  });
  if (results.length !== expectations.length)
    failures.push(
      `expected ${expectations.length} steps, replayed ${results.length} (the start was refused)`,
    );
  return { name: scenario.name, failures };
}

function check(result: StepResult, tasks: OpenTaskEffect[], state: string, want: Expectation): string[] {
  const out: string[] = [];
  if (want.error) {
    out.push(...mismatches(result, { ok: false, error: want.error }));
  } else if (!result.ok) {
    return [`expected the step to be accepted, got ${result.error.code}: ${result.error.message}`];
  } else {
    if (want.status) out.push(...mismatches(result.status, want.status, 'status'));
    if (want.effects) out.push(...mismatches(result.effects, want.effects, 'effects'));
    if (want.context) out.push(...mismatches(result.context, want.context, 'context'));
    if (want.trace) out.push(...mismatches(result.trace, want.trace, 'trace'));
  }
  if (want.state) out.push(...mismatches(state, want.state, 'state'));
  if (want.tasks) out.push(...mismatches(tasks, want.tasks, 'tasks'));
  return out;
}
