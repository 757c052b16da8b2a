import { authority, hasRole, roles, superior, team } from './directory-functions';
import { contains, len } from './collection-functions';
import type { FunctionSpec } from './function-spec';
import { abs, max, min, round, roundEven } from './numeric-functions';

/** The fixed function library of the language (see the language conventions). Nothing else is callable. */
export const LIBRARY: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['authority', authority],
  ['superior', superior],
  ['team', team],
  ['roles', roles],
  ['hasRole', hasRole],
  ['min', min],
  ['max', max],
  ['abs', abs],
  ['round', round],
  ['roundEven', roundEven],
  ['len', len],
  ['contains', contains],
]);
