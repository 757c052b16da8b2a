import { Decimal } from '../../values/decimal';
import { absolute } from '../../values/decimal-arithmetic';
import { roundDecimal, type RoundingMode } from '../../values/decimal-rounding';
import { orderFor } from '../ops/compare';
import { numericKind } from '../ops/numeric-kind';
import { fail, type Outcome } from '../scope';
import type { FunctionSpec } from './function-spec';

/** Largest number of decimals `round` accepts; beyond it a value has no meaningful digits left to keep. */
export const MAX_PLACES = 100;

function pick(chooseLeft: (order: number) => boolean): FunctionSpec {
  return (site) => {
    if (site.args.length !== 2) return undefined;
    const [a, b] = site.args;
    const order = orderFor(a.type, b.type);
    if (!order || !numericKind(a.type) || !numericKind(b.type)) return undefined;
    // int mixed with decimal yields a decimal: widen whichever int wins.
    const widen = site.result.kind !== 'int';
    return ([x, y], s) => {
      if (x === null || y === null) return fail(s, `\`${site.text}\`: an argument is null`);
      const c = order(x, y);
      if (c === undefined) return fail(s, `\`${site.text}\`: the arguments cannot be compared`);
      const v = chooseLeft(c) ? x : y;
      return widen && typeof v === 'number' ? Decimal.fromInt(v) : v;
    };
  };
}

/** `min(a, b)`: the smaller; on a tie the first. */
export const min = pick((c) => c <= 0);
/** `max(a, b)`: the larger; on a tie the first. */
export const max = pick((c) => c >= 0);

/** `abs(x)` for any numeric type. */
export const abs: FunctionSpec = (site) => {
  if (site.args.length !== 1 || !numericKind(site.args[0].type)) return undefined;
  return ([x], s) => {
    if (x === null) return fail(s, `\`${site.text}\`: the argument is null`);
    if (typeof x === 'number') return Math.abs(x);
    return x instanceof Decimal ? absolute(x) : fail(s, `\`${site.text}\`: the argument is not a number`);
  };
};

function rounding(mode: RoundingMode): FunctionSpec {
  return (site) => {
    if (site.args.length !== 2 || !numericKind(site.args[0].type) || site.args[1].type.kind !== 'int')
      return undefined;
    return ([x, places], s): Outcome => {
      if (x === null) return fail(s, `\`${site.text}\`: the value is null`);
      if (typeof places !== 'number' || places < 0 || places > MAX_PLACES)
        return fail(s, `\`${site.text}\`: the number of decimals must be between 0 and ${MAX_PLACES}`);
      if (typeof x === 'number') return x;
      return x instanceof Decimal ? roundDecimal(x, places, mode) : fail(s, `\`${site.text}\`: not a number`);
    };
  };
}

/** `round(x, n)`: half-up (ties away from zero) to `n` decimals. */
export const round = rounding('half-up');
/** `roundEven(x, n)`: half-even (banker's rounding) to `n` decimals. */
export const roundEven = rounding('half-even');
