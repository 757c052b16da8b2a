import type { TableIR, TypeIR } from '../../ir/flow-ir';
import { Decimal } from '../../values/decimal';
import type { Value } from '../../values/value';
import { ArithmeticFailure, arithmeticFor } from '../ops/arithmetic';
import { equalityFor, orderFor } from '../ops/compare';
import { fail, type Outcome, type Scope } from '../scope';

/** Folds the outputs of the rows a `collect` table matched, per its `aggregate` (absent: the list itself). */
export function aggregate(table: TableIR, outputType: TypeIR, outputs: Value[], s: Scope): Outcome {
  switch (table.aggregate) {
    case undefined:
      return outputs;
    case 'count':
      return outputs.length;
    case 'sum': {
      const plus = arithmeticFor('+', outputType, outputType, outputType);
      if (!plus) return fail(s, `table ${table.name}: cannot sum ${outputType.kind} outputs`);
      let total: Value = outputType.kind === 'int' ? 0 : Decimal.ZERO;
      for (const v of outputs) {
        if (v === null) continue;
        const r = plus(total, v);
        if (r instanceof ArithmeticFailure) return fail(s, `table ${table.name}: ${r.message}`);
        total = r;
      }
      return total;
    }
    case 'min':
    case 'max': {
      const order = orderFor(outputType, outputType);
      if (!order)
        return fail(s, `table ${table.name}: ${outputType.kind} outputs have no ${table.aggregate}`);
      const present = outputs.filter((v) => v !== null);
      if (present.length === 0)
        return fail(s, `table ${table.name}: no row matched, so there is no ${table.aggregate}`);
      const want = table.aggregate === 'min' ? -1 : 1;
      return present.reduce((best, v) => (Math.sign(order(v, best) ?? 0) === want ? v : best));
    }
  }
}

/** Under `hit any` several rows may match only if they give the same output. */
export function agreeingOutput(
  table: TableIR,
  outputType: TypeIR,
  outputs: Value[],
  rows: string,
  s: Scope,
): Outcome {
  const equal = equalityFor(outputType, outputType);
  if (outputs.every((v) => equal(v, outputs[0]))) return outputs[0];
  return fail(
    s,
    `table ${table.name}: rows ${rows} match with different outputs (hit any needs them to agree)`,
  );
}
