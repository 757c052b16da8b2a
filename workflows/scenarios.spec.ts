/**
 * Scenario replay for every shipped flow: compiles each `workflows/*.flow` and replays its
 * `<name>.scenarios.json` through the engine against the demo organisation, checking the state,
 * open tasks, effects, context, trace or error after the start and after every event.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type FlowIR, type Json } from '@signet/dsl';
import {
  DEMO_ORGANISATION,
  type DirectoryUser,
  type EngineContext,
  type EngineEvent,
  inMemoryDirectory,
  type OpenTaskEffect,
  replay,
  type StepResult,
  withUsers,
} from '@signet/engine';

interface Expectation {
  state?: string;
  status?: 'ACTIVE' | 'COMPLETED';
  /** The open tasks after the step, in the order they opened (each a subset of its openTask effect). */
  tasks?: Partial<OpenTaskEffect>[];
  /** The step's effects, in order, each a subset. */
  effects?: Record<string, Json>[];
  context?: Record<string, Json>;
  trace?: Record<string, Json>;
  /** The step is refused with this error (a subset: code, and message or details when given). */
  error?: Record<string, Json>;
}

interface ScenarioEvent extends EngineEvent {
  actor: string | null;
  at: string;
  expect: Expectation;
}

interface Scenario {
  name: string;
  requester: string;
  at: string;
  input: Json;
  /** Changes to the demo organisation for this scenario. */
  directory?: (Partial<DirectoryUser> & { username: string })[];
  expect: Expectation;
  events: ScenarioEvent[];
}

interface ScenarioFile {
  flow: string;
  scenarios: Scenario[];
}

const dir = __dirname;
const flows = readdirSync(dir).filter((f) => f.endsWith('.flow'));

function check(
  result: StepResult,
  openTasks: Map<string, OpenTaskEffect>,
  state: string,
  want: Expectation,
): void {
  if (want.error) {
    expect(result).toMatchObject({ ok: false, error: want.error });
  } else {
    if (!result.ok)
      throw new Error(`expected the step to be accepted, got ${result.error.code}: ${result.error.message}`);
    if (want.status) expect(result.status).toBe(want.status);
    if (want.effects) expect(result.effects).toMatchObject(want.effects);
    if (want.context) expect(result.context).toMatchObject(want.context);
    if (want.trace) expect(result.trace).toMatchObject(want.trace);
  }
  if (want.state) expect(state).toBe(want.state);
  if (want.tasks) expect([...openTasks.values()]).toMatchObject(want.tasks);
}

describe.each(flows)('%s', (flowFile) => {
  const compiled = compile(readFileSync(join(dir, flowFile), 'utf8'));
  const scenarioPath = join(dir, flowFile.replace(/\.flow$/, '.scenarios.json'));

  it('should compile without errors', () => {
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('should have a scenario file', () => {
    expect(readdirSync(dir)).toContain(flowFile.replace(/\.flow$/, '.scenarios.json'));
  });

  const file = JSON.parse(readFileSync(scenarioPath, 'utf8')) as ScenarioFile;
  const ir = compiled.ir as FlowIR;

  it('should name the flow the scenarios are for', () => {
    expect(ir.key).toBe(file.flow);
  });

  it.each(file.scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
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
    results.forEach((result, i) => {
      if (result.ok) {
        for (const effect of result.effects) {
          if (effect.type === 'openTask') openTasks.set(effect.taskId, effect);
          if (effect.type === 'closeTask') openTasks.delete(effect.taskId);
        }
      }
      const label =
        i === 0 ? 'start' : `event ${i} (${scenario.events[i - 1].type} by ${scenario.events[i - 1].actor})`;
      try {
        check(result, openTasks, states[i], expectations[i]);
      } catch (e) {
        if (e instanceof Error) e.message = `${label}: ${e.message}`;
        throw e;
      }
    });
    expect(results).toHaveLength(expectations.length);
  });
});
