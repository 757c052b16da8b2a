import { compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { engineContext } from '../testing';
import type { EngineEvent, PersistedSnapshot, StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

// A task whose name differs from its state: every effect must say both, each in its place.
const compiled = compile(`flow discount_t v1 "Discount" {
  input { unit: string }
  initial state manager_review {
    task sign_off "Sign off the discount" assignee role(sales_manager) separateFrom requester sla 24h
      addSigner delegable
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

describe('a task named otherwise than its state', () => {
  it('should open, re-assign and close it under its name in its state', () => {
    const first = ok(start(IR, { unit: 'A-1' }, engineContext({ actor: 'li.na' })));
    expect(first.effects[0]).toMatchObject({ type: 'openTask', name: 'sign_off', state: 'manager_review' });
    const [added, signed, decided] = run([
      [add('liu.yang', 'before'), 'chen.jie'],
      [{ type: 'approve' }, 'liu.yang'],
      [{ type: 'approve' }, 'chen.jie'],
    ]);
    expect(ok(added).effects[0]).toMatchObject({ name: 'sign_off', state: 'manager_review' });
    expect(ok(signed).effects[0]).toMatchObject({
      reason: 'return',
      name: 'sign_off',
      state: 'manager_review',
    });
    expect(ok(decided).effects[0]).toMatchObject({
      type: 'closeTask',
      name: 'sign_off',
      state: 'manager_review',
    });
    expect(ok(decided).context).toMatchObject({
      decisions: { sign_off: { decision: 'approve', by: 'chen.jie' } },
    });
  });

  it('should delegate it under its name in its state', () => {
    const [delegated] = run([[{ type: 'task.delegate', payload: { to: 'liu.yang' } }, 'chen.jie']]);
    expect(ok(delegated).effects[0]).toMatchObject({
      type: 'reassignTask',
      reason: 'delegation',
      name: 'sign_off',
      state: 'manager_review',
    });
  });
});
