import { start } from './start';
import { step } from './step';
import { DISCOUNT_FLOW_IR, demoDirectory, engineContext, flowVariant, sequentialIds } from './testing';
import type { EngineContext, EngineEvent, PersistedSnapshot, StepOk, StepResult } from './types';

const request = (discount: string) => ({ unit: 'A-0101', listPrice: '1850000.00', discount });

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

/** Starts a request as li.na and returns a function that steps from that snapshot as someone else. */
function started(discount: string, directory = demoDirectory()) {
  const newId = sequentialIds('task');
  const first = ok(start(DISCOUNT_FLOW_IR, request(discount), engineContext({ directory, newId })));
  const as = (
    actor: string | null,
    event: EngineEvent,
    snapshot: PersistedSnapshot = first.snapshot,
  ): StepResult =>
    step(
      DISCOUNT_FLOW_IR,
      snapshot,
      event,
      engineContext({ actor, directory, newId, now: '2026-11-23T10:30:00.000Z' }),
    );
  return { first, as };
}

describe('step (discount approval)', () => {
  it('should end in approved and close the task as done when the manager approves', () => {
    const { as } = started('2%');
    const r = ok(as('chen.jie', { type: 'approve', taskId: 'task-1', comment: 'ok for a corner unit' }));
    expect(r.state).toBe('approved');
    expect(r.status).toBe('COMPLETED');
    expect(r.effects).toEqual([
      {
        type: 'closeTask',
        taskId: 'task-1',
        name: 'manager_review',
        state: 'manager_review',
        status: 'DONE',
        decision: 'approve',
        decidedBy: 'chen.jie',
        comment: 'ok for a corner unit',
      },
    ]);
    expect(r.context).toMatchObject({
      openTask: null,
      decisions: {
        manager_review: {
          decision: 'approve',
          by: 'chen.jie',
          at: '2026-11-23T10:30:00.000Z',
          comment: 'ok for a corner unit',
        },
      },
    });
    expect(r.trace.checks).toEqual([
      {
        check: 'separateFrom',
        passed: true,
        detail: 'chen.jie is not excluded by separateFrom requester (li.na)',
      },
      { check: 'assignee', passed: true, detail: 'chen.jie holds role sales_manager' },
    ]);
  });

  it('should end in rejected when the director rejects and when the vice president rejects', () => {
    expect(ok(started('4%').as('liu.yang', { type: 'reject' })).state).toBe('rejected');
    expect(ok(started('8%').as('huang.lei', { type: 'reject' })).state).toBe('rejected');
    expect(ok(started('8%').as('zhou.qiang', { type: 'approve' })).state).toBe('approved');
  });

  it('should refuse the requester deciding their own request even when they hold the reviewing role', () => {
    // wang.fang is also a sales manager but may personally grant only 1 %, so her 2 % goes to manager review.
    const directory = demoDirectory([
      { username: 'wang.fang', roles: ['consultant', 'sales_manager'], discountAuthority: '1%' },
    ]);
    const newId = sequentialIds();
    const first = ok(
      start(DISCOUNT_FLOW_IR, request('2%'), engineContext({ actor: 'wang.fang', directory, newId })),
    );
    expect(first.state).toBe('manager_review');
    const r = step(
      DISCOUNT_FLOW_IR,
      first.snapshot,
      { type: 'approve' },
      engineContext({ actor: 'wang.fang', directory, newId }),
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'SEPARATION_OF_DUTIES',
        message: 'wang.fang may not decide manager_review: excluded by separateFrom requester (four-eyes)',
      },
    });
  });

  it('should refuse a consultant deciding a manager task', () => {
    expect(started('2%').as('zhang.wei', { type: 'approve' })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'zhang.wei may not decide manager_review: zhang.wei holds none of the roles sales_manager',
      },
    });
  });

  it('should refuse an event the flow does not know', () => {
    expect(started('2%').as('chen.jie', { type: 'aprove' })).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_EVENT',
        message: 'flow discount_approval has no event "aprove"; it knows approve, reject',
      },
    });
  });

  it('should refuse a decision the open task does not offer', () => {
    const withEscalate = flowVariant(DISCOUNT_FLOW_IR, (ir) => {
      ir.events.push('escalate');
      const director = ir.states.find((s) => s.name === 'director_review')!;
      director.on.push({ event: 'escalate', target: 'vp_review', actions: [], line: 36 });
      director.task!.decisions.push('escalate');
    });
    const first = ok(start(withEscalate, request('2%'), engineContext()));
    const r = step(withEscalate, first.snapshot, { type: 'escalate' }, engineContext({ actor: 'chen.jie' }));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'DECISION_NOT_OFFERED',
        message: 'task manager_review does not offer "escalate"; it offers approve, reject',
      },
    });
  });

  it('should refuse a decision naming a stale task id', () => {
    expect(started('2%').as('chen.jie', { type: 'approve', taskId: 'task-0' })).toEqual({
      ok: false,
      error: {
        code: 'TASK_NOT_OPEN',
        message: 'task task-0 is not open: the open task is manager_review (task-1)',
      },
    });
  });

  it('should refuse any event once the instance is finished', () => {
    const { as } = started('2%');
    const done = ok(as('chen.jie', { type: 'approve' }));
    expect(as('chen.jie', { type: 'reject' }, done.snapshot)).toEqual({
      ok: false,
      error: {
        code: 'INSTANCE_DONE',
        message: 'the instance is finished (final state approved); it takes no more events',
      },
    });
  });

  it('should refuse an event whose transition guard is false, naming the state, event and guard', () => {
    const guarded = flowVariant(DISCOUNT_FLOW_IR, (ir) => {
      const manager = ir.states.find((s) => s.name === 'manager_review')!;
      manager.on[0].guard = {
        k: 'binary',
        op: '<',
        type: { kind: 'bool' },
        left: { k: 'ref', type: { kind: 'percent' }, path: ['input', 'discount'] },
        right: { k: 'lit', type: { kind: 'percent' }, value: '1%' },
      };
      manager.on[0].guardText = 'input.discount < 1%';
    });
    const first = ok(start(guarded, request('2%'), engineContext()));
    const r = step(guarded, first.snapshot, { type: 'approve' }, engineContext({ actor: 'chen.jie' }));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'EVENT_NOT_ACCEPTED',
        message:
          'state manager_review does not accept approve: its guards refused (input.discount < 1% is false)',
      },
    });
  });

  it('should refuse a timer event that comes from a user', () => {
    const timed = flowVariant(DISCOUNT_FLOW_IR, (ir) => ir.events.push('timer.manager_review.0'));
    const first = ok(start(timed, request('2%'), engineContext()));
    expect(
      step(timed, first.snapshot, { type: 'timer.manager_review.0' }, engineContext({ actor: 'chen.jie' })),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'chen.jie may not send timer.manager_review.0: timer events come from the timer worker only',
      },
    });
  });

  it('should re-check four-eyes at decision time against the directory of that moment', () => {
    // separateFrom is evaluated when the decision is made: once a reorganisation makes liu.yang the
    // requester's superior, liu.yang may no longer decide, although the task opened before it.
    const bossRule = flowVariant(DISCOUNT_FLOW_IR, (ir) => {
      ir.states.find((s) => s.name === 'director_review')!.task!.separateFrom = [
        {
          k: 'call',
          fn: 'superior',
          type: { kind: 'user' },
          args: [{ k: 'ref', type: { kind: 'user' }, path: ['requester'] }],
        },
      ];
    });
    const first = ok(start(bossRule, request('4%'), engineContext()));
    const reorganised = demoDirectory([{ username: 'li.na', superior: 'liu.yang' }]);
    const ctx: EngineContext = engineContext({ actor: 'liu.yang', directory: reorganised });
    expect(step(bossRule, first.snapshot, { type: 'approve' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'SEPARATION_OF_DUTIES' },
    });
    expect(
      ok(step(bossRule, first.snapshot, { type: 'approve' }, engineContext({ actor: 'liu.yang' }))).state,
    ).toBe('approved');
  });
});
