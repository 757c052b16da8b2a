import fc from 'fast-check';
import type { CellIR, ExprIR, Json, TableIR, TypeIR } from '../../ir/flow-ir';
import { decodeValue, encodeValue } from '../../values/json-codec';
import type { TableTraceEntry } from '../eval-env';
import { evaluateTable } from '../evaluate';
import { envOf, int, lit, ref, run, T, tableCall } from '../testing/expr-builders';
import { scanSmallDecimal, SmallDecimal } from '../../values/small-decimal';
import { IntervalRows } from './interval-rows';

type Kind = 'percent' | 'money' | 'decimal' | 'int';
const TYPES: Record<Kind, TypeIR> = { percent: T.percent, money: T.money(), decimal: T.decimal, int: T.int };

/** Decimal text of `units × 10^-scale` (`-125, 2` → `"-1.25"`). */
function text(units: number, scale: number): string {
  const digits = Math.abs(units)
    .toString()
    .padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return units < 0 ? `-${body}` : body;
}

/** The stored JSON of a number of kind `kind` (percent text, decimal text, or an int). */
function json(kind: Kind, units: number, scale: number): Json {
  if (kind === 'int') return Math.trunc(units / 10 ** scale);
  return kind === 'percent' ? `${text(units, scale)}%` : text(units, scale);
}

const bound = (kind: Kind, units: number, scale: number): ExprIR =>
  lit(TYPES[kind], json(kind, units, scale));

/** A number near the table's bounds, now and then long (> 15 digits) or at a scale doubles cannot align. */
const argUnits = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ units: fc.integer({ min: -40, max: 40 }), scale: fc.integer({ min: 0, max: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ units: fc.constant(123456789012345), scale: fc.integer({ min: 0, max: 3 }) }),
  },
);

const cellOf = (kind: Kind) =>
  fc.oneof(
    fc.constant<CellIR>({ k: 'any' }),
    fc
      .record({
        op: fc.constantFrom('<', '<=', '>', '>=' as const),
        u: fc.integer({ min: -30, max: 30 }),
        s: fc.integer({ min: 0, max: 2 }),
      })
      .map(({ op, u, s }): CellIR => ({ k: 'cmp', op, value: bound(kind, u, s) })),
    fc
      .record({ u: fc.integer({ min: -30, max: 30 }), s: fc.integer({ min: 0, max: 2 }) })
      .map(({ u, s }): CellIR => ({ k: 'eq', value: bound(kind, u, s) })),
    fc
      .record({
        lo: fc.integer({ min: -30, max: 30 }),
        width: fc.integer({ min: 0, max: 30 }),
        s: fc.integer({ min: 0, max: 2 }),
        loInclusive: fc.boolean(),
        hiInclusive: fc.boolean(),
      })
      .map(({ lo, width, s, loInclusive, hiInclusive }): CellIR => ({
        k: 'range',
        lo: bound(kind, lo, s),
        hi: bound(kind, lo + width, s),
        loInclusive,
        hiInclusive,
      })),
  );

/** Rows over the first column cut at increasing points, so they are disjoint; the other columns are free. */
const tiers = (kind: Kind) =>
  fc
    .record({
      cuts: fc.uniqueArray(fc.integer({ min: -30, max: 30 }), { minLength: 1, maxLength: 5 }),
      scale: fc.integer({ min: 0, max: 2 }),
      lowerOwnsCut: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    })
    .map(({ cuts, scale, lowerOwnsCut }): CellIR[] => {
      const c = [...cuts].sort((a, b) => a - b);
      const cells: CellIR[] = [
        { k: 'cmp', op: lowerOwnsCut[0] ? '<=' : '<', value: bound(kind, c[0], scale) },
      ];
      for (let i = 1; i < c.length; i++)
        cells.push({
          k: 'range',
          lo: bound(kind, c[i - 1], scale),
          hi: bound(kind, c[i], scale),
          loInclusive: !lowerOwnsCut[i - 1],
          hiInclusive: lowerOwnsCut[i],
        });
      cells.push({
        k: 'cmp',
        op: lowerOwnsCut[c.length - 1] ? '>' : '>=',
        value: bound(kind, c[c.length - 1], scale),
      });
      return cells;
    });

const kind = fc.constantFrom<Kind>('percent', 'money', 'decimal', 'int');

/** A table of one or two numeric columns: disjoint tiers (any hit policy) or free rows (possibly overlapping). */
const table = fc
  .record({
    kinds: fc.array(kind, { minLength: 1, maxLength: 2 }),
    hit: fc.constantFrom('unique', 'first', 'any' as const),
    disjoint: fc.boolean(),
  })
  .chain(({ kinds, hit, disjoint }) => {
    const free = (n: number) => fc.array(fc.tuple(...kinds.map(cellOf)), { minLength: n, maxLength: n });
    const rows = disjoint
      ? tiers(kinds[0]).chain((first) =>
          free(first.length).map((rest) => first.map((c, i) => [c, ...rest[i].slice(1)])),
        )
      : fc.integer({ min: 1, max: 5 }).chain(free);
    return rows.map((cells): TableIR => ({
      name: 't',
      line: 1,
      inputs: kinds.map((k, i) => ({ name: `c${i}`, type: TYPES[k] })),
      outputs: [{ name: 'row', type: T.int }],
      hit,
      rows: cells.map((c, i) => ({ line: 10 + i, cells: c, outputs: [int(i + 1)] })),
    }));
  });

/** A stored argument as the search reads it (`false` for null and long texts). */
function readSmall(a: Json, kind: string, out: SmallDecimal): boolean {
  if (typeof a === 'number') {
    out.coef = a;
    out.scale = 0;
    return true;
  }
  if (typeof a !== 'string') return false;
  return scanSmallDecimal(a, kind === 'percent' ? a.length - 1 : a.length, out);
}

/** The call as an expression (the interval search when the table has the form) and through `evaluateTable` (the general matcher). */
function both(t: TableIR, args: Json[]): [Json, TableTraceEntry[], Json, TableTraceEntry[]] {
  const input = Object.fromEntries(args.map((a, i) => [`c${i}`, a]));
  const call = tableCall('t', T.int, ...t.inputs.map((c) => ref(`input.${c.name}`, c.type)));
  const fast: TableTraceEntry[] = [];
  const slow: TableTraceEntry[] = [];
  const trace = (into: TableTraceEntry[]) => ({
    read: () => undefined,
    table: (e: TableTraceEntry) => into.push(e),
  });
  const got = run(call, envOf({ tables: [t], input, trace: trace(fast) }));
  const values = t.inputs.map((c, i) => decodeValue(c.type, args[i])!);
  const r = evaluateTable('t', values, envOf({ tables: [t], input, trace: trace(slow) }));
  const want = r.ok ? encodeValue(T.int, r.value) : { error: r.error.message };
  return [got, fast, want, slow];
}

describe('decision tables searched as intervals on doubles', () => {
  it('should pick the row, value, trace and failure of the general matcher on generated tables', () => {
    let searched = 0;
    let answered = 0;
    fc.assert(
      fc.property(
        table,
        fc.array(fc.option(argUnits, { freq: 12 }), { minLength: 2, maxLength: 2 }),
        (t, raw) => {
          if (IntervalRows.of(t)) searched++;
          const args = t.inputs.map((c, i) => {
            const a = raw[i];
            return a === null ? null : json(c.type.kind as Kind, a.units, a.scale);
          });
          const [got, fast, want, slow] = both(t, args);
          // Plain comparisons, not `expect`, so 10^5 cases stay quick.
          if (JSON.stringify([got, fast]) !== JSON.stringify([want, slow])) return false;
          // The search itself names the general matcher's row whenever it answers.
          const rows = IntervalRows.of(t);
          const smalls = args.map(() => new SmallDecimal());
          const small = args.every((a, i) => readSmall(a, t.inputs[i].type.kind, smalls[i]));
          const found = rows && small ? rows.find(smalls) : undefined;
          if (found !== undefined && found >= 0) answered++;
          return found === undefined || found < 0 || slow[0]?.rows[0]?.row === found + 1;
        },
      ),
      { numRuns: 100_000 },
    );
    expect(searched).toBeGreaterThan(30_000);
    expect(answered).toBeGreaterThan(20_000);
  }, 300_000);

  it('should have an interval form only when the hit policy cannot see overlapping rows', () => {
    const rowsOf = (...cells: CellIR[]) =>
      cells.map((c, i) => ({ line: i + 1, cells: [c], outputs: [int(i)] }));
    const base = {
      name: 't',
      line: 1,
      inputs: [{ name: 'x', type: T.percent }],
      outputs: [{ name: 'r', type: T.int }],
    };
    const at = (op: '<' | '<=' | '>' | '>=', v: string): CellIR => ({
      k: 'cmp',
      op,
      value: lit(T.percent, v),
    });
    const touching = rowsOf(at('<=', '60%'), at('>=', '60%'));
    const adjacent = rowsOf(at('<', '60%'), at('>=', '60%'));
    expect(IntervalRows.of({ ...base, hit: 'unique', rows: adjacent })).toBeDefined();
    expect(IntervalRows.of({ ...base, hit: 'unique', rows: touching })).toBeUndefined();
    expect(IntervalRows.of({ ...base, hit: 'any', rows: touching })).toBeUndefined();
    expect(IntervalRows.of({ ...base, hit: 'first', rows: touching })).toBeDefined();
    expect(IntervalRows.of({ ...base, hit: 'collect', rows: adjacent })).toBeUndefined();
    // A cell that is not a literal bound (`!=`, `in`, a computed value) keeps the general matcher.
    const ne: CellIR = { k: 'cmp', op: '!=', value: lit(T.percent, '1%') };
    expect(IntervalRows.of({ ...base, hit: 'first', rows: rowsOf(ne) })).toBeUndefined();
    // Touching rows under unique: both match at the shared bound, and the failure says so.
    const [got] = both(
      { ...base, inputs: [{ name: 'c0', type: T.percent }], hit: 'unique', rows: touching },
      ['60%'],
    );
    expect(got).toEqual({
      error: 'table t: rows 1 (line 1), 2 (line 2) all match c0 = "60%" (hit unique needs exactly one)',
    });
  });
});
