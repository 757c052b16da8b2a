import type { CellIR, ExprIR, TableIR } from '../../ir/flow-ir';
import { compareDecimal, Decimal } from '../../values/decimal';
import { decodeValue } from '../../values/json-codec';
import { POW10_EXACT, SmallDecimal, toSmallDecimal } from '../../values/small-decimal';
import { type NumericKind, numericKind } from '../ops/numeric-kind';

/** One end of an interval: a literal bound as a plain number (a percentage as its fraction). */
interface Bound {
  readonly coef: number;
  readonly scale: number;
  readonly inclusive: boolean;
}

/** One cell as the set of arguments it accepts; no bound on a side means unbounded there (`-` has neither). */
interface Interval {
  readonly lo?: Bound;
  readonly hi?: Bound;
}

/** The stored value's shift to a plain number: a percentage's coefficient stands for hundredths. */
function shiftOf(kind: NumericKind): number {
  return kind === 'percent' ? 2 : 0;
}

/** A literal bound as a small plain number, or `undefined` when it is not one (then no interval form). */
function bound(e: ExprIR, inclusive: boolean): Bound | undefined {
  if (e.k !== 'lit') return undefined;
  const kind = numericKind(e.type);
  if (!kind) return undefined;
  const v = decodeValue(e.type, e.value);
  const small = new SmallDecimal();
  if (kind === 'int') {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) return undefined;
    return { coef: v, scale: 0, inclusive };
  }
  if (!(v instanceof Decimal) || !toSmallDecimal(v, small)) return undefined;
  return { coef: small.coef, scale: small.scale + shiftOf(kind), inclusive };
}

/** The interval of a cell whose values are literals, or `undefined` for any other cell. */
function interval(cell: CellIR): Interval | undefined {
  switch (cell.k) {
    case 'any':
      return {};
    case 'eq': {
      const b = bound(cell.value, true);
      return b && { lo: b, hi: b };
    }
    case 'cmp': {
      if (cell.op === '!=') return undefined;
      const b = bound(cell.value, cell.op === '<=' || cell.op === '>=');
      if (!b) return undefined;
      return cell.op === '<' || cell.op === '<=' ? { hi: b } : { lo: b };
    }
    case 'range': {
      const lo = bound(cell.lo, cell.loInclusive);
      const hi = bound(cell.hi, cell.hiInclusive);
      return lo && hi && { lo, hi };
    }
    case 'in':
      return undefined;
  }
}

/** Whether every value below-or-at `hi` lies before every value from `lo` (exact, compile time). */
function before(hi: Bound | undefined, lo: Bound | undefined): boolean {
  if (!hi || !lo) return false;
  const c = compareDecimal(new Decimal(BigInt(hi.coef), hi.scale), new Decimal(BigInt(lo.coef), lo.scale));
  return c < 0 || (c === 0 && !(hi.inclusive && lo.inclusive));
}

function disjoint(a: Interval, b: Interval): boolean {
  return before(a.hi, b.lo) || before(b.hi, a.lo);
}

/**
 * A decision table whose input cells are all literal comparisons, ranges, equalities or `-` on
 * numeric columns, as intervals searched on doubles: `find` gives the row the table's hit policy
 * picks, without evaluating a cell or making a `Decimal`. Built only when that row is provably the
 * one the general matcher would pick: under `first` the first row containing the arguments; under
 * `unique` and `any` the rows must be pairwise disjoint (checked here, exactly), so the first match
 * is the only one. `collect` tables never have this form.
 */
export class IntervalRows {
  /** Per column, per argument scale: the rows' bounds as integers at a common scale (see `boundsAt`). */
  private readonly scaled: (ScaledBounds | null | undefined)[][];
  /** Scratch for `find` over several columns: per column, the argument at its bounds' scale, and those bounds. */
  private readonly xs: number[];
  private readonly columns: (ScaledBounds | undefined)[];

  private constructor(
    private readonly rows: readonly (readonly Interval[])[],
    /** Per column: the shift from the argument's stored coefficient to a plain number. */
    private readonly shifts: readonly number[],
    /** Per column: the argument kind the intervals were built for. */
    readonly kinds: readonly NumericKind[],
  ) {
    this.scaled = kinds.map(() => []);
    this.xs = kinds.map(() => 0);
    this.columns = kinds.map(() => undefined);
  }

  /** The interval form of `table`, or `undefined` when it has none (see the class comment). */
  static of(table: TableIR): IntervalRows | undefined {
    if (table.hit === 'collect') return undefined;
    const kinds: NumericKind[] = [];
    for (const input of table.inputs) {
      const kind = numericKind(input.type);
      if (!kind) return undefined;
      kinds.push(kind);
    }
    const rows: Interval[][] = [];
    for (const row of table.rows) {
      if (row.cells.length !== kinds.length) return undefined;
      const cells: Interval[] = [];
      for (const cell of row.cells) {
        const i = interval(cell);
        if (!i) return undefined;
        cells.push(i);
      }
      rows.push(cells);
    }
    if (table.hit !== 'first')
      for (let i = 0; i < rows.length; i++)
        for (let j = i + 1; j < rows.length; j++)
          if (!rows[i].some((cell, c) => disjoint(cell, rows[j][c]))) return undefined;
    return new IntervalRows(rows, kinds.map(shiftOf), kinds);
  }

  /**
   * The index of the row the table picks for these arguments (stored coefficients and scales, one
   * per column), `-1` when no row contains them, `undefined` when a comparison would leave the exact
   * range of doubles. For both of the latter the caller runs the general matcher, which also words
   * the failure.
   */
  find(args: readonly SmallDecimal[]): number | undefined {
    const n = this.shifts.length;
    // Each argument and its column's bounds are brought to one scale first, so the search below
    // compares integers (exact doubles) without aligning scales per comparison.
    if (n === 1) {
      // The common one-column table, without the per-column indirection.
      const a = args[0];
      const scale = a.scale + this.shifts[0];
      const b = this.scaled[0][scale] ?? this.boundsAt(0, scale);
      if (!b) return undefined;
      const x = b.up === 0 ? a.coef : a.coef * POW10_EXACT[b.up];
      if (!(x <= Number.MAX_SAFE_INTEGER && x >= -Number.MAX_SAFE_INTEGER)) return undefined;
      const { lo, hi, loOpen, hiOpen } = b;
      for (let r = 0; r < lo.length; r++) {
        const l = lo[r];
        if (x < l || (x === l && loOpen[r])) continue;
        const h = hi[r];
        if (x > h || (x === h && hiOpen[r])) continue;
        return r;
      }
      return -1;
    }
    const { xs } = this;
    const columns = this.columns;
    for (let i = 0; i < n; i++) {
      const a = args[i];
      const scale = a.scale + this.shifts[i];
      const b = this.scaled[i][scale] ?? this.boundsAt(i, scale);
      if (!b) return undefined;
      const x = b.up === 0 ? a.coef : a.coef * POW10_EXACT[b.up];
      if (!(x <= Number.MAX_SAFE_INTEGER && x >= -Number.MAX_SAFE_INTEGER)) return undefined;
      xs[i] = x;
      columns[i] = b;
    }
    next: for (let r = 0; r < this.rows.length; r++) {
      for (let i = 0; i < n; i++) {
        const { lo, hi, loOpen, hiOpen } = columns[i]!;
        const x = xs[i];
        const l = lo[r];
        if (x < l || (x === l && loOpen[r])) continue next;
        const h = hi[r];
        if (x > h || (x === h && hiOpen[r])) continue next;
      }
      return r;
    }
    return -1;
  }

  /**
   * Column `i`'s bounds for an argument whose plain-number scale is `scale`, built on first use:
   * every bound and the argument are brought to the larger of `scale` and the bounds' scales; `up`
   * is the argument's step up. `undefined` when a scaled bound would not be an exact double (or the
   * scale is beyond the table of powers); then `find` leaves the search to the general matcher.
   */
  private boundsAt(i: number, scale: number): ScaledBounds | undefined {
    const byScale = this.scaled[i];
    const known = byScale[scale];
    if (known !== undefined) return known ?? undefined;
    const built = scale < POW10_EXACT.length ? scaleBounds(this.rows, i, scale) : undefined;
    byScale[scale] = built ?? null;
    return built;
  }
}

/**
 * One column's bounds at a common scale: `lo[r]`/`hi[r]` per row (±∞ where a side is unbounded),
 * `loOpen[r]`/`hiOpen[r]` whether the bound itself is excluded; see `boundsAt`.
 */
interface ScaledBounds {
  readonly up: number;
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  readonly loOpen: readonly boolean[];
  readonly hiOpen: readonly boolean[];
}

function scaleBounds(
  rows: readonly (readonly Interval[])[],
  column: number,
  scale: number,
): ScaledBounds | undefined {
  let target = scale;
  for (const cells of rows) {
    const { lo, hi } = cells[column];
    if (lo && lo.scale > target) target = lo.scale;
    if (hi && hi.scale > target) target = hi.scale;
  }
  if (target >= POW10_EXACT.length) return undefined;
  const at = (b: Bound | undefined, open: number): number | undefined => {
    if (!b) return open;
    const v = b.coef * POW10_EXACT[target - b.scale];
    return v <= Number.MAX_SAFE_INTEGER && v >= -Number.MAX_SAFE_INTEGER ? v : undefined;
  };
  const lo: number[] = [];
  const hi: number[] = [];
  for (const cells of rows) {
    const { lo: l, hi: h } = cells[column];
    const a = at(l, -Infinity);
    const b = at(h, Infinity);
    if (a === undefined || b === undefined) return undefined;
    lo.push(a);
    hi.push(b);
  }
  const loOpen = rows.map((cells) => cells[column].lo?.inclusive === false);
  const hiOpen = rows.map((cells) => cells[column].hi?.inclusive === false);
  return { up: target - scale, lo, hi, loOpen, hiOpen };
}
