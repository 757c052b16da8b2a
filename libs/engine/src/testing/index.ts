/** Test helpers for projects that use the engine: deterministic contexts, the demo directory, a flow fixture. */
export { DISCOUNT_FLOW_IR } from './discount-flow-ir';
export { demoDirectory, engineContext, sequentialIds, type ContextOptions } from './engine-context';
export { DEMO_ORGANISATION } from '../directory/demo-organisation';
export { inMemoryDirectory, withUsers, type OrganisationData } from '../directory/in-memory-directory';
export { flowVariant } from './flow-variant';
