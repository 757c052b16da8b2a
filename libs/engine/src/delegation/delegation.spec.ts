import { compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { engineContext } from '../testing';
import type { EngineEvent, PersistedSnapshot, StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

const compiled = compile(`flow discount_t v1 "Discount" {
  input { unit: string }
  initial state manager_review {
    task assignee role(sales_manager) separateFrom requester sla 24h delegable
    on approve -> approved
    on reject -> rejected
  }
  final state approved
  final state rejected
}`);
if (!compiled.ir) throw new Error(JSON.stringify(compiled.diagnostics));
const IR: FlowIR = compiled.ir;

function run(events: [EngineEvent, string | null][]): StepResult[] {
  const first = ok(start(IR, { unit: 'A-1' }, engineContext({ actor: 'li.na' })));
  let snapshot: PersistedSnapshot = first.snapshot;
  return events.map(([event, actor]) => {
    const r = step(IR, snapshot, event, engineContext({ actor }));
    if (r.ok) snapshot = r.snapshot;
    return r;
  });
}

const delegate = (to: string): EngineEvent => ({ type: 'task.delegate', payload: { to } });

describe('delegation (task … delegable)', () => {
  it('should list the delegation events in the IR when a task is delegable', () => {
    expect(IR.events).toEqual(['approve', 'reject', 'task.delegate', 'task.return']);
    expect(IR.states[0].task?.delegable).toBe(true);
  });

  it('should hand the task to the delegate, keeping state and due time, when a decider delegates', () => {
    const [d] = run([[delegate('liu.yang'), 'chen.jie']]);
    expect(ok(d).state).toBe('manager_review');
    expect(ok(d).effects).toEqual([
      {
        type: 'reassignTask',
        taskId: 'id-1',
        name: 'manager_review',
        state: 'manager_review',
        reason: 'delegation',
        level: 0,
        previousAssignee: 'chen.jie',
        assignee: 'liu.yang',
        candidateRoles: [],
        candidateTeam: null,
        excludedUsers: ['li.na'],
        dueAt: '2026-11-24T09:00:00.000Z',
      },
    ]);
  });

  it('should let only the delegate decide while the task is delegated', () => {
    const [, byManager, byDelegate] = run([
      [delegate('liu.yang'), 'chen.jie'],
      [{ type: 'approve' }, 'chen.jie'],
      [{ type: 'approve' }, 'liu.yang'],
    ]);
    expect(byManager).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ok(byDelegate).effects[0]).toMatchObject({
      type: 'closeTask',
      decidedBy: 'liu.yang',
      status: 'DONE',
    });
  });

  it('should give the task back to its candidates when the delegate returns it', () => {
    const [, returned, approved] = run([
      [delegate('liu.yang'), 'chen.jie'],
      [{ type: 'task.return' }, 'liu.yang'],
      [{ type: 'approve' }, 'chen.jie'],
    ]);
    expect(ok(returned).effects[0]).toMatchObject({
      reason: 'return',
      previousAssignee: 'liu.yang',
      assignee: null,
      candidateRoles: ['sales_manager'],
    });
    expect(ok(returned).context).not.toHaveProperty('escalation');
    expect(ok(approved).state).toBe('approved');
  });

  it('should refuse a delegation by a non-decider, to an excluded user, to nobody, or twice', () => {
    const [stranger, toRequester, toNobody] = run([
      [delegate('liu.yang'), 'wang.fang'],
      [delegate('li.na'), 'chen.jie'],
      [{ type: 'task.delegate', payload: {} }, 'chen.jie'],
    ]);
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(toRequester).toMatchObject({ ok: false, error: { code: 'SEPARATION_OF_DUTIES' } });
    expect(toNobody).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: [{ path: 'to' }] } });
    const [, twice, notDelegate] = run([
      [delegate('liu.yang'), 'chen.jie'],
      [delegate('huang.lei'), 'liu.yang'],
      [{ type: 'task.return' }, 'chen.jie'],
    ]);
    expect(twice).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_ACCEPTED' } });
    expect(notDelegate).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
