export { canonicalJson } from './canonical-json';
export { flowHash } from './flow-hash';
