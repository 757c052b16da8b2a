import type { TableIR, TypeIR } from '../../ir/flow-ir';
import { Decimal } from '../../values/decimal';
import { decodeValue, encodeValue } from '../../values/json-codec';
import { SmallDecimal, toSmallDecimal } from '../../values/small-decimal';
import type { Value } from '../../values/value';
import { type CompileChild, type Compiled, fail, FAIL, type Outcome, type Scope } from '../scope';
import { type CellMatcher, compileCell } from './compile-cell';
import { aggregate, agreeingOutput } from './hit-policy';
import { IntervalRows } from './interval-rows';

interface CompiledRow {
  /** 1-based position in the table. */
  readonly row: number;
  readonly line: number;
  readonly cells: readonly CellMatcher[];
  readonly outputs: readonly Compiled[];
}

/** The type of one row's result: the single output, or a record of the outputs. */
export function rowOutputType(table: TableIR): TypeIR {
  return table.outputs.length === 1 ? table.outputs[0].type : { kind: 'record', fields: table.outputs };
}

/** A decision table compiled once to cell matchers and output closures; invoked per evaluation. */
export class CompiledTable {
  private readonly rows: readonly CompiledRow[];
  private readonly outputType: TypeIR;
  /** The rows as intervals searched on doubles, when every input cell is a literal bound (`interval-rows.ts`). */
  readonly intervals: IntervalRows | undefined;
  /**
   * Per row: its output as a small decimal when the table has one output and the row gives it as a
   * literal `Decimal` with a safe coefficient; what the row's output closure returns, without the `Decimal`.
   */
  readonly smallOutputs: readonly (SmallDecimal | undefined)[];

  constructor(
    readonly table: TableIR,
    sub: CompileChild,
  ) {
    this.outputType = rowOutputType(table);
    this.rows = table.rows.map((r, i) => ({
      row: i + 1,
      line: r.line,
      cells: r.cells.map((c, j) => compileCell(c, table.inputs[j]?.type ?? { kind: 'null' }, sub)),
      outputs: r.outputs.map(sub),
    }));
    this.intervals = IntervalRows.of(table);
    this.smallOutputs = table.rows.map((r) => {
      const [output] = r.outputs;
      if (r.outputs.length !== 1 || output.k !== 'lit') return undefined;
      const v = decodeValue(output.type, output.value);
      const small = new SmallDecimal();
      return v instanceof Decimal && toSmallDecimal(v, small) ? small : undefined;
    });
  }

  /**
   * Applies the table to evaluated arguments under its hit policy: `unique` needs exactly one
   * matching row, `first` takes the first in source order, `any` lets several match if they agree,
   * `collect` gathers every match (folded by its aggregate). No match, or an ambiguous one, is a
   * failure naming the table, the arguments and the rows. `resultType` encodes the trace's output.
   */
  invoke(args: readonly Value[], resultType: TypeIR, s: Scope): Outcome {
    const { table } = this;
    if (args.length !== table.inputs.length)
      return fail(s, `table ${table.name} takes ${table.inputs.length} arguments, got ${args.length}`);
    const matched: CompiledRow[] = [];
    for (const row of this.rows) {
      const m = this.matches(row, args, s);
      if (m === FAIL) return FAIL;
      if (!m) continue;
      matched.push(row);
      if (table.hit === 'first') break;
    }
    const result = this.decide(matched, args, s);
    if (result !== FAIL && s.env.trace) this.trace(matched, args, resultType, result, s);
    return result;
  }

  /**
   * What `invoke` answers when the row at `index` is the one its hit policy picks (found by
   * `intervals.find`): that row's output, traced alike. `args` are read only for the trace, so a
   * caller without `s.env.trace` may pass `undefined`.
   */
  invokeRow(index: number, args: readonly Value[] | undefined, resultType: TypeIR, s: Scope): Outcome {
    const row = this.rows[index];
    const result = this.output(row, s);
    if (result !== FAIL && s.env.trace) this.trace([row], args ?? [], resultType, result, s);
    return result;
  }

  private trace(
    matched: readonly CompiledRow[],
    args: readonly Value[],
    resultType: TypeIR,
    result: Value,
    s: Scope,
  ): void {
    const { table } = this;
    s.env.trace?.table({
      table: table.name,
      hit: table.aggregate ? `${table.hit} ${table.aggregate}` : table.hit,
      inputs: args.map((a, i) => encodeValue(table.inputs[i].type, a)),
      rows: matched.map((r) => ({ row: r.row, line: r.line })),
      output: encodeValue(resultType, result),
      ...(table.origin ? { origin: table.origin } : {}),
    });
  }

  private matches(row: CompiledRow, args: readonly Value[], s: Scope): boolean | typeof FAIL {
    for (let i = 0; i < row.cells.length; i++) {
      const m = row.cells[i](args[i], s);
      if (m !== true) return m;
    }
    return true;
  }

  private decide(matched: CompiledRow[], args: readonly Value[], s: Scope): Outcome {
    const { table } = this;
    if (table.hit === 'collect') {
      const outputs: Value[] = [];
      for (const row of matched) {
        const v = this.output(row, s);
        if (v === FAIL) return FAIL;
        outputs.push(v);
      }
      return aggregate(table, this.outputType, outputs, s);
    }
    if (matched.length === 0) return fail(s, `table ${table.name}: no row matches ${this.describe(args)}`);
    if (table.hit === 'unique' && matched.length > 1)
      return fail(
        s,
        `table ${table.name}: rows ${rowList(matched)} all match ${this.describe(args)} (hit unique needs exactly one)`,
      );
    if (table.hit === 'any' && matched.length > 1) {
      const outputs: Value[] = [];
      for (const row of matched) {
        const v = this.output(row, s);
        if (v === FAIL) return FAIL;
        outputs.push(v);
      }
      return agreeingOutput(table, this.outputType, outputs, rowList(matched), s);
    }
    return this.output(matched[0], s);
  }

  private output(row: CompiledRow, s: Scope): Outcome {
    if (row.outputs.length === 1) return row.outputs[0](s);
    const record: { [field: string]: Value } = {};
    for (let i = 0; i < row.outputs.length; i++) {
      const v = row.outputs[i](s);
      if (v === FAIL) return FAIL;
      record[this.table.outputs[i].name] = v;
    }
    return record;
  }

  private describe(args: readonly Value[]): string {
    return this.table.inputs
      .map((input, i) => `${input.name} = ${JSON.stringify(encodeValue(input.type, args[i]))}`)
      .join(', ');
  }
}

function rowList(rows: CompiledRow[]): string {
  return rows.map((r) => `${r.row} (line ${r.line})`).join(', ');
}
