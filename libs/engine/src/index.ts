export * from './types';
export { start } from './start';
export { step } from './step';
export { replay, type Replay } from './replay';
export { activeStatePath } from './snapshot';
export type { ActiveTimer, InstanceContext } from './instance-context';
export { inMemoryDirectory, withUsers, type OrganisationData } from './directory/in-memory-directory';
export { DEMO_ORGANISATION } from './directory/demo-organisation';
