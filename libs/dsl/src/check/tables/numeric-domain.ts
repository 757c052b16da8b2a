import type { CellIR } from '../../ir/flow-ir';
import {
  addInteger,
  ceilDec,
  compareDec,
  type Dec,
  floorDec,
  fromInteger,
  midpoint,
  parseDec,
} from './decimal';
import type { ColumnDomain } from './column-domain';

/** An interval; a missing bound is infinite. */
export interface Interval {
  lo?: Dec;
  loInclusive: boolean;
  hi?: Dec;
  hiInclusive: boolean;
}

/** A set of numbers as a union of intervals. */
export type NumberSet = Interval[];

const FULL: Interval = { loInclusive: false, hiInclusive: false };

/**
 * The values of an ordered numeric column (int, decimal, percent, money), exact. `integral` columns
 * (int) only hold whole numbers, so `> 1` and `< 2` do not overlap there.
 */
export class NumericDomain implements ColumnDomain<NumberSet> {
  readonly full: NumberSet = [FULL];

  constructor(
    private readonly integral: boolean,
    private readonly read: (value: unknown) => Dec | undefined,
    private readonly write: (value: Dec) => string,
  ) {}

  fromCell(cell: CellIR): NumberSet | undefined {
    const value = (e: CellIR & { k: 'eq' }): Dec | undefined =>
      e.value.k === 'lit' ? this.read(e.value.value) : undefined;
    switch (cell.k) {
      case 'any':
        return this.full;
      case 'eq': {
        const v = value(cell);
        return v && [{ lo: v, loInclusive: true, hi: v, hiInclusive: true }];
      }
      case 'in': {
        const vs = cell.values.map((e) => (e.k === 'lit' ? this.read(e.value) : undefined));
        return vs.every((v) => v)
          ? (vs as Dec[]).map((v) => ({ lo: v, loInclusive: true, hi: v, hiInclusive: true }))
          : undefined;
      }
      case 'cmp': {
        const v = cell.value.k === 'lit' ? this.read(cell.value.value) : undefined;
        if (!v) return undefined;
        if (cell.op === '!=')
          return [
            { hi: v, hiInclusive: false, loInclusive: false },
            { lo: v, loInclusive: false, hiInclusive: false },
          ];
        if (cell.op === '<' || cell.op === '<=')
          return [{ hi: v, hiInclusive: cell.op === '<=', loInclusive: false }];
        return [{ lo: v, loInclusive: cell.op === '>=', hiInclusive: false }];
      }
      case 'range': {
        const lo = cell.lo.k === 'lit' ? this.read(cell.lo.value) : undefined;
        const hi = cell.hi.k === 'lit' ? this.read(cell.hi.value) : undefined;
        return lo && hi && [{ lo, loInclusive: cell.loInclusive, hi, hiInclusive: cell.hiInclusive }];
      }
    }
  }

  intersect(a: NumberSet, b: NumberSet): NumberSet {
    const out: NumberSet = [];
    for (const x of a) {
      for (const y of b) {
        const m = meet(x, y);
        if (!this.emptyInterval(m)) out.push(m);
      }
    }
    return out;
  }

  minus(a: NumberSet, b: NumberSet): NumberSet {
    return b.reduce((rest, interval) => this.intersect(rest, complement(interval)), a);
  }

  isEmpty(a: NumberSet): boolean {
    return a.every((i) => this.emptyInterval(i));
  }

  show(a: NumberSet): string {
    const interval = a.find((i) => !this.emptyInterval(i));
    return interval ? this.write(this.witness(interval)) : '';
  }

  private smallestInteger(lo: Dec, loInclusive: boolean): bigint {
    return loInclusive ? ceilDec(lo) : floorDec(lo) + 1n;
  }

  private emptyInterval(i: Interval): boolean {
    if (i.lo && i.hi) {
      const c = compareDec(i.lo, i.hi);
      if (c > 0 || (c === 0 && !(i.loInclusive && i.hiInclusive))) return true;
    }
    if (!this.integral || !i.lo || !i.hi) return false;
    const k = fromInteger(this.smallestInteger(i.lo, i.loInclusive));
    const c = compareDec(k, i.hi);
    return c > 0 || (c === 0 && !i.hiInclusive);
  }

  private witness(i: Interval): Dec {
    if (this.integral) {
      if (i.lo) return fromInteger(this.smallestInteger(i.lo, i.loInclusive));
      if (i.hi) return fromInteger(i.hiInclusive ? floorDec(i.hi) : ceilDec(i.hi) - 1n);
      return fromInteger(0n);
    }
    if (i.lo && i.loInclusive) return i.lo;
    if (i.hi && i.hiInclusive) return i.hi;
    if (i.lo && i.hi) return midpoint(i.lo, i.hi);
    if (i.lo) return addInteger(i.lo, 1n);
    if (i.hi) return addInteger(i.hi, -1n);
    return fromInteger(0n);
  }
}

function meet(a: Interval, b: Interval): Interval {
  const out: Interval = { loInclusive: false, hiInclusive: false };
  const lo = !a.lo
    ? b
    : !b.lo
      ? a
      : compareDec(a.lo, b.lo) === 0
        ? { lo: a.lo, loInclusive: a.loInclusive && b.loInclusive }
        : compareDec(a.lo, b.lo) > 0
          ? a
          : b;
  const hi = !a.hi
    ? b
    : !b.hi
      ? a
      : compareDec(a.hi, b.hi) === 0
        ? { hi: a.hi, hiInclusive: a.hiInclusive && b.hiInclusive }
        : compareDec(a.hi, b.hi) < 0
          ? a
          : b;
  if (lo.lo) {
    out.lo = lo.lo;
    out.loInclusive = lo.loInclusive;
  }
  if (hi.hi) {
    out.hi = hi.hi;
    out.hiInclusive = hi.hiInclusive;
  }
  return out;
}

function complement(i: Interval): NumberSet {
  const parts: NumberSet = [];
  if (i.lo) parts.push({ hi: i.lo, hiInclusive: !i.loInclusive, loInclusive: false });
  if (i.hi) parts.push({ lo: i.hi, loInclusive: !i.hiInclusive, hiInclusive: false });
  return parts;
}

/** Reads a literal's JSON value (`5`, `"1.25"`, `"2.5%"`, `"50000"`) as an exact decimal. */
export function readNumber(value: unknown): Dec | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return parseDec(String(value));
  if (typeof value !== 'string') return undefined;
  const text = value.endsWith('%') ? value.slice(0, -1) : value;
  return /^-?[0-9]+(\.[0-9]+)?$/.test(text) ? parseDec(text) : undefined;
}
