import { compile, type FlowIR } from '@signet/dsl';
import type { InstanceContext } from '../instance-context';
import { start } from '../start';
import { step } from '../step';
import { engineContext, sequentialIds } from '../testing';
import type { PersistedSnapshot, StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

const compiled = compile(`flow review_t v1 "Review" {
  input { customer: string }
  initial state review {
    task "Review" assignee user(requester) sla 24h
    after 72h -> closed
    after 24h escalate to superior(requester)
    after 4h remind
    on revise -> review
    on resolve -> closed
  }
  final state closed
}`);
if (!compiled.ir) throw new Error(JSON.stringify(compiled.diagnostics));
const IR: FlowIR = compiled.ir;

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * 3600_000).toISOString();

function runner() {
  const newId = sequentialIds();
  let snapshot: PersistedSnapshot = null;
  return {
    start(): StepOk {
      const r = ok(start(IR, { customer: 'C-1' }, engineContext({ now: at(0), actor: 'wu.xia', newId })));
      snapshot = r.snapshot;
      return r;
    },
    send(type: string, hours: number, actor: string | null = null): StepOk {
      const r = ok(step(IR, snapshot, { type }, engineContext({ now: at(hours), actor, newId })));
      snapshot = r.snapshot;
      return r;
    },
  };
}

describe('a task re-opened in the same state', () => {
  it('should restart its escalation ladder and reminders, keeping the timers that leave the state', () => {
    const r = runner();
    r.start();
    r.send('timer.review.2', 4); // the reminder has fired
    const escalated = r.send('timer.review.1', 24);
    expect(escalated.context).toMatchObject({ escalation: { level: 1, user: 'ma.lin' } });

    const reopened = r.send('revise', 30, 'ma.lin');
    expect(reopened.state).toBe('review');
    expect(reopened.effects).toEqual([
      expect.objectContaining({ type: 'closeTask', status: 'DONE', decision: 'revise' }),
      expect.objectContaining({ type: 'cancelTimer', event: 'timer.review.1' }),
      expect.objectContaining({ type: 'openTask', name: 'review', assignee: 'wu.xia', dueAt: at(54) }),
      expect.objectContaining({ type: 'scheduleTimer', event: 'timer.review.1', dueAt: at(54) }),
      expect.objectContaining({ type: 'scheduleTimer', event: 'timer.review.2', dueAt: at(34) }),
    ]);
    const context = reopened.context as InstanceContext;
    expect(context.escalation).toBeUndefined();
    expect(context.timers.map((t) => [t.event, t.dueAt])).toEqual([
      ['timer.review.0', at(72)],
      ['timer.review.1', at(54)],
      ['timer.review.2', at(34)],
    ]);

    // The new opening climbs from its first rung again.
    const again = r.send('timer.review.1', 54);
    expect(again.effects[0]).toMatchObject({
      type: 'reassignTask',
      level: 1,
      previousAssignee: 'wu.xia',
      assignee: 'ma.lin',
    });
  });
});
