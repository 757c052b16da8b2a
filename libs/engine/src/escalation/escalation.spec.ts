import { compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { engineContext, sequentialIds } from '../testing';
import type { Effect, EngineEvent, PersistedSnapshot, StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

function flow(body: string): FlowIR {
  const r = compile(`flow complaint_t v1 "Complaint" {\n  input { customer: string }\n${body}\n}`);
  if (!r.ok || !r.ir)
    throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return r.ir;
}

const LADDER = flow(`
  initial state handling {
    task "Reply to the customer" assignee user(requester) sla 24h
    after 24h escalate to superior(requester)
    after 4h remind
    on resolve -> closed
  }
  final state closed`);

// A simulated clock: each event happens at a chosen hour after the start, never by waiting.
const T0 = Date.parse('2026-11-23T09:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * 3600_000).toISOString();

function runner(ir: FlowIR) {
  const newId = sequentialIds();
  let snapshot: PersistedSnapshot = null;
  return {
    start(actor = 'wu.xia'): StepOk {
      const r = ok(start(ir, { customer: 'C-1' }, engineContext({ now: at(0), actor, newId })));
      snapshot = r.snapshot;
      return r;
    },
    send(type: string, hours: number, actor: string | null = null): StepResult {
      const event: EngineEvent = { type };
      const r = step(ir, snapshot, event, engineContext({ now: at(hours), actor, newId }));
      if (r.ok) snapshot = r.snapshot;
      return r;
    },
  };
}

const reassign = (effects: Effect[]) => effects.find((e) => e.type === 'reassignTask');

describe('after … escalate to / remind', () => {
  it('should schedule the first escalation and the reminder when the task opens', () => {
    const first = runner(LADDER).start();
    expect(
      first.effects.map((e) => [e.type, e.type === 'scheduleTimer' ? e.event : 'name' in e ? e.name : '']),
    ).toEqual([
      ['openTask', 'handling'],
      ['scheduleTimer', 'timer.handling.0'],
      ['scheduleTimer', 'timer.handling.1'],
    ]);
  });

  it('should notify the current assignee without leaving the state when the reminder fires', () => {
    const r = runner(LADDER);
    r.start();
    const reminded = ok(r.send('timer.handling.1', 4));
    expect(reminded.state).toBe('handling');
    expect(reminded.effects).toEqual([
      { type: 'notify', to: 'wu.xia', template: 'task.reminder', key: 'timer.handling.1:id-1:id-3:wu.xia' },
    ]);
    expect(r.send('timer.handling.1', 5)).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_ACCEPTED' } });
  });

  it('should climb the superior chain one level per timer, restarting the SLA each time', () => {
    const r = runner(LADDER);
    r.start();
    const levels = [24, 48, 72, 96].map((h) => ok(r.send('timer.handling.0', h)));
    expect(levels.map((s) => s.state)).toEqual(['handling', 'handling', 'handling', 'handling']);
    expect(levels.map((s) => reassign(s.effects))).toEqual([
      expect.objectContaining({ level: 1, previousAssignee: 'wu.xia', assignee: 'ma.lin', dueAt: at(48) }),
      expect.objectContaining({ level: 2, previousAssignee: 'ma.lin', assignee: 'hu.jun', dueAt: at(72) }),
      expect.objectContaining({ level: 3, previousAssignee: 'hu.jun', assignee: 'liu.yang', dueAt: at(96) }),
      expect.objectContaining({
        level: 4,
        previousAssignee: 'liu.yang',
        assignee: 'huang.lei',
        dueAt: at(120),
      }),
    ]);
    expect(levels[0].effects[0]).toMatchObject({
      type: 'reassignTask',
      reason: 'escalation',
      taskId: 'id-1',
    });
    expect(levels[0].effects[1]).toMatchObject({
      type: 'scheduleTimer',
      event: 'timer.handling.0',
      dueAt: at(48),
    });
    expect(levels[3].context).toMatchObject({ escalation: { level: 4, user: 'huang.lei' } });
  });

  it('should end the ladder without a change when the chain has no superior left', () => {
    const r = runner(LADDER);
    r.start();
    for (const h of [24, 48, 72, 96, 120]) ok(r.send('timer.handling.0', h));
    const top = ok(r.send('timer.handling.0', 144));
    expect(top.effects).toEqual([]);
    expect(top.trace.checks[0]).toMatchObject({ passed: false });
    expect(top.context).toMatchObject({
      escalation: { level: 5, user: 'zhou.qiang' },
      timers: [expect.objectContaining({ event: 'timer.handling.1' })],
    });
  });

  it('should let only the escalated assignee decide when the task has moved up', () => {
    const r = runner(LADDER);
    r.start();
    ok(r.send('timer.handling.0', 24));
    expect(r.send('resolve', 25, 'wu.xia')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = ok(r.send('resolve', 26, 'ma.lin'));
    expect(done.state).toBe('closed');
    expect(done.effects[0]).toMatchObject({ type: 'closeTask', decidedBy: 'ma.lin', status: 'DONE' });
    expect(done.context).not.toHaveProperty('escalation');
  });

  it('should skip a superior excluded by separateFrom so that four-eyes holds at every level', () => {
    const r = runner(
      flow(`
  initial state handling {
    task assignee user(requester) separateFrom user("ma.lin") sla 24h
    after 24h escalate to superior(requester)
    on resolve -> closed
  }
  final state closed`),
    );
    r.start();
    const up = ok(r.send('timer.handling.0', 24));
    expect(reassign(up.effects)).toMatchObject({ assignee: 'hu.jun', excludedUsers: ['ma.lin'] });
  });

  it('should follow the rungs in order and stop after a fixed role', () => {
    const r = runner(
      flow(`
  initial state handling {
    task assignee role(cs_agent) sla 2h
    after 2h escalate to role(cs_supervisor)
    after 4h escalate to role(cs_manager)
    on resolve -> closed
  }
  final state closed`),
    );
    const first = r.start();
    expect(first.effects.filter((e) => e.type === 'scheduleTimer')).toHaveLength(1);
    const one = ok(r.send('timer.handling.0', 2));
    expect(reassign(one.effects)).toMatchObject({
      level: 1,
      assignee: null,
      candidateRoles: ['cs_supervisor'],
    });
    expect(one.effects[1]).toMatchObject({ type: 'scheduleTimer', event: 'timer.handling.1', dueAt: at(6) });
    expect(r.send('resolve', 3, 'wu.xia')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const two = ok(r.send('timer.handling.1', 6));
    expect(reassign(two.effects)).toMatchObject({
      level: 2,
      previousAssignee: null,
      candidateRoles: ['cs_manager'],
    });
    expect(two.effects).toHaveLength(1);
    expect(ok(r.send('resolve', 7, 'hu.jun')).state).toBe('closed');
  });

  it('should refuse an escalation timer sent by a user', () => {
    const r = runner(LADDER);
    r.start();
    expect(r.send('timer.handling.0', 24, 'ma.lin')).toMatchObject({ ok: false });
  });
});
