import { call, list, ref, role, run, str, T, envOf } from '../testing/expr-builders';

describe('collection functions', () => {
  it('should count characters, not UTF-16 units, when measuring a string', () => {
    expect(run(call('len', T.int, str('房号A-0101')))).toBe(8);
    expect(run(call('len', T.int, str('😀')))).toBe(1);
  });

  it('should count items when measuring a list', () => {
    expect(run(call('len', T.int, list(T.role, role('a'), role('b'))))).toBe(2);
  });

  it('should test list membership and substrings with contains', () => {
    const roles = call('roles', T.list(T.role), ref('requester', T.user));
    expect(run(call('contains', T.bool, roles, role('consultant')))).toBe(true);
    expect(run(call('contains', T.bool, roles, role('sales_manager')))).toBe(false);
    expect(run(call('contains', T.bool, str('A-0101'), str('01')))).toBe(true);
  });

  it('should fail when the list is null', () => {
    expect(run(call('contains', T.bool, ref('var.xs', T.list(T.role)), role('a')), envOf())).toEqual({
      error: '`contains(var.xs, role(a))`: the list is null',
    });
  });
});
