import type { CellIR, TypeIR } from '../../ir/flow-ir';
import type { Value } from '../../values/value';
import { equalityFor, orderFor } from '../ops/compare';
import { cellText } from '../expr-text';
import { type CompileChild, fail, FAIL, type Scope } from '../scope';

/** Whether a table argument satisfies one input cell of a row. */
export type CellMatcher = (arg: Value, s: Scope) => boolean | typeof FAIL;

const ANY: CellMatcher = () => true;

/**
 * Compiles an input cell against the column's type. Cell values are evaluated each time (they may
 * ask the directory, e.g. `<= authority(role(sales_manager))`); literals are decoded once. A null
 * argument matches only `-`, `== null` and `!= x`.
 */
export function compileCell(cell: CellIR, column: TypeIR, sub: CompileChild): CellMatcher {
  switch (cell.k) {
    case 'any':
      return ANY;
    case 'eq': {
      const value = sub(cell.value);
      const equal = equalityFor(column, cell.value.type);
      return (arg, s) => {
        const v = value(s);
        return v === FAIL ? FAIL : equal(arg, v);
      };
    }
    case 'in': {
      const values = cell.values.map(sub);
      const equal = equalityFor(column, cell.values[0]?.type ?? column);
      return (arg, s) => {
        for (const value of values) {
          const v = value(s);
          if (v === FAIL) return FAIL;
          if (equal(arg, v)) return true;
        }
        return false;
      };
    }
    case 'cmp': {
      const value = sub(cell.value);
      if (cell.op === '!=') {
        const equal = equalityFor(column, cell.value.type);
        return (arg, s) => {
          const v = value(s);
          return v === FAIL ? FAIL : !equal(arg, v);
        };
      }
      const order = orderFor(column, cell.value.type);
      const text = cellText(cell);
      if (!order) return (_arg, s) => fail(s, `cell \`${text}\`: ${column.kind} values cannot be ordered`);
      const op = cell.op;
      return (arg, s) => {
        const v = value(s);
        if (v === FAIL) return FAIL;
        if (arg === null || v === null) return false;
        const c = order(arg, v);
        if (c === undefined) return fail(s, `cell \`${text}\`: the values cannot be compared`);
        return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      };
    }
    case 'range': {
      const lo = sub(cell.lo);
      const hi = sub(cell.hi);
      const order = orderFor(column, cell.lo.type);
      const text = cellText(cell);
      if (!order) return (_arg, s) => fail(s, `cell \`${text}\`: ${column.kind} values cannot be ordered`);
      const { loInclusive, hiInclusive } = cell;
      return (arg, s) => {
        const l = lo(s);
        if (l === FAIL) return FAIL;
        const h = hi(s);
        if (h === FAIL) return FAIL;
        if (arg === null || l === null || h === null) return false;
        const cl = order(arg, l);
        const ch = order(arg, h);
        if (cl === undefined || ch === undefined)
          return fail(s, `cell \`${text}\`: the values cannot be compared`);
        return (loInclusive ? cl >= 0 : cl > 0) && (hiInclusive ? ch <= 0 : ch < 0);
      };
    }
  }
}
