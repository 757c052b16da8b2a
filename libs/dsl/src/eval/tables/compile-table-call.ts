import type { ExprIR, TableIR } from '../../ir/flow-ir';
import { SmallDecimal } from '../../values/small-decimal';
import type { Value } from '../../values/value';
import { type NumericKind, numericKind } from '../ops/numeric-kind';
import { type CompileChild, type Compiled, fail, FAIL, type Outcome, type Scope } from '../scope';
import { asSmall, type IN_OUT, type SmallOperand, smallOperand, storedValue } from '../small-operand';
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

/** Compiles a table invocation `name(args)`: arguments are evaluated, then the table of the environment applies. */
export function compileTableCall(e: TableExpr, sub: CompileChild): Compiled {
  const n = e.args.length;
  // The environment names the tables; a call site sees the same `tables` array evaluation after
  // evaluation, so it remembers the last one's table instead of asking the WeakMap each time.
  let lastTables: readonly TableIR[] | undefined;
  let lastTable: CompiledTable | undefined;
  const lookup = (s: Scope): CompiledTable | undefined => {
    if (s.env.tables !== lastTables) {
      lastTable = tableNamed(s.env.tables, e.table, sub);
      lastTables = s.env.tables;
    }
    return lastTable;
  };
  const kinds = e.args.map((a) => numericKind(a.type));
  if (n > 0 && kinds.every((k) => k !== undefined)) return numericCall(e, kinds, lookup, sub);
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
 * A call whose arguments are all numbers: they are evaluated as small operands, and when the table
 * has an interval form (`interval-rows.ts`) for arguments of these kinds, its row is found on
 * doubles; otherwise, or when the search cannot decide exactly, the general matcher runs on the
 * same values. Evaluation order, trace entries and failures are those of the general call.
 */
function numericCall(
  e: TableExpr,
  kinds: readonly NumericKind[],
  lookup: (s: Scope) => CompiledTable | undefined,
  sub: CompileChild,
): Compiled {
  const n = kinds.length;
  const args: SmallOperand[] = e.args.map((a, i) => smallOperand(a, kinds[i], sub));
  const smalls = kinds.map(() => new SmallDecimal());
  const raw = new Array<Value | typeof IN_OUT>(n);
  const values = (): Value[] => raw.map((v, i) => storedValue(v, smalls[i]));
  // The interval search applies when the table has the form for arguments of exactly these kinds.
  let searchable: CompiledTable | undefined;
  let searchableFor: CompiledTable | undefined;
  return (s) => {
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
      if (row !== undefined && row >= 0)
        return table.invokeRow(row, s.env.trace ? values() : undefined, e.type, s);
    }
    return table.invoke(values(), e.type, s);
  };
}

function sameKinds(a: readonly NumericKind[], b: readonly NumericKind[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
