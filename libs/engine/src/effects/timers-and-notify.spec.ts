import type { ExprIR, FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { DISCOUNT_FLOW_IR, engineContext, flowVariant, sequentialIds } from '../testing';
import type { StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

const requester: ExprIR = { k: 'ref', type: { kind: 'user' }, path: ['requester'] };
const superiorOfRequester: ExprIR = { k: 'call', fn: 'superior', type: { kind: 'user' }, args: [requester] };

/** The discount flow with a reminder every 24 h in manager review, a 2-workday escalation, and notifications. */
const timed: FlowIR = flowVariant(DISCOUNT_FLOW_IR, (ir) => {
  const manager = ir.states.find((s) => s.name === 'manager_review')!;
  manager.timers = [
    { after: '24h', event: 'timer.manager_review.0', line: 29 },
    { after: '2 workdays', event: 'timer.manager_review.1', line: 30 },
  ];
  manager.on.push(
    {
      event: 'timer.manager_review.0',
      target: 'manager_review',
      actions: [{ k: 'notify', to: superiorOfRequester, template: 'discount.reminder' }],
      line: 29,
    },
    {
      event: 'timer.manager_review.1',
      target: 'director_review',
      actions: [{ k: 'notify', to: requester, template: 'discount.escalated' }],
      line: 30,
    },
  );
  manager.on[0].actions.push({ k: 'notify', to: requester, template: 'discount.approved' });
  ir.events.push('timer.manager_review.0', 'timer.manager_review.1');
});

const input = { unit: 'A-0101', listPrice: '1850000.00', discount: '2%' };
// 2026-11-27 is a Friday: two working days later is Tuesday.
const friday = '2026-11-27T09:00:00.000Z';

describe('timers and notifications', () => {
  const newId = sequentialIds();
  const first = ok(start(timed, input, engineContext({ now: friday, newId })));

  it('should schedule the state’s timers when it is entered, skipping the weekend for working days', () => {
    expect(first.effects.map((e) => e.type)).toEqual(['openTask', 'scheduleTimer', 'scheduleTimer']);
    expect(first.effects.slice(1)).toEqual([
      {
        type: 'scheduleTimer',
        timerId: 'id-2',
        event: 'timer.manager_review.0',
        state: 'manager_review',
        dueAt: '2026-11-28T09:00:00.000Z',
        after: '24h',
      },
      {
        type: 'scheduleTimer',
        timerId: 'id-3',
        event: 'timer.manager_review.1',
        state: 'manager_review',
        dueAt: '2026-12-01T09:00:00.000Z',
        after: '2 workdays',
      },
    ]);
    expect(first.effects[0]).toMatchObject({ dueAt: '2026-11-28T09:00:00.000Z' });
  });

  it('should keep the task and re-arm the timer when a reminder loops back to the same state', () => {
    const ids = sequentialIds('r');
    const r = ok(
      step(
        timed,
        first.snapshot,
        { type: 'timer.manager_review.0' },
        engineContext({ actor: null, now: '2026-11-28T09:00:00.000Z', newId: ids }),
      ),
    );
    expect(r.state).toBe('manager_review');
    expect(r.effects).toEqual([
      {
        type: 'scheduleTimer',
        timerId: 'r-1',
        event: 'timer.manager_review.0',
        state: 'manager_review',
        dueAt: '2026-11-29T09:00:00.000Z',
        after: '24h',
      },
      {
        type: 'notify',
        to: 'chen.jie',
        template: 'discount.reminder',
        key: 'timer.manager_review.0:id-1:chen.jie:discount.reminder',
      },
    ]);
    expect(r.context).toMatchObject({ openTask: { id: 'id-1' } });
  });

  it('should cancel the other timers and move the task when an escalation timer fires', () => {
    const r = ok(
      step(
        timed,
        first.snapshot,
        { type: 'timer.manager_review.1' },
        engineContext({ actor: null, now: '2026-12-01T09:00:00.000Z', newId: sequentialIds('e') }),
      ),
    );
    expect(r.state).toBe('director_review');
    expect(r.effects).toEqual([
      {
        type: 'closeTask',
        taskId: 'id-1',
        name: 'manager_review',
        state: 'manager_review',
        status: 'CANCELLED',
        decision: null,
        decidedBy: null,
        comment: null,
      },
      { type: 'cancelTimer', timerId: 'id-2', event: 'timer.manager_review.0', state: 'manager_review' },
      expect.objectContaining({
        type: 'openTask',
        taskId: 'e-1',
        name: 'director_review',
        candidateRoles: ['sales_director'],
      }),
      {
        type: 'notify',
        to: 'li.na',
        template: 'discount.escalated',
        key: 'timer.manager_review.1:id-1:li.na:discount.escalated',
      },
    ]);
    expect(r.context).toMatchObject({ timers: [] });
  });

  it('should cancel pending timers when the task is decided', () => {
    const r = ok(
      step(
        timed,
        first.snapshot,
        { type: 'approve' },
        engineContext({ actor: 'chen.jie', newId: sequentialIds('d') }),
      ),
    );
    expect(r.effects.map((e) => e.type)).toEqual(['closeTask', 'cancelTimer', 'cancelTimer', 'notify']);
    expect(r.effects[3]).toEqual({
      type: 'notify',
      to: 'li.na',
      template: 'discount.approved',
      key: 'approve:id-1:li.na:discount.approved',
    });
  });

  it('should refuse a timer whose state has been left', () => {
    const done = ok(step(timed, first.snapshot, { type: 'reject' }, engineContext({ actor: 'chen.jie' })));
    expect(
      step(timed, done.snapshot, { type: 'timer.manager_review.0' }, engineContext({ actor: null })),
    ).toMatchObject({
      ok: false,
      error: { code: 'INSTANCE_DONE' },
    });
  });
});
