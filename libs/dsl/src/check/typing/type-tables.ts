import type { CellExpr, Expr } from '../../ast/expr';
import type { FieldDecl, TableDecl } from '../../ast/flow';
import type { CellIR, ExprIR, FieldIR, HitPolicy, TypeIR } from '../../ir/flow-ir';
import type { Reporter } from '../context';
import { didYouMean } from '../suggest';
import { assignable, isNumeric, T, typeName } from '../types';
import { resolveType } from './resolve-type';
import { isComparable } from './operators';
import type { ExprTyper } from './type-expr';
import type { TypedTable } from './typed-flow';

const HIT_POLICIES: HitPolicy[] = ['unique', 'first', 'any', 'collect'];
const AGGREGATES = ['sum', 'min', 'max', 'count'] as const;

/** A table's columns, outputs and hit policy, checked; null when a part is unusable (already reported). */
export function tableSignature(table: TableDecl, report: Reporter): TypedTable | null {
  const fields = (decls: FieldDecl[]): FieldIR[] | null => {
    const out = decls.map((d) => ({ name: d.name.name, type: resolveType(d.type, report) }));
    return out.every((f) => f.type) ? (out as FieldIR[]) : null;
  };
  const inputs = fields(table.params);
  const outputs = fields(table.outputs);
  const hit = HIT_POLICIES.find((h) => h === table.hit.name);
  if (!hit) {
    report.error(
      table.hit.span,
      'table/unknown-hit-policy',
      `Unknown hit policy "${table.hit.name}"${didYouMean(table.hit.name, HIT_POLICIES)}`,
      'the hit policies are unique, first, any and collect',
    );
  }
  if (outputs?.length === 0)
    report.error(
      table.name.span,
      'table/no-outputs',
      `The table ${table.name.name} declares no output`,
      'write `-> name: type` after the columns',
    );
  if (!inputs || !outputs || !hit || outputs.length === 0) return null;
  const single: TypeIR = outputs.length === 1 ? outputs[0].type : { kind: 'record', fields: outputs };
  if (table.aggregate && hit !== 'collect') {
    report.error(
      table.aggregate.span,
      'table/bad-aggregate',
      `Only \`hit collect\` takes an aggregate, not \`hit ${hit}\``,
      'write `hit collect sum` (or min, max, count), or drop the aggregate',
    );
    return null;
  }
  if (hit !== 'collect') return { inputs, outputs, hit, result: single };
  if (!table.aggregate) return { inputs, outputs, hit, result: T.list(single) };
  const aggregate = AGGREGATES.find((a) => a === table.aggregate?.name);
  if (!aggregate) {
    report.error(
      table.aggregate.span,
      'table/bad-aggregate',
      `Unknown aggregate "${table.aggregate.name}"${didYouMean(table.aggregate.name, AGGREGATES)}`,
      'the aggregates are sum, min, max and count',
    );
    return null;
  }
  if (aggregate === 'count') return { inputs, outputs, hit, aggregate, result: T.int };
  if (!isNumeric(single)) {
    report.error(
      table.aggregate.span,
      'table/bad-aggregate',
      `\`${aggregate}\` needs one numeric output, not ${typeName(single)}`,
      'use `count`, or collect the outputs as a list (no aggregate)',
    );
    return null;
  }
  return { inputs, outputs, hit, aggregate, result: single };
}

/** Types every cell and output of the rows; cells go to `cells`, outputs to the typer's expressions. */
export function typeRows(
  typer: ExprTyper,
  table: TableDecl,
  sig: TypedTable,
  cells: Map<CellExpr, CellIR>,
): void {
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      if (i >= sig.inputs.length) return;
      const ir = typeCell(typer, cell, sig.inputs[i]);
      if (ir) cells.set(cell, ir);
    });
    row.outputs.forEach((output, i) => {
      if (i < sig.outputs.length) typeCellValue(typer, output, sig.outputs[i]);
    });
  }
}

function typeCell(typer: ExprTyper, cell: CellExpr, column: FieldIR): CellIR | null {
  switch (cell.k) {
    case 'error':
      return null;
    case 'any':
      return { k: 'any' };
    case 'eq': {
      const value = typeCellValue(typer, cell.value, column);
      return value && { k: 'eq', value };
    }
    case 'in': {
      const values = cell.values.map((v) => typeCellValue(typer, v, column));
      return values.every((v) => v) ? { k: 'in', values: values as ExprIR[] } : null;
    }
    case 'cmp': {
      if (cell.op !== '!=' && !orderedColumn(typer, cell, column)) return null;
      const value = typeCellValue(typer, cell.value, column);
      return value && { k: 'cmp', op: cell.op, value };
    }
    case 'range': {
      if (!orderedColumn(typer, cell, column)) return null;
      const lo = typeCellValue(typer, cell.lo, column);
      const hi = typeCellValue(typer, cell.hi, column);
      return lo && hi && { k: 'range', lo, hi, loInclusive: cell.loInclusive, hiInclusive: cell.hiInclusive };
    }
  }
}

function orderedColumn(typer: ExprTyper, cell: CellExpr, column: FieldIR): boolean {
  if (isComparable(column.type)) return true;
  typer.report.error(
    cell.span,
    'table/cell-type',
    `The column "${column.name}" is ${typeName(column.type)}, which has no order`,
    'match it with a value or a list of values',
  );
  return false;
}

function typeCellValue(typer: ExprTyper, expr: Expr, column: FieldIR): ExprIR | null {
  const ir = typer.type(expr, 'table', column.type);
  if (!ir || assignable(ir.type, column.type)) return ir;
  const message = `This cell is ${typeName(ir.type)}, but "${column.name}" is ${typeName(column.type)}`;
  typer.mismatch(expr, ir.type, column.type, message, 'table/cell-type');
  return null;
}
