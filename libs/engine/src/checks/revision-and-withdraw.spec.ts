import { compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { engineContext } from '../testing';
import type { PersistedSnapshot, StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

const compiled = compile(`flow change_t v1 "Engineering change" {
  input { title: string }
  initial state pm_review {
    task assignee role(project_manager, chief_engineer) separateFrom requester sla 2 workdays
    on approve -> chief_review
    on reject -> rejected
    on withdraw -> withdrawn by requester
  }
  state chief_review {
    task assignee role(chief_engineer, general_manager) separateFrom deciders sla 2 workdays
    on approve -> approved
    on return -> revise do void all
    on withdraw -> withdrawn by requester
  }
  state revise {
    task assignee user(requester) sla 3d
    on resubmit -> pm_review
  }
  final state approved
  final state rejected
  final state withdrawn
}`);
if (!compiled.ir) throw new Error(JSON.stringify(compiled.diagnostics));
const IR: FlowIR = compiled.ir;

function send(snapshot: PersistedSnapshot, type: string, actor: string | null): StepResult {
  return step(IR, snapshot, { type }, engineContext({ actor }));
}

const begun = () => ok(start(IR, { title: 'Move wall' }, engineContext({ actor: 'guo.peng' })));

describe('withdraw by the requester (`by`)', () => {
  it('should not count an event restricted with `by` among the task decisions', () => {
    expect(IR.states.find((s) => s.name === 'pm_review')?.task?.decisions).toEqual(['approve', 'reject']);
  });

  it('should refuse the event with FORBIDDEN when another user sends it', () => {
    expect(send(begun().snapshot, 'withdraw', 'he.bin')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(send(begun().snapshot, 'withdraw', null)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('should end the instance and cancel the open task when the requester withdraws', () => {
    const r = ok(send(begun().snapshot, 'withdraw', 'guo.peng'));
    expect(r.state).toBe('withdrawn');
    expect(r.effects[0]).toMatchObject({ type: 'closeTask', status: 'CANCELLED' });
    expect(r.trace.checks).toEqual([
      { check: 'assignee', passed: true, detail: 'withdraw: guo.peng is the assignee' },
    ]);
  });
});

describe('return for revision (`void`) and `separateFrom deciders`', () => {
  it('should exclude anyone who decided an earlier step', () => {
    const atChief = ok(send(begun().snapshot, 'approve', 'lin.tao'));
    expect(send(atChief.snapshot, 'approve', 'lin.tao')).toMatchObject({
      ok: false,
      error: { code: 'SEPARATION_OF_DUTIES' },
    });
  });

  it('should forget the voided approvals so that the steps are decided afresh', () => {
    const atChief = ok(send(begun().snapshot, 'approve', 'lin.tao'));
    const returned = ok(send(atChief.snapshot, 'return', 'zhou.qiang'));
    expect(returned.state).toBe('revise');
    expect(returned.context).toMatchObject({ decisions: {} });
    expect(returned.trace.actions).toEqual([
      {
        state: 'chief_review',
        action: 'void pm_review, chief_review, revise',
        value: ['pm_review', 'chief_review'],
        values: {},
      },
    ]);
    const again = ok(send(returned.snapshot, 'resubmit', 'guo.peng'));
    const atChiefAgain = ok(send(again.snapshot, 'approve', 'he.bin'));
    const done = ok(send(atChiefAgain.snapshot, 'approve', 'lin.tao'));
    expect(done.state).toBe('approved');
  });
});
