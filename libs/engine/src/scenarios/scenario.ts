import type { Json } from '@signet/dsl';
import type { DirectoryUser, EngineEvent, OpenTaskEffect } from '../types';

/**
 * What must hold after a start or an event (every part optional; objects match as subsets, arrays
 * element by element with the same length, like Jest's `toMatchObject`).
 */
export interface Expectation {
  state?: string;
  status?: 'ACTIVE' | 'COMPLETED';
  /** The open tasks after the step, in the order they opened (re-assignments applied). */
  tasks?: Partial<OpenTaskEffect>[];
  /** The step's effects, in order. */
  effects?: Record<string, Json>[];
  context?: Record<string, Json>;
  trace?: Record<string, Json>;
  /** The step is refused with this error (code, and message or details when given). */
  error?: Record<string, Json>;
}

export interface ScenarioEvent extends EngineEvent {
  /** Who sends it; null for timers. */
  actor: string | null;
  /** When it happens (ISO-8601): the scenario's simulated clock. */
  at: string;
  expect: Expectation;
}

/** One path through a flow: who starts it with what input, then events at chosen times. */
export interface Scenario {
  name: string;
  requester: string;
  at: string;
  input: Json;
  /** Changes to the demo organisation for this scenario. */
  directory?: (Partial<DirectoryUser> & { username: string })[];
  expect: Expectation;
  events: ScenarioEvent[];
}

/** A `<flow>.scenarios.json` file. */
export interface ScenarioFile {
  flow: string;
  description?: string;
  scenarios: Scenario[];
}

export interface ScenarioOutcome {
  name: string;
  /** One line per unmet expectation, prefixed with the step (`start`, `event 2 (approve by chen.jie)`). */
  failures: string[];
}
