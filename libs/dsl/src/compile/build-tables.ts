import type { TableDecl } from '../ast/flow';
import type { TableIR } from '../ir/flow-ir';
import type { TypedFlow } from '../check/typing/typed-flow';
import { typedCell, typedExpr } from './typed-lookup';

/** A checked table as TableIR: columns, outputs, hit policy and rows with their source lines. */
export function buildTable(table: TableDecl, typed: TypedFlow): TableIR {
  const sig = typed.tables.get(table);
  if (!sig) throw new Error(`compiler bug: table ${table.name.name} was not typed`);
  const ir: TableIR = {
    name: table.name.name,
    line: table.span.line,
    inputs: sig.inputs,
    outputs: sig.outputs,
    hit: sig.hit,
    rows: table.rows.map((row) => ({
      line: row.span.line,
      cells: row.cells.map((cell) => typedCell(typed, cell)),
      outputs: row.outputs.map((output) => typedExpr(typed, output)),
    })),
  };
  if (sig.aggregate) ir.aggregate = sig.aggregate;
  return ir;
}
