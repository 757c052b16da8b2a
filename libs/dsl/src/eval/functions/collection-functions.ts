import type { Value } from '../../values/value';
import { equalityFor } from '../ops/compare';
import { fail } from '../scope';
import type { FunctionSpec } from './function-spec';

/** `len(string)`: the number of characters (code points); `len(list)`: the number of items. */
export const len: FunctionSpec = (site) => {
  const kind = site.args[0]?.type.kind;
  if (site.args.length !== 1 || (kind !== 'string' && kind !== 'list')) return undefined;
  return ([x], s) => {
    if (typeof x === 'string') return [...x].length;
    return Array.isArray(x) ? x.length : fail(s, `\`${site.text}\`: the argument is null`);
  };
};

/** `contains(list, elem)`: membership; `contains(string, string)`: substring. */
export const contains: FunctionSpec = (site) => {
  if (site.args.length !== 2) return undefined;
  const [haystack, needle] = site.args;
  if (haystack.type.kind === 'string' && needle.type.kind === 'string')
    return ([h, n], s) =>
      typeof h === 'string' && typeof n === 'string'
        ? h.includes(n)
        : fail(s, `\`${site.text}\`: an argument is null`);
  if (haystack.type.kind !== 'list') return undefined;
  const equal = equalityFor(needle.type, haystack.type.of);
  return ([list, item], s) =>
    Array.isArray(list)
      ? (list as readonly Value[]).some((x) => equal(item, x))
      : fail(s, `\`${site.text}\`: the list is null`);
};
