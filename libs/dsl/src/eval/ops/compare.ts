import type { TypeIR } from '../../ir/flow-ir';
import { compareDecimal, Decimal } from '../../values/decimal';
import { Duration, durationMillis } from '../../values/duration';
import { isRecord, type Value } from '../../values/value';
import { numericKind, realValue } from './numeric-kind';

/** Ordering of two non-null values: negative, zero, positive, or `undefined` if they do not compare. */
export type OrderFn = (a: Value, b: Value) => number | undefined;
export type EqualFn = (a: Value, b: Value) => boolean;

function compareDurations(a: Value, b: Value): number | undefined {
  if (!(a instanceof Duration) || !(b instanceof Duration)) return undefined;
  if (a.unit === 'workdays' || b.unit === 'workdays')
    return a.unit === b.unit ? a.amount - b.amount : undefined;
  return durationMillis(a)! - durationMillis(b)!;
}

/**
 * How values of types `left` and `right` are ordered: numerically for numbers (ints and decimals
 * mix; percentages compare as percentages), by instant for timestamps, by length for durations
 * (working days only with working days), by code units for strings. `undefined` for unordered types.
 */
export function orderFor(left: TypeIR, right: TypeIR): OrderFn | undefined {
  const lk = numericKind(left);
  const rk = numericKind(right);
  if (lk && rk) {
    if (lk === 'int' && rk === 'int') return (a, b) => (a as number) - (b as number);
    // Same decimal-based kind: compare as stored, without converting percentages to fractions.
    if (lk === rk)
      return (a, b) => (a instanceof Decimal && b instanceof Decimal ? compareDecimal(a, b) : undefined);
    return (a, b) => {
      const x = realValue(a, lk);
      const y = realValue(b, rk);
      return x && y ? compareDecimal(x, y) : undefined;
    };
  }
  if (left.kind === 'timestamp' && right.kind === 'timestamp') return (a, b) => (a as number) - (b as number);
  if (left.kind === 'duration' && right.kind === 'duration') return compareDurations;
  if (left.kind === 'string' && right.kind === 'string')
    return (a, b) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);
  return undefined;
}

function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof Decimal && b instanceof Decimal) return compareDecimal(a, b) === 0;
  if (a instanceof Duration && b instanceof Duration) return a.unit === b.unit && a.amount === b.amount;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x: Value, i) => deepEqual(x, (b as Value[])[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Equality of values of types `left` and `right`, null-aware (`x == null` holds only for null):
 * numbers by value (`1.0 == 1.00`), durations by length, everything else structurally.
 */
export function equalityFor(left: TypeIR, right: TypeIR): EqualFn {
  const order =
    (numericKind(left) && numericKind(right)) || (left.kind === 'duration' && right.kind === 'duration')
      ? orderFor(left, right)
      : undefined;
  if (order) return (a, b) => (a === null || b === null ? a === b : order(a, b) === 0);
  return (a, b) => (a === null || b === null ? a === b : deepEqual(a, b));
}
