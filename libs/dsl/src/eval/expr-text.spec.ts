import type { CellIR } from '../ir/flow-ir';
import { cellText, exprText } from './expr-text';
import {
  bin,
  call,
  ifThen,
  list,
  lit,
  money,
  not,
  pct,
  ref,
  role,
  str,
  T,
  user,
} from './testing/expr-builders';

describe('exprText', () => {
  it('should print literals the way they are written in a flow', () => {
    expect(
      [
        money('50000'),
        pct('2.5%'),
        str('A-0101'),
        role('sales_manager'),
        user('li.na'),
        lit(T.null, null),
      ].map(exprText),
    ).toEqual(['50000 CNY', '2.5%', '"A-0101"', 'role(sales_manager)', 'user("li.na")', 'null']);
  });

  it('should parenthesize nested operators and print calls, lists and conditionals', () => {
    const d = ref('input.discount', T.percent);
    expect(
      exprText(
        bin(
          'and',
          bin('<=', d, call('authority', T.percent, ref('requester', T.user))),
          not(ref('var.done', T.bool)),
        ),
      ),
    ).toBe('(input.discount <= authority(requester)) and not var.done');
    expect(
      exprText(ifThen(bin('in', role('a'), list(T.role, role('a'), role('b'))), pct('1%'), pct('2%'))),
    ).toBe('if role(a) in [role(a), role(b)] then 1% else 2%');
  });

  it('should print table cells as written', () => {
    const cells: CellIR[] = [
      { k: 'any' },
      { k: 'cmp', op: '<=', value: pct('3%') },
      { k: 'range', lo: pct('80%'), hi: pct('101%'), loInclusive: true, hiInclusive: false },
      {
        k: 'in',
        values: [lit(T.enum('full', 'mortgage'), 'full'), lit(T.enum('full', 'mortgage'), 'mortgage')],
      },
    ];
    expect(cells.map(cellText)).toEqual(['-', '<= 3%', '[80% .. 101%)', 'full, mortgage']);
  });
});
