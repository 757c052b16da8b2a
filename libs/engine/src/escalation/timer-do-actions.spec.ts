import { compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { engineContext, sequentialIds } from '../testing';
import type { EngineEvent, PersistedSnapshot, StepOk, StepResult } from '../types';

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

const ESCALATING = flow(`
  initial state handling {
    task "Reply to the customer" assignee user(requester) sla 24h
    after 24h escalate to superior(requester) do notify requester "complaint_escalated", set escalations = 1
    after 4h remind do notify superior(requester) "reply_overdue"
    on resolve -> closed
  }
  final state closed`);

describe('actions on escalation and reminder timers', () => {
  it('should notify after the task moved up, once per rung of a repeating ladder', () => {
    const r = runner(ESCALATING);
    r.start();
    const first = ok(r.send('timer.handling.0', 24));
    expect(first.effects.map((e) => e.type)).toEqual(['reassignTask', 'scheduleTimer', 'notify']);
    expect(first.effects[2]).toEqual({
      type: 'notify',
      to: 'wu.xia',
      template: 'complaint_escalated',
      key: 'timer.handling.0:id-1:id-2:wu.xia:complaint_escalated',
    });
    const second = ok(r.send('timer.handling.0', 48));
    const keys = [first, second].map((s) => s.effects.find((e) => e.type === 'notify'));
    expect(keys[1]).toMatchObject({ to: 'wu.xia', template: 'complaint_escalated' });
    expect(keys[0]).not.toEqual(keys[1]);
  });

  it('should run `set` on the context after the escalation and trace it', () => {
    const r = runner(ESCALATING);
    r.start();
    const first = ok(r.send('timer.handling.0', 24));
    expect(first.context).toMatchObject({
      vars: { escalations: 1 },
      escalation: { level: 1, user: 'ma.lin' },
    });
    expect(first.trace.actions).toEqual([
      { state: 'handling', action: 'set var.escalations', value: 1, values: {} },
    ]);
  });

  it('should run the actions of a reminder after the reminder itself', () => {
    const r = runner(ESCALATING);
    r.start();
    const reminded = ok(r.send('timer.handling.1', 4));
    expect(reminded.effects.map((e) => (e.type === 'notify' ? [e.to, e.template] : e.type))).toEqual([
      ['wu.xia', 'task.reminder'],
      ['ma.lin', 'reply_overdue'],
    ]);
  });

  it('should not run the actions when nobody is left to escalate to', () => {
    const top = flow(`
  initial state handling {
    task "Reply" assignee user(requester) sla 24h
    after 24h escalate to superior(requester) do notify requester "complaint_escalated"
    on resolve -> closed
  }
  final state closed`);
    const r = runner(top);
    r.start('zhou.qiang');
    const ended = ok(r.send('timer.handling.0', 24));
    expect(ended.effects).toEqual([]);
    expect(ended.trace.checks).toEqual([expect.objectContaining({ check: 'assignee', passed: false })]);
  });
});
