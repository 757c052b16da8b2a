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
    task assignee role(sales_manager) separateFrom requester sla 24h addSigner
    on approve -> approved
    on reject -> rejected
  }
  final state approved
  final state rejected
}`);
if (!compiled.ir) throw new Error(JSON.stringify(compiled.diagnostics));
const IR: FlowIR = compiled.ir;

function run(events: [EngineEvent, string][]): StepResult[] {
  let snapshot: PersistedSnapshot = ok(
    start(IR, { unit: 'A-1' }, engineContext({ actor: 'li.na' })),
  ).snapshot;
  return events.map(([event, actor]) => {
    const r = step(IR, snapshot, event, engineContext({ actor }));
    if (r.ok) snapshot = r.snapshot;
    return r;
  });
}

const add = (to: string, position: string): EngineEvent => ({
  type: 'task.addSigner',
  payload: { to, position },
});
const approve: EngineEvent = { type: 'approve' };

describe('add a signer before or after (task … addSigner)', () => {
  it('should send the task to a signer added before and back to the decider once they approve', () => {
    const [added, signed, decided] = run([
      [add('liu.yang', 'before'), 'chen.jie'],
      [approve, 'liu.yang'],
      [approve, 'chen.jie'],
    ]);
    expect(ok(added).effects[0]).toMatchObject({
      type: 'reassignTask',
      reason: 'delegation',
      assignee: 'liu.yang',
    });
    expect(ok(signed).state).toBe('manager_review');
    expect(ok(signed).effects[0]).toMatchObject({
      reason: 'return',
      previousAssignee: 'liu.yang',
      candidateRoles: ['sales_manager'],
    });
    expect(ok(decided).state).toBe('approved');
    expect(ok(decided).context).toMatchObject({
      decisions: {
        manager_review: { by: 'chen.jie', votes: { 'liu.yang': 'approve', 'chen.jie': 'approve' } },
      },
    });
  });

  it('should hand the task on to a signer added after when the decider approves, who then decides', () => {
    const [added, signed, early, decided] = run([
      [add('liu.yang', 'after'), 'chen.jie'],
      [approve, 'chen.jie'],
      [approve, 'chen.jie'],
      [approve, 'liu.yang'],
    ]);
    expect(ok(added).effects).toEqual([]);
    expect(ok(signed).effects[0]).toMatchObject({
      reason: 'delegation',
      previousAssignee: 'chen.jie',
      assignee: 'liu.yang',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ok(decided).state).toBe('approved');
  });

  it('should let a rejection decide at once whoever holds the task', () => {
    const [, rejected] = run([
      [add('liu.yang', 'before'), 'chen.jie'],
      [{ type: 'reject' }, 'liu.yang'],
    ]);
    expect(ok(rejected).state).toBe('rejected');
  });

  it('should refuse a bad position, an excluded signer and a second pending signer', () => {
    const [bad, excluded, first, second] = run([
      [add('liu.yang', 'beside'), 'chen.jie'],
      [add('li.na', 'after'), 'chen.jie'],
      [add('liu.yang', 'after'), 'chen.jie'],
      [add('huang.lei', 'after'), 'chen.jie'],
    ]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: [{ path: 'position' }] } });
    expect(excluded).toMatchObject({ ok: false, error: { code: 'SEPARATION_OF_DUTIES' } });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_ACCEPTED' } });
  });
});
