export * from './types';
export { start } from './start';
export { step } from './step';
export { replay, replayEvent, type MigrationStep, type Replay } from './replay';
export * from './migration';
export { activeStatePath } from './snapshot';
export type { ActiveTimer, InstanceContext } from './instance-context';
export { inMemoryDirectory, withUsers, type OrganisationData } from './directory/in-memory-directory';
export { DEMO_ORGANISATION } from './directory/demo-organisation';
export { runScenario } from './scenarios/run-scenario';
export { mismatches } from './scenarios/match-subset';
export { followTasks } from './scenarios/open-tasks';
export type {
  Expectation,
  Scenario,
  ScenarioEvent,
  ScenarioFile,
  ScenarioOutcome,
} from './scenarios/scenario';
