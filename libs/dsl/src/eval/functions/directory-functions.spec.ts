import type { Json } from '../../ir/flow-ir';
import { call, envOf, lit, ref, role, run, smallDirectory, T, user } from '../testing/expr-builders';

describe('directory functions', () => {
  const requester = ref('requester', T.user);

  it('should take the highest role authority when the user has no personal override', () => {
    expect(run(call('authority', T.percent, requester))).toBe('1%');
    expect(run(call('authority', T.percent, user('chen.jie')))).toBe('3%');
  });

  it('should prefer the personal override when the directory sets one', () => {
    // wang.fang holds sales_manager (3 %) but personally only 1 %.
    expect(run(call('authority', T.percent, user('wang.fang')))).toBe('1%');
  });

  it('should count unlimited as 100% and no authority as 0%', () => {
    expect(run(call('authority', T.percent, user('huang.lei')))).toBe('100%');
    expect(run(call('authority', T.percent, user('zhao.min')))).toBe('0%');
    expect(run(call('authority', T.percent, role('sales_director')))).toBe('5%');
    expect(run(call('authority', T.percent, role('vice_president')))).toBe('100%');
    expect(run(call('authority', T.percent, role('auditor')))).toBe('0%');
  });

  it('should resolve superior, team and roles when the user exists', () => {
    expect(run(call('superior', T.user, requester))).toBe('chen.jie');
    expect(run(call('superior', T.user, user('zhou.qiang')))).toBeNull();
    expect(run(call('team', T.team, requester))).toBe('sunrise_sales');
    expect(run(call('roles', T.list(T.role), user('zhou.qiang')))).toEqual(['general_manager', 'flow_admin']);
    expect(run(call('hasRole', T.bool, user('zhou.qiang'), role('flow_admin')))).toBe(true);
    expect(run(call('hasRole', T.bool, requester, role('flow_admin')))).toBe(false);
  });

  it('should fail naming the call when asked about the superior of a null superior', () => {
    const bossOfBoss = call('superior', T.user, call('superior', T.user, user('zhou.qiang')));
    expect(run(bossOfBoss)).toEqual({ error: '`superior(superior(user("zhou.qiang")))`: the user is null' });
  });

  it('should fail naming the user when the directory does not know them', () => {
    expect(run(call('authority', T.percent, user('nobody')))).toEqual({
      error: '`authority(user("nobody"))`: unknown user "nobody"',
    });
  });

  it('should fail when the directory holds something that is not a percentage', () => {
    const directory = { ...smallDirectory, roleAuthority: () => '3' };
    expect(run(call('authority', T.percent, role('x')), envOf({ directory }))).toEqual({
      error: '`authority(role(x))`: the directory holds "3" for role x, not a percentage',
    });
  });

  it('should report each lookup to the trace under the call text', () => {
    const reads: Record<string, Json> = {};
    const trace = { read: (k: string, v: Json) => (reads[k] = v), table: () => undefined };
    run(call('authority', T.percent, requester), envOf({ trace }));
    expect(reads).toEqual({ requester: 'li.na', 'authority(requester)': '1%' });
  });

  it('should refuse argument types the function does not take', () => {
    expect(run(call('authority', T.percent, lit(T.int, 3)))).toEqual({
      error: '`authority(3)`: authority does not take (int)',
    });
    expect(run(call('nope', T.int))).toEqual({ error: '`nope()`: unknown function nope' });
  });
});
