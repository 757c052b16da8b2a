import type { ExprIR, TableIR } from '../../ir/flow-ir';
import type { Value } from '../../values/value';
import { type CompileChild, type Compiled, fail, FAIL } from '../scope';
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
  const args = e.args.map(sub);
  const n = args.length;
  return (s) => {
    const table = tableNamed(s.env.tables, e.table, sub);
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
