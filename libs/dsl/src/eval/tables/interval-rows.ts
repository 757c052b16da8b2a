import type { CellIR, ExprIR, TableIR } from '../../ir/flow-ir';
import { compareDecimal, Decimal } from '../../values/decimal';
import { decodeValue } from '../../values/json-codec';
import { compareSmall, SmallDecimal, toSmallDecimal } from '../../values/small-decimal';
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
  private constructor(
    private readonly rows: readonly (readonly Interval[])[],
    /** Per column: the shift from the argument's stored coefficient to a plain number. */
    private readonly shifts: readonly number[],
    /** Per column: the argument kind the intervals were built for. */
    readonly kinds: readonly NumericKind[],
  ) {}

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
    const { rows, shifts } = this;
    next: for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      for (let i = 0; i < cells.length; i++) {
        const { lo, hi } = cells[i];
        const a = args[i];
        const scale = a.scale + shifts[i];
        if (lo) {
          const c = compareSmall(a.coef, scale, lo.coef, lo.scale);
          if (c === undefined) return undefined;
          if (c < 0 || (c === 0 && !lo.inclusive)) continue next;
        }
        if (hi) {
          const c = compareSmall(a.coef, scale, hi.coef, hi.scale);
          if (c === undefined) return undefined;
          if (c > 0 || (c === 0 && !hi.inclusive)) continue next;
        }
      }
      return r;
    }
    return -1;
  }
}
