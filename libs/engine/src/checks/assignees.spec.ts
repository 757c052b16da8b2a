import type { AssigneeIR, ExprIR, FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { DISCOUNT_FLOW_IR, demoDirectory, engineContext, flowVariant } from '../testing';
import type { StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

const requester: ExprIR = { k: 'ref', type: { kind: 'user' }, path: ['requester'] };
const teamOfRequester: ExprIR = { k: 'call', fn: 'team', type: { kind: 'team' }, args: [requester] };

function managedBy(assignee: AssigneeIR): FlowIR {
  return flowVariant(DISCOUNT_FLOW_IR, (ir) => {
    ir.states.find((s) => s.name === 'manager_review')!.task!.assignee = assignee;
  });
}

const input = { unit: 'A-0101', listPrice: '1850000.00', discount: '2%' };

describe('assignees', () => {
  it('should assign the task to the requester’s superior, resolved when it opens', () => {
    const flow = managedBy({ k: 'superior', of: requester });
    const first = ok(start(flow, input, engineContext()));
    expect(first.effects[0]).toMatchObject({ assignee: 'chen.jie', candidateRoles: [], candidateTeam: null });
    expect(
      ok(step(flow, first.snapshot, { type: 'approve' }, engineContext({ actor: 'chen.jie' }))).trace
        .checks[1],
    ).toEqual({
      check: 'assignee',
      passed: true,
      detail: 'chen.jie is the superior of li.na',
    });
  });

  it('should check the superior at decision time when the org chart changed since the task opened', () => {
    const flow = managedBy({ k: 'superior', of: requester });
    const first = ok(start(flow, input, engineContext()));
    const moved = demoDirectory([{ username: 'li.na', superior: 'liu.yang' }]);
    expect(
      step(flow, first.snapshot, { type: 'approve' }, engineContext({ actor: 'chen.jie', directory: moved })),
    ).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'chen.jie may not decide manager_review: the superior of li.na is liu.yang',
      },
    });
  });

  it('should refuse to open a superior task when the user has no superior', () => {
    const flow = managedBy({ k: 'superior', of: { k: 'lit', type: { kind: 'user' }, value: 'zhou.qiang' } });
    expect(start(flow, input, engineContext())).toEqual({
      ok: false,
      error: {
        code: 'EVENT_NOT_ACCEPTED',
        message:
          'start in state submitted could not be evaluated: task manager_review: zhou.qiang (`user("zhou.qiang")`) has no superior to assign it to',
      },
    });
  });

  it('should let any member of the team decide a team task', () => {
    const flow = managedBy({ k: 'team', team: teamOfRequester });
    const first = ok(start(flow, input, engineContext()));
    expect(first.effects[0]).toMatchObject({ candidateTeam: 'sunrise_sales', assignee: null });
    expect(
      ok(step(flow, first.snapshot, { type: 'approve' }, engineContext({ actor: 'zhang.wei' }))).state,
    ).toBe('approved');
    expect(step(flow, first.snapshot, { type: 'approve' }, engineContext({ actor: 'sun.li' }))).toMatchObject(
      {
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'sun.li may not decide manager_review: sun.li is not in team sunrise_sales',
        },
      },
    );
  });

  it('should let only the named user decide a user task', () => {
    const flow = managedBy({ k: 'user', user: { k: 'lit', type: { kind: 'user' }, value: 'liu.yang' } });
    const first = ok(start(flow, input, engineContext()));
    expect(first.effects[0]).toMatchObject({ assignee: 'liu.yang' });
    expect(
      step(flow, first.snapshot, { type: 'reject' }, engineContext({ actor: 'chen.jie' })),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'chen.jie may not decide manager_review: the assignee is liu.yang',
      },
    });
  });

  it('should refuse a decision without an actor', () => {
    const first = ok(start(DISCOUNT_FLOW_IR, input, engineContext()));
    expect(
      step(DISCOUNT_FLOW_IR, first.snapshot, { type: 'approve' }, engineContext({ actor: null })),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'task manager_review is decided by a user; no actor was given' },
    });
  });
});
