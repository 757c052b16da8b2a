import { compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { demoDirectory, engineContext } from '../testing';
import type { Directory, OpenTaskEffect, PersistedSnapshot, StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

function flowWith(assignee: string, policy: string): FlowIR {
  const r = compile(`flow vote_t v1 "Vote" {
  input { title: string }
  initial state vote {
    task "Vote" assignee ${assignee} approval ${policy} separateFrom requester sla 24h
    on approve -> approved
    on reject -> rejected
  }
  final state approved
  final state rejected
}`);
  if (!r.ir) throw new Error(JSON.stringify(r.diagnostics));
  return r.ir;
}

const opened = (r: StepOk): OpenTaskEffect => r.effects.find((e) => e.type === 'openTask') as OpenTaskEffect;

/** Starts as `requester`, then sends each `[decision, actor]`; `directory` is used for the votes. */
function run(ir: FlowIR, requester: string, ballots: [string, string][], directory?: Directory) {
  const started = ok(start(ir, { title: 'x' }, engineContext({ actor: requester })));
  let snapshot: PersistedSnapshot = started.snapshot;
  const results = ballots.map(([type, actor]) => {
    const r = step(ir, snapshot, { type }, engineContext({ actor, ...(directory ? { directory } : {}) }));
    if (r.ok) snapshot = r.snapshot;
    return r;
  });
  return { started, results };
}

describe('parallel approval over role and team members', () => {
  it('should fix the voters when the task opens: the members less those separateFrom excludes', () => {
    const { started } = run(flowWith('role(consultant)', 'all'), 'li.na', []);
    expect(opened(started)).toMatchObject({
      candidateUsers: ['wang.fang', 'zhang.wei'],
      candidateRoles: [],
      excludedUsers: ['li.na'],
    });
    expect(started.context).toMatchObject({ votes: { ballots: {}, voters: ['wang.fang', 'zhang.wei'] } });
  });

  it('should decide `all` when every voter approved, and refuse the excluded requester', () => {
    const { results } = run(flowWith('role(consultant)', 'all'), 'li.na', [
      ['approve', 'li.na'],
      ['approve', 'wang.fang'],
      ['approve', 'zhang.wei'],
    ]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'SEPARATION_OF_DUTIES' } });
    expect(ok(results[1]).state).toBe('vote');
    expect(ok(results[2]).state).toBe('approved');
  });

  it('should not let someone who joined the role after the task opened vote', () => {
    const later = demoDirectory([{ username: 'new.hire', roles: ['consultant'], team: 'sunrise_sales' }]);
    const { results } = run(
      flowWith('role(consultant)', 'any'),
      'li.na',
      [
        ['approve', 'new.hire'],
        ['approve', 'wang.fang'],
      ],
      later,
    );
    expect(results[0]).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('not one of wang.fang, zhang.wei') },
    });
    expect(ok(results[1]).state).toBe('approved');
  });

  it('should count a percentage of a team, the requester not counting', () => {
    // customer_service: hu.jun, ma.lin, wu.xia, xu.ting; wu.xia requests, so 60 % of 3 = 2 approvals.
    const ir = flowWith('team(customer_service)', '60%');
    const { started, results } = run(ir, 'wu.xia', [
      ['approve', 'ma.lin'],
      ['reject', 'xu.ting'],
      ['approve', 'hu.jun'],
    ]);
    expect(opened(started).candidateUsers).toEqual(['hu.jun', 'ma.lin', 'xu.ting']);
    expect(ok(results[1]).state).toBe('vote');
    expect(ok(results[2]).state).toBe('approved');
  });

  it('should reject as soon as the policy can no longer be met', () => {
    const { results } = run(flowWith('role(cs_agent)', '2 of 2'), 'li.na', [['reject', 'xu.ting']]);
    expect(ok(results[0]).state).toBe('rejected');
  });

  it('should fail to open the task when nobody may vote, or fewer than N of M need', () => {
    const empty = start(
      flowWith('role(auditor)', 'any'),
      { title: 'x' },
      engineContext({ actor: 'qian.hui' }),
    );
    expect(empty).toMatchObject({
      ok: false,
      error: {
        code: 'EVENT_NOT_ACCEPTED',
        message: expect.stringContaining(
          'role(auditor) has no members who may vote once separateFrom excludes qian.hui',
        ),
      },
    });
    const few = start(
      flowWith('role(cs_agent)', '3 of 3'),
      { title: 'x' },
      engineContext({ actor: 'li.na' }),
    );
    expect(few).toMatchObject({
      ok: false,
      error: {
        code: 'EVENT_NOT_ACCEPTED',
        message: expect.stringContaining('needs 3 votes but role(cs_agent) has only 2'),
      },
    });
  });

  it('should list the members of roles and teams in the in-memory directory, sorted', () => {
    const directory = demoDirectory();
    expect(directory.membersOf('consultant')).toEqual(['li.na', 'wang.fang', 'zhang.wei']);
    expect(directory.membersOf('flow_admin')).toEqual(['zhao.min', 'zhou.qiang']);
    expect(directory.membersOf('no_such_role')).toEqual([]);
    expect(directory.teamMembers('executive')).toEqual(['huang.lei', 'zhou.qiang']);
  });
});
