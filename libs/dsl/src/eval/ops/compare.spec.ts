import {
  bin,
  dec,
  dur,
  envOf,
  int,
  list,
  lit,
  money,
  nul,
  pct,
  ref,
  role,
  run,
  str,
  T,
} from '../testing/expr-builders';

describe('comparisons', () => {
  it('should compare money by value when scales differ', () => {
    expect(run(bin('==', money('1.0'), money('1.00')))).toBe(true);
    expect(run(bin('<', money('49999.99'), money('50000')))).toBe(true);
    expect(run(bin('>=', money('50000'), money('50000.00')))).toBe(true);
  });

  it('should compare percentages as percentages', () => {
    expect(run(bin('<=', pct('2%'), pct('3%')))).toBe(true);
    expect(run(bin('>', pct('0.5%'), pct('1%')))).toBe(false);
    expect(run(bin('!=', pct('2.50%'), pct('2.5%')))).toBe(false);
  });

  it('should mix ints and decimals when comparing numbers', () => {
    expect(run(bin('<', int(1), dec('1.5')))).toBe(true);
    expect(run(bin('==', dec('2.0'), int(2)))).toBe(true);
  });

  it('should treat null as equal only to null', () => {
    const sup = ref('var.boss', T.user);
    expect(run(bin('==', sup, nul))).toBe(true);
    expect(run(bin('==', sup, nul), envOf({ vars: { boss: 'chen.jie' } }))).toBe(false);
    expect(run(bin('!=', lit(T.user, 'li.na'), nul))).toBe(true);
  });

  it('should fail naming the null side when ordering against null', () => {
    expect(run(bin('<', ref('input.discount', T.percent), pct('1%')))).toEqual({
      error: '`input.discount < 1%`: input.discount is null',
    });
  });

  it('should order timestamps, strings and fixed durations', () => {
    expect(
      run(
        bin('<', lit(T.timestamp, '2026-11-23T09:00:00Z'), ref('now', T.timestamp)),
        envOf({ now: '2026-11-23T10:00:00Z' }),
      ),
    ).toBe(true);
    expect(run(bin('<', str('apple'), str('banana')))).toBe(true);
    expect(run(bin('==', dur('24h'), dur('1d')))).toBe(true);
    expect(run(bin('<', dur('2 workdays'), dur('3 workdays')))).toBe(true);
  });

  it('should fail when comparing working days with hours, which have no fixed relation', () => {
    expect(run(bin('<', dur('1 workdays'), dur('24h')))).toEqual({
      error: '`1 workdays < 24h`: the values cannot be compared',
    });
  });

  it('should test membership with in', () => {
    const r = ref('input.r', T.role);
    const roles = list(T.role, role('sales_manager'), role('sales_director'));
    expect(run(bin('in', r, roles), envOf({ input: { r: 'sales_director' } }))).toBe(true);
    expect(run(bin('in', r, roles), envOf({ input: { r: 'consultant' } }))).toBe(false);
    expect(run(bin('in', money('1'), list(T.money(), money('1.00'))))).toBe(true);
  });

  it('should short-circuit and/or so the right side is neither evaluated nor traced', () => {
    const reads: string[] = [];
    const trace = { read: (name: string) => reads.push(name), table: () => undefined };
    const failing = bin('>', bin('/', int(1), int(0), T.decimal), int(0));
    expect(run(bin('or', lit(T.bool, true), failing), envOf({ trace }))).toBe(true);
    expect(
      run(
        bin('and', bin('==', ref('input.a', T.int), int(2)), ref('input.b', T.bool)),
        envOf({ input: { a: 1 }, trace }),
      ),
    ).toBe(false);
    expect(reads).toEqual(['input.a']);
  });

  it('should fail when a logical operand is null', () => {
    expect(run(bin('and', ref('input.ok', T.bool), lit(T.bool, true)))).toEqual({
      error: '`input.ok and true`: an operand is null, not true or false',
    });
  });
});
