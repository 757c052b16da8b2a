import type { Expr, RangeBounds } from '../../ast/expr';
import type { ExprIR, TypeIR } from '../../ir/flow-ir';
import { type Duration, durationMillis, parseDuration } from '../../values/duration';
import { compareDec, type Dec } from '../tables/decimal';
import { readNumber } from '../tables/numeric-domain';
import { T, typeName, unify } from '../types';
import { numberText, showValue } from './literals';
import { binaryType, isComparable } from './operators';
import type { ExprTyper, Site } from './type-expr';

type RangeIR = Extract<ExprIR, { k: 'range' }>;

/**
 * `value in [lo .. hi)`: the value and both bounds must have one ordered type (no money with a bare
 * number, no two currencies, no percent with a number); a range whose literal bounds hold no value
 * (`[5% .. 1%]`, `(3 .. 3]`, `(1 .. 2)` over ints) is an error, as the test could never hold.
 */
export function typeRangeMembership(
  typer: ExprTyper,
  valueExpr: Expr,
  range: RangeBounds,
  site: Site,
): RangeIR | null {
  const value = typer.type(valueExpr, site);
  const lo = typer.type(range.lo, site, value?.type);
  const hi = typer.type(range.hi, site, value?.type);
  if (!value || !lo || !hi) return null;
  if (!boundFits(typer, valueExpr, value, range.lo, lo) || !boundFits(typer, valueExpr, value, range.hi, hi))
    return null;
  const common = unify(unify(value.type, lo.type) ?? value.type, hi.type) ?? value.type;
  if (!isComparable(common)) {
    typer.report.error(
      valueExpr.span,
      'type/not-ordered',
      `\`in [lo .. hi]\` needs an ordered value, not ${typeName(common)}`,
      'ranges hold numbers, percentages, money, durations and timestamps; for other values list them: `x in [a, b]`',
    );
    return null;
  }
  const { loInclusive, hiInclusive } = range;
  const ir: RangeIR = { k: 'range', type: T.bool, value, lo, hi, loInclusive, hiInclusive };
  return reportIfEmpty(typer, range, lo, hi, value.type) ? null : ir;
}

/** Reports a bound that cannot be compared with the value (mixing money and numbers, two currencies, …). */
function boundFits(
  typer: ExprTyper,
  valueExpr: Expr,
  value: ExprIR,
  boundExpr: Expr,
  bound: ExprIR,
): boolean {
  const result = binaryType('==', value.type, bound.type, {
    left: numberText(valueExpr),
    right: numberText(boundExpr),
  });
  if (result.ok) return true;
  const blamed = result.blame === 'left' ? valueExpr : boundExpr;
  const message = `In a range: ${result.message.charAt(0).toLowerCase()}${result.message.slice(1)}`;
  const hint =
    result.hint ?? `the bounds must be ${typeName(value.type)}, e.g. \`[${exampleBounds(value.type)}]\``;
  typer.report.error(blamed.span, result.code, message, hint);
  return false;
}

function exampleBounds(t: TypeIR): string {
  if (t.kind === 'money') return `0 ${t.currency} .. 100 ${t.currency}`;
  if (t.kind === 'percent') return '0% .. 5%';
  if (t.kind === 'duration') return '1h .. 24h';
  return '0 .. 10';
}

/**
 * True (after reporting `type/empty-range`) when both typed bounds are literals and no value of type
 * `valueType` lies between them. (Table cells have their own check, `table/empty-cell`, over the column's domain.)
 */
function reportIfEmpty(
  typer: ExprTyper,
  range: RangeBounds,
  lo: ExprIR,
  hi: ExprIR,
  valueType: TypeIR,
): boolean {
  if (lo.k !== 'lit' || hi.k !== 'lit') return false;
  const common = unify(unify(valueType, lo.type) ?? valueType, hi.type) ?? valueType;
  const order = literalOrder(lo.value, hi.value, common);
  if (order === undefined) return false;
  const text = `${range.loInclusive ? '[' : '('}${showValue(lo.type, lo.value)} .. ${showValue(hi.type, hi.value)}${range.hiInclusive ? ']' : ')'}`;
  if (order > 0) {
    typer.report.error(
      range.span,
      'type/empty-range',
      `The range ${text} is empty: its lower bound is above its upper bound`,
      `write the smaller bound first: \`${range.loInclusive ? '[' : '('}${showValue(hi.type, hi.value)} .. ${showValue(lo.type, lo.value)}${range.hiInclusive ? ']' : ')'}\``,
    );
    return true;
  }
  const intGap = common.kind === 'int' && valueType.kind === 'int' && order === -1;
  const empty =
    (order === 0 && !(range.loInclusive && range.hiInclusive)) ||
    (intGap && !range.loInclusive && !range.hiInclusive);
  if (!empty) return false;
  typer.report.error(
    range.span,
    'type/empty-range',
    `The range ${text} holds no value`,
    order === 0
      ? `include both bounds (\`[${showValue(lo.type, lo.value)} .. ${showValue(hi.type, hi.value)}]\`) or compare with \`==\``
      : 'include a bound with `[` or `]`, or widen the range',
  );
  return true;
}

/**
 * Orders two literal bounds: negative, zero or positive; for ints `-1` means "adjacent" (hi = lo + 1),
 * so an open integer range between neighbours is seen as empty. Undefined when they cannot be compared
 * statically (working days against hours, timestamps).
 */
function literalOrder(lo: unknown, hi: unknown, common: TypeIR): number | undefined {
  if (common.kind === 'duration') {
    const a = typeof lo === 'string' ? parseDuration(lo) : undefined;
    const b = typeof hi === 'string' ? parseDuration(hi) : undefined;
    return a && b ? compareDurations(a, b) : undefined;
  }
  const a: Dec | undefined = readNumber(lo);
  const b: Dec | undefined = readNumber(hi);
  if (!a || !b) return undefined;
  const c = compareDec(a, b);
  if (c < 0 && common.kind === 'int' && typeof lo === 'number' && typeof hi === 'number')
    return hi - lo === 1 ? -1 : -2;
  return c < 0 ? -2 : c;
}

function compareDurations(a: Duration, b: Duration): number | undefined {
  if ((a.unit === 'workdays') !== (b.unit === 'workdays')) return undefined;
  const x = a.unit === 'workdays' ? a.amount : (durationMillis(a) ?? 0);
  const y = b.unit === 'workdays' ? b.amount : (durationMillis(b) ?? 0);
  return x === y ? 0 : x > y ? 1 : -2;
}
