import { compile, type FlowIR } from '@signet/dsl';
import { replay } from '../replay';
import { start } from '../start';
import { step } from '../step';
import { engineContext, sequentialIds } from '../testing';
import type { StepOk } from '../types';
import { migrateInstance, MIGRATED_EVENT } from './migrate-instance';

const V1 = `flow change v1 "Change" {
  input { title: string, amount: money(CNY) }
  initial state review {
    task "Review" assignee role(sales_manager) separateFrom requester sla 24h
    on approve -> sign_off
    on reject -> rejected
    after 48h -> rejected
  }
  state sign_off {
    task "Sign-off" assignee role(sales_director, vice_president) separateFrom requester, decision.review.by sla 24h
    on approve -> approved
    on reject -> rejected
  }
  final state approved
  final state rejected
}`;

// v2 renames review to manager_review, keeps sign_off (now excluding every earlier decider: the
// v1 decisions are kept under their v1 task names), and adds an optional input field.
const V2 = `flow change v2 "Change" {
  input { title: string, amount: money(CNY), note?: string }
  migrate from v1 {
    review -> manager_review
  }
  initial state manager_review {
    task "Manager review" assignee role(sales_manager) separateFrom requester sla 8h
    on approve -> sign_off
    on reject -> rejected
    after 2d -> rejected
  }
  state sign_off {
    task "Sign-off" assignee role(sales_director, vice_president) separateFrom requester, deciders sla 12h
    on approve -> approved
    on reject -> rejected
  }
  final state approved
  final state rejected
}`;

function ir(source: string): FlowIR {
  const r = compile(source);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.ir!;
}

const T0 = '2026-11-23T09:00:00.000Z';
const T1 = '2026-11-23T10:00:00.000Z';
const T2 = '2026-11-23T11:00:00.000Z';

describe('migrateInstance', () => {
  const v1 = ir(V1);
  const v2 = ir(V2);
  const input = { title: 'New lobby tiles', amount: '12000.00' };

  function started(newId = sequentialIds()): StepOk {
    const r = start(v1, input, engineContext({ actor: 'li.na', now: T0, newId }));
    if (!r.ok) throw new Error(r.error.message);
    return r;
  }

  it('should continue a reviewed instance in the renamed state, closing the old task and timers and opening the new', () => {
    const s = started();
    const m = migrateInstance(v1, v2, s.snapshot, engineContext({ actor: 'zhao.min', now: T1 }));
    if (!m.ok) throw new Error(m.error.message);
    expect(m.state).toBe('manager_review');
    expect(m.status).toBe('ACTIVE');
    expect(m.effects).toEqual([
      expect.objectContaining({ type: 'closeTask', taskId: 'id-1', status: 'CANCELLED', decision: null }),
      { type: 'cancelTimer', timerId: 'id-2', event: 'timer.review.0', state: 'review' },
      expect.objectContaining({
        type: 'openTask',
        taskId: 'id-1',
        name: 'manager_review',
        state: 'manager_review',
        candidateRoles: ['sales_manager'],
        excludedUsers: ['li.na'],
        dueAt: '2026-11-23T18:00:00.000Z',
      }),
      expect.objectContaining({
        type: 'scheduleTimer',
        timerId: 'id-2',
        event: 'timer.manager_review.0',
        dueAt: '2026-11-25T10:00:00.000Z',
      }),
    ]);
    expect(m.effects[0]).toMatchObject({ comment: 'cancelled: the instance moved to change v2' });
    expect(m.trace).toMatchObject({
      flow: { key: 'change', version: 2, hash: v2.hash },
      event: MIGRATED_EVENT,
      from: 'review',
      to: 'manager_review',
    });
    expect(m.migration).toEqual({
      fromVersion: 1,
      fromHash: v1.hash,
      toVersion: 2,
      toHash: v2.hash,
      fromState: 'review',
      toState: 'manager_review',
      stateMap: { review: 'manager_review' },
    });
    expect(m.context).toMatchObject({
      input,
      requester: 'li.na',
      openTask: { id: 'id-1', name: 'manager_review' },
      timers: [{ id: 'id-2', event: 'timer.manager_review.0' }],
    });
  });

  it('should keep recorded decisions so four-eyes rules of the new version still see them', () => {
    const s = started();
    const reviewed = step(
      v1,
      s.snapshot,
      { type: 'approve', taskId: 'id-1' },
      engineContext({ actor: 'chen.jie', now: T1, newId: sequentialIds('t') }),
    );
    if (!reviewed.ok) throw new Error(reviewed.error.message);
    const m = migrateInstance(v1, v2, reviewed.snapshot, engineContext({ actor: 'zhao.min', now: T2 }));
    if (!m.ok) throw new Error(m.error.message);
    // sign_off exists in both versions: no map needed; chen.jie decided review and stays excluded.
    expect(m.state).toBe('sign_off');
    const opened = m.effects.find((e) => e.type === 'openTask');
    expect(opened).toMatchObject({ name: 'sign_off', excludedUsers: ['li.na', 'chen.jie'] });
    expect(m.context).toMatchObject({ decisions: { review: { by: 'chen.jie', decision: 'approve' } } });

    const decided = step(
      v2,
      m.snapshot,
      { type: 'approve', taskId: (opened as { taskId: string }).taskId },
      engineContext({ actor: 'liu.yang', now: T2 }),
    );
    expect(decided).toMatchObject({ ok: true, state: 'approved', status: 'COMPLETED' });
  });

  it('should move an instance without a migrate block when its state exists in the new version', () => {
    const v3 = ir(
      V2.replace('flow change v2', 'flow change v3').replace(
        '  migrate from v1 {\n    review -> manager_review\n  }\n',
        '',
      ),
    );
    const s = started();
    const refused = migrateInstance(v1, v3, s.snapshot, engineContext({ now: T1 }));
    expect(refused).toMatchObject({ ok: false, error: { reason: 'NO_MIGRATION' } });
    expect(!refused.ok && refused.error.message).toContain('has no state "review"');
    const m2 = migrateInstance(v1, v2, s.snapshot, engineContext({ now: T1 }));
    if (!m2.ok) throw new Error(m2.error.message);
    const v3Same = migrateInstance(v2, v3, m2.snapshot, engineContext({ now: T2 }));
    expect(v3Same).toMatchObject({ ok: true, state: 'manager_review', migration: { stateMap: {} } });
  });

  it('should refuse a state the migrate block does not map and the new version does not have', () => {
    const v2b = ir(V2.replace('review -> manager_review', 'sign_off -> sign_off'));
    const r = migrateInstance(v1, v2b, started().snapshot, engineContext({ now: T1 }));
    expect(r).toMatchObject({ ok: false, error: { code: 'MIGRATION_REFUSED', reason: 'UNMAPPED_STATE' } });
    expect(!r.ok && r.error.message).toContain('"review"');
  });

  it('should refuse the same or an older version, another flow, and a finished instance', () => {
    const s = started();
    expect(migrateInstance(v1, v1, s.snapshot, engineContext())).toMatchObject({
      ok: false,
      error: { reason: 'NOT_NEWER' },
    });
    const other = ir(V2.replace('flow change v2', 'flow other v2'));
    expect(migrateInstance(v1, other, s.snapshot, engineContext())).toMatchObject({
      ok: false,
      error: { reason: 'OTHER_FLOW' },
    });
    const rejected = step(
      v1,
      s.snapshot,
      { type: 'reject', taskId: 'id-1' },
      engineContext({ actor: 'chen.jie' }),
    );
    if (!rejected.ok) throw new Error(rejected.error.message);
    expect(migrateInstance(v1, v2, rejected.snapshot, engineContext())).toMatchObject({
      ok: false,
      error: { reason: 'NOT_ACTIVE' },
    });
  });

  it('should refuse when the stored input does not match the new version, naming the field', () => {
    const v2b = ir(V2.replace('note?: string', 'site: string'));
    const r = migrateInstance(v1, v2b, started().snapshot, engineContext({ now: T1 }));
    expect(r).toMatchObject({
      ok: false,
      error: { reason: 'INPUT_MISMATCH', details: [expect.objectContaining({ path: 'site' })] },
    });
  });

  it('should refuse a target that is final or decides at once', () => {
    const toFinal = ir(V2.replace('review -> manager_review', 'review -> rejected'));
    expect(migrateInstance(v1, toFinal, started().snapshot, engineContext())).toMatchObject({
      ok: false,
      error: { reason: 'NOT_A_WAIT_STATE' },
    });
    const routed = ir(
      V2.replace('review -> manager_review', 'review -> routing')
        .replace('on approve -> sign_off', 'on approve -> routing')
        .replace('  state sign_off {', '  state routing {\n    always -> sign_off\n  }\n  state sign_off {'),
    );
    const r = migrateInstance(v1, routed, started().snapshot, engineContext());
    expect(r).toMatchObject({ ok: false, error: { reason: 'NOT_A_WAIT_STATE' } });
    expect(!r.ok && r.error.message).toContain('"routing"');
  });

  it('should refuse when the new task cannot be assigned now, naming the state', () => {
    const toSuperior = ir(
      V2.replace(
        'task "Manager review" assignee role(sales_manager)',
        'task "Manager review" assignee superior(requester)',
      ),
    );
    const ceo = start(v1, input, engineContext({ actor: 'zhou.qiang', now: T0 }));
    if (!ceo.ok) throw new Error(ceo.error.message);
    const r = migrateInstance(v1, toSuperior, ceo.snapshot, engineContext({ now: T1 }));
    expect(r).toMatchObject({ ok: false, error: { reason: 'EVALUATION_FAILED' } });
    expect(!r.ok && r.error.message).toContain('"manager_review"');
  });

  it('should replay a log across a migration, running later events under the new version', () => {
    const newId = sequentialIds();
    const at = (actor: string | null, now: string) => engineContext({ actor, now, newId });
    const r = replay(
      v1,
      input,
      [
        { type: 'approve' },
        { type: MIGRATED_EVENT, to: v2 },
        { type: 'approve' },
        { type: MIGRATED_EVENT, to: v1 },
      ],
      [at('li.na', T0), at('chen.jie', T1), at('zhao.min', T2), at('chen.jie', T2), at('zhao.min', T2)],
    );
    // chen.jie decided review under v1; v2's sign_off excludes every earlier decider.
    expect(r.states).toEqual(['review', 'sign_off', 'sign_off', 'sign_off', 'sign_off']);
    expect(r.results[2]).toMatchObject({ ok: true, trace: { event: MIGRATED_EVENT, flow: { version: 2 } } });
    expect(r.results[3]).toMatchObject({ ok: false, error: { code: 'SEPARATION_OF_DUTIES' } });
    expect(r.results[4]).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_ACCEPTED' } });
    expect(!r.results[4].ok && r.results[4].error.message).toContain('not a newer version');
  });
});
