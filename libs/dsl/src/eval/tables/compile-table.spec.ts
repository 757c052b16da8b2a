import fc from 'fast-check';
import type { CellIR, ExprIR, TableIR, TableRowIR } from '../../ir/flow-ir';
import { Decimal } from '../../values/decimal';
import { formatDecimal } from '../../values/decimal-text';
import { evaluateTable } from '../evaluate';
import type { TableTraceEntry } from '../eval-env';
import { call, envOf, lit, money, pct, ref, role, run, T, tableCall } from '../testing/expr-builders';

const row = (line: number, cells: CellIR[], ...outputs: ExprIR[]): TableRowIR => ({ line, cells, outputs });
const range = (lo: ExprIR, hi: ExprIR, loInclusive = true, hiInclusive = false): CellIR => ({
  k: 'range',
  lo,
  hi,
  loInclusive,
  hiInclusive,
});
const cmp = (op: '<' | '<=' | '>' | '>=' | '!=', value: ExprIR): CellIR => ({ k: 'cmp', op, value });
const ANY: CellIR = { k: 'any' };

/** PROCESSES.md §4 commission tiers: lower bounds inclusive, upper bounds exclusive. */
const commission: TableIR = {
  name: 'commissionRate',
  line: 10,
  inputs: [{ name: 'completion', type: T.percent }],
  outputs: [{ name: 'rate', type: T.percent }],
  hit: 'unique',
  rows: [
    row(11, [cmp('>=', pct('101%'))], pct('0.21%')),
    row(12, [range(pct('80%'), pct('101%'))], pct('0.18%')),
    row(13, [range(pct('60%'), pct('80%'))], pct('0.17%')),
    row(14, [cmp('<', pct('60%'))], pct('0.16%')),
  ],
};

const reviewer: TableIR = {
  name: 'reviewer',
  line: 20,
  inputs: [{ name: 'discount', type: T.percent }],
  outputs: [{ name: 'level', type: T.enum('manager', 'director', 'vp') }],
  hit: 'first',
  rows: [
    row(
      21,
      [cmp('<=', call('authority', T.percent, role('sales_manager')))],
      lit(T.enum('manager', 'director', 'vp'), 'manager'),
    ),
    row(
      22,
      [cmp('<=', call('authority', T.percent, role('sales_director')))],
      lit(T.enum('manager', 'director', 'vp'), 'director'),
    ),
    row(23, [ANY], lit(T.enum('manager', 'director', 'vp'), 'vp')),
  ],
};

const tables = [commission, reviewer];

function traced(expr: ExprIR, input: Record<string, string>) {
  const entries: TableTraceEntry[] = [];
  const reads: Record<string, unknown> = {};
  const trace = {
    read: (k: string, v: unknown) => (reads[k] = v),
    table: (e: TableTraceEntry) => entries.push(e),
  };
  const value = run(expr, envOf({ tables, input, trace }));
  return { value, entries, reads };
}

describe('decision tables', () => {
  const rate = tableCall('commissionRate', T.percent, ref('input.completion', T.percent));

  it('should return the one matching row under hit unique and trace its number and line', () => {
    const { value, entries } = traced(rate, { completion: '85%' });
    expect(value).toBe('0.18%');
    expect(entries).toEqual([
      {
        table: 'commissionRate',
        hit: 'unique',
        inputs: ['85%'],
        rows: [{ row: 2, line: 12 }],
        output: '0.18%',
      },
    ]);
  });

  it('should honour inclusive lower and exclusive upper bounds when the value sits on a boundary', () => {
    const at = (c: string) => run(rate, envOf({ tables, input: { completion: c } }));
    expect([at('101%'), at('100.99%'), at('80%'), at('79.99%'), at('60%'), at('59.99%')]).toEqual([
      '0.21%',
      '0.18%',
      '0.18%',
      '0.17%',
      '0.17%',
      '0.16%',
    ]);
  });

  it('should fail naming the table and rows when rows overlap under hit unique', () => {
    const overlapping: TableIR = {
      ...commission,
      rows: [...commission.rows, row(15, [cmp('<', pct('70%'))], pct('0.1%'))],
    };
    const r = run(rate, envOf({ tables: [overlapping], input: { completion: '65%' } }));
    expect(r).toEqual({
      error:
        'table commissionRate: rows 3 (line 13), 5 (line 15) all match completion = "65%" (hit unique needs exactly one)',
    });
  });

  it('should fail naming the arguments when no row matches', () => {
    const gap: TableIR = { ...commission, rows: commission.rows.slice(0, 2) };
    expect(run(rate, envOf({ tables: [gap], input: { completion: '50%' } }))).toEqual({
      error: 'table commissionRate: no row matches completion = "50%"',
    });
  });

  it('should take the first matching row under hit first and evaluate directory cells', () => {
    const level = tableCall('reviewer', reviewer.outputs[0].type, ref('input.discount', T.percent));
    const { value, entries, reads } = traced(level, { discount: '4%' });
    expect(value).toBe('director');
    expect(entries[0].rows).toEqual([{ row: 2, line: 22 }]);
    expect(reads).toMatchObject({
      'authority(role(sales_manager))': '3%',
      'authority(role(sales_director))': '5%',
    });
    expect(traced(level, { discount: '8%' }).value).toBe('vp');
    expect(traced(level, { discount: '3%' }).value).toBe('manager');
  });

  it('should return a record when a table has several outputs', () => {
    const release: TableIR = {
      name: 'release',
      line: 30,
      inputs: [{ name: 'method', type: T.enum('full', 'mortgage', 'instalments') }],
      outputs: [
        { name: 'first', type: T.percent },
        { name: 'second', type: T.percent },
      ],
      hit: 'unique',
      rows: [
        row(
          31,
          [{ k: 'eq', value: lit(T.enum('full', 'mortgage', 'instalments'), 'full') }],
          pct('100%'),
          pct('0%'),
        ),
        row(
          32,
          [
            {
              k: 'in',
              values: [
                lit(T.enum('full', 'mortgage', 'instalments'), 'mortgage'),
                lit(T.enum('full', 'mortgage', 'instalments'), 'instalments'),
              ],
            },
          ],
          pct('50%'),
          pct('50%'),
        ),
      ],
    };
    const type = { kind: 'record' as const, fields: release.outputs };
    const r = run(
      tableCall('release', type, ref('input.m', release.inputs[0].type)),
      envOf({ tables: [release], input: { m: 'mortgage' } }),
    );
    expect(r).toEqual({ first: '50%', second: '50%' });
  });

  it('should let rows agree under hit any and fail when they disagree', () => {
    const anyTable: TableIR = {
      name: 'flag',
      line: 40,
      inputs: [{ name: 'amount', type: T.money() }],
      outputs: [{ name: 'big', type: T.bool }],
      hit: 'any',
      rows: [
        row(41, [cmp('>=', money('100'))], lit(T.bool, true)),
        row(42, [cmp('>=', money('200'))], lit(T.bool, true)),
      ],
    };
    const flag = tableCall('flag', T.bool, ref('input.a', T.money()));
    expect(run(flag, envOf({ tables: [anyTable], input: { a: '250' } }))).toBe(true);
    const disagreeing = {
      ...anyTable,
      rows: [anyTable.rows[0], row(42, [cmp('>=', money('200'))], lit(T.bool, false))],
    };
    expect(run(flag, envOf({ tables: [disagreeing], input: { a: '250' } }))).toEqual({
      error:
        'table flag: rows 1 (line 41), 2 (line 42) match with different outputs (hit any needs them to agree)',
    });
  });

  it('should gather matches under hit collect and fold them with sum, count, min and max', () => {
    const fees = (aggregate?: TableIR['aggregate']): TableIR => ({
      name: 'fees',
      line: 50,
      inputs: [{ name: 'amount', type: T.money() }],
      outputs: [{ name: 'fee', type: T.money() }],
      hit: 'collect',
      aggregate,
      rows: [
        row(51, [ANY], money('10')),
        row(52, [cmp('>', money('1000'))], money('25.50')),
        row(53, [cmp('>', money('5000'))], money('100')),
      ],
    });
    const at = (aggregate: TableIR['aggregate'], type = T.money()) =>
      run(
        tableCall('fees', type, ref('input.a', T.money())),
        envOf({ tables: [fees(aggregate)], input: { a: '2000' } }),
      );
    expect(at(undefined, T.list(T.money()))).toEqual(['10.00', '25.50']);
    expect(at('sum')).toBe('35.50');
    expect(at('count', T.int)).toBe(2);
    expect(at('min')).toBe('10.00');
    expect(at('max')).toBe('25.50');
  });

  it('should agree with the hand-written commission rule on random completions', () => {
    const handWritten = (c: number): string =>
      c >= 10100 ? '0.21%' : c >= 8000 ? '0.18%' : c >= 6000 ? '0.17%' : '0.16%';
    const completion = fc.integer({ min: -5000, max: 30000 }); // hundredths of a percent
    fc.assert(
      fc.property(completion, (c) => {
        const text = `${formatDecimal(new Decimal(BigInt(c), 2))}%`;
        expect(run(rate, envOf({ tables, input: { completion: text } }))).toBe(handWritten(c));
      }),
      { numRuns: 3_000 },
    );
  });

  it('should agree with a hand-written function for any generated 4-tier range table', () => {
    const tiers = fc
      .uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 3, maxLength: 3 })
      .map((b) => [...b].sort((x, y) => x - y));
    const outputs = fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 4, maxLength: 4 });
    const amount = fc.integer({ min: -10_000, max: 110_000 });
    fc.assert(
      fc.property(
        tiers,
        outputs,
        fc.array(amount, { minLength: 1, maxLength: 20 }),
        ([b1, b2, b3], outs, amounts) => {
          const m = (n: number) => money(String(n));
          const table: TableIR = {
            name: 'tier',
            line: 1,
            inputs: [{ name: 'amount', type: T.money() }],
            outputs: [{ name: 'fee', type: T.money() }],
            hit: 'unique',
            rows: [
              row(2, [cmp('<', m(b1))], m(outs[0])),
              row(3, [range(m(b1), m(b2))], m(outs[1])),
              row(4, [range(m(b2), m(b3))], m(outs[2])),
              row(5, [cmp('>=', m(b3))], m(outs[3])),
            ],
          };
          const byHand = (a: number) => (a < b1 ? outs[0] : a < b2 ? outs[1] : a < b3 ? outs[2] : outs[3]);
          // Probe the boundaries too, where off-by-one mistakes live.
          for (const a of [...amounts, b1, b2, b3, b1 - 1, b3 + 1]) {
            const r = evaluateTable('tier', [new Decimal(BigInt(a), 0)], envOf({ tables: [table] }));
            expect(r.ok && formatDecimal(r.value as Decimal)).toBe(String(byHand(a)));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
