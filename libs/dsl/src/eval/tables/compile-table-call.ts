import type { ExprIR, TableIR } from '../../ir/flow-ir';
import { SmallDecimal } from '../../values/small-decimal';
import type { Value } from '../../values/value';
import { type NumericKind, numericKind } from '../ops/numeric-kind';
import { type CompileChild, type Compiled, fail, FAIL, type Outcome, type Scope } from '../scope';
import { asSmall, IN_OUT, type SmallOperand, smallOperand, storedValue } from '../small-operand';
import { CompiledTable } from './compile-table';

type TableExpr = Extract<ExprIR, { k: 'table' }>;

// Tables are compiled once per IR (keyed by the IR's `tables` array) and name.
const compiledTables = new WeakMap<readonly TableIR[], Map<string, CompiledTable | undefined>>();

/** The compiled table `name` of `tables`, or `undefined` if the IR has no such table. */
export function tableNamed(
  tables: readonly TableIR[],
  name: string,
  sub: CompileChild,
): CompiledTable | undefined {
  let byName = compiledTables.get(tables);
  if (!byName) {
    byName = new Map();
    compiledTables.set(tables, byName);
  }
  if (!byName.has(name)) {
    const table = tables.find((t) => t.name === name);
    byName.set(name, table && new CompiledTable(table, sub));
  }
  return byName.get(name);
}

type Lookup = (s: Scope) => CompiledTable | undefined;

/**
 * The table a call site names, in the environment it is evaluated in. The environment names the
 * tables; a call site sees the same `tables` array evaluation after evaluation, so it remembers the
 * last one's table instead of asking the WeakMap each time.
 */
function tableLookup(e: TableExpr, sub: CompileChild): Lookup {
  let lastTables: readonly TableIR[] | undefined;
  let lastTable: CompiledTable | undefined;
  return (s) => {
    if (s.env.tables !== lastTables) {
      lastTable = tableNamed(s.env.tables, e.table, sub);
      lastTables = s.env.tables;
    }
    return lastTable;
  };
}

/** The numeric kinds of a call's arguments, or `undefined` unless there are some and all are numbers. */
function numericKinds(e: TableExpr): NumericKind[] | undefined {
  const kinds = e.args.map((a) => numericKind(a.type));
  return kinds.length > 0 && kinds.every((k) => k !== undefined) ? kinds : undefined;
}

/** Compiles a table invocation `name(args)`: arguments are evaluated, then the table of the environment applies. */
export function compileTableCall(e: TableExpr, sub: CompileChild): Compiled {
  const n = e.args.length;
  const lookup = tableLookup(e, sub);
  const kinds = numericKinds(e);
  if (kinds) {
    const call = numericCall(e, kinds, lookup, sub);
    return (s) => call(s, undefined) as Outcome;
  }
  const args = e.args.map(sub);
  return (s) => {
    const table = lookup(s);
    if (!table) return fail(s, `unknown table ${e.table}`);
    const values = new Array<Value>(n);
    for (let i = 0; i < n; i++) {
      const v = args[i](s);
      if (v === FAIL) return FAIL;
      values[i] = v;
    }
    return table.invoke(values, e.type, s);
  };
}

/**
 * A table call as an operand of the Number fast path (`small-operand.ts`), for calls whose
 * arguments are all numbers and whose result is a `Decimal` (money, decimal, percent): when the
 * interval search finds the row and its output is a literal with a small coefficient, that is
 * written to `out` without making a `Decimal` (not while tracing: the trace entry needs the value).
 * Otherwise it answers what the plain call would. `undefined` for other calls.
 */
export function tableOperand(e: TableExpr, kind: NumericKind, sub: CompileChild): SmallOperand | undefined {
  const kinds = numericKinds(e);
  if (!kinds || kind === 'int') return undefined;
  const call = numericCall(e, kinds, tableLookup(e, sub), sub);
  return (s, out) => call(s, out);
}

/**
 * A call whose arguments are all numbers: they are evaluated as small operands, and when the table
 * has an interval form (`interval-rows.ts`) for arguments of these kinds, its row is found on
 * doubles; otherwise, or when the search cannot decide exactly, the general matcher runs on the
 * same values. Evaluation order, trace entries and failures are those of the general call. Given
 * `out`, a found row's small literal output goes there (see `tableOperand`).
 */
function numericCall(
  e: TableExpr,
  kinds: readonly NumericKind[],
  lookup: Lookup,
  sub: CompileChild,
): (s: Scope, out: SmallDecimal | undefined) => Outcome | typeof IN_OUT {
  const n = kinds.length;
  const args: SmallOperand[] = e.args.map((a, i) => smallOperand(a, kinds[i], sub));
  const smalls = kinds.map(() => new SmallDecimal());
  const raw = new Array<Value | typeof IN_OUT>(n);
  const values = (): Value[] => raw.map((v, i) => storedValue(v, smalls[i]));
  // The interval search applies when the table has the form for arguments of exactly these kinds.
  let searchable: CompiledTable | undefined;
  let searchableFor: CompiledTable | undefined;
  return (s, out) => {
    const table = lookup(s);
    if (!table) return fail(s, `unknown table ${e.table}`);
    let small = true;
    for (let i = 0; i < n; i++) {
      const v: Outcome | typeof IN_OUT = args[i](s, smalls[i]);
      if (v === FAIL) return FAIL;
      raw[i] = v;
      if (small && !asSmall(v, kinds[i], smalls[i])) small = false;
    }
    if (table !== searchableFor) {
      searchableFor = table;
      searchable = table.intervals && sameKinds(table.intervals.kinds, kinds) ? table : undefined;
    }
    const intervals = table.intervals;
    if (small && intervals && searchable === table) {
      const row = intervals.find(smalls);
      if (row !== undefined && row >= 0) {
        if (out !== undefined && !s.env.trace) {
          const literal = table.smallOutputs[row];
          if (literal !== undefined) {
            out.coef = literal.coef;
            out.scale = literal.scale;
            return IN_OUT;
          }
        }
        return table.invokeRow(row, s.env.trace ? values() : undefined, e.type, s);
      }
    }
    return table.invoke(values(), e.type, s);
  };
}
function sameKinds(a: readonly NumericKind[], b: readonly NumericKind[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
