import { compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { engineContext, sequentialIds } from '../testing';
import type { PersistedSnapshot, StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

function flow(body: string): FlowIR {
  const r = compile(`flow hold_t v1 "Hold" {\n  input { unit: string }\n${body}\n}`);
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
    start(): StepOk {
      const r = ok(start(ir, { unit: 'A-0101' }, engineContext({ now: at(0), actor: 'li.na', newId })));
      snapshot = r.snapshot;
      return r;
    },
    send(type: string, hours: number, actor: string | null = null): StepResult {
      const r = step(ir, snapshot, { type }, engineContext({ now: at(hours), actor, newId }));
      if (r.ok) snapshot = r.snapshot;
      return r;
    },
  };
}

// The hold of unit-confirmation in small: the deadline is set once and read by two steps.
const HOLD = flow(`
  const HOLD_EXPIRY = 24h
  initial state opened {
    always -> drafting do set holdUntil = now + HOLD_EXPIRY
  }
  state drafting {
    task "Draft" assignee user(requester) sla 4h
    on submit -> reviewing
    at var.holdUntil -> expired do notify requester "hold_expired"
  }
  state reviewing {
    task "Review" assignee role(sales_manager) separateFrom requester sla 4h
    on sign -> signed
    at var.holdUntil -> expired do notify requester "hold_expired"
  }
  final state signed
  final state expired`);

describe('at <timestamp> timers', () => {
  it('should schedule the timer at the instant computed when the state is entered', () => {
    const first = runner(HOLD).start();
    expect(first.effects[1]).toEqual({
      type: 'scheduleTimer',
      timerId: 'id-2',
      event: 'timer.drafting.0',
      state: 'drafting',
      dueAt: at(24),
      after: 'at var.holdUntil',
    });
    expect(first.context).toMatchObject({ vars: { holdUntil: at(24) } });
  });

  it('should keep the instant when a later step is entered (the clock does not restart)', () => {
    const r = runner(HOLD);
    r.start();
    const submitted = ok(r.send('submit', 20, 'li.na'));
    expect(submitted.effects.filter((e) => e.type === 'scheduleTimer')).toEqual([
      expect.objectContaining({ event: 'timer.reviewing.0', dueAt: at(24) }),
    ]);
    const expired = ok(r.send('timer.reviewing.0', 24));
    expect(expired).toMatchObject({ state: 'expired', status: 'COMPLETED' });
    expect(expired.effects.at(-1)).toMatchObject({ type: 'notify', to: 'li.na', template: 'hold_expired' });
  });

  it('should schedule an instant already past as due at once', () => {
    const r = runner(HOLD);
    r.start();
    const late = ok(r.send('submit', 30, 'li.na'));
    expect(late.effects.find((e) => e.type === 'scheduleTimer')).toMatchObject({ dueAt: at(24) });
    expect(ok(r.send('timer.reviewing.0', 30))).toMatchObject({ state: 'expired' });
  });

  it('should refuse the step that enters a state whose instant is null', () => {
    const unset = flow(`
  initial state opened {
    always -> waiting when false do set deadline = now
    always -> waiting
  }
  state waiting {
    on done -> finished
    at var.deadline -> finished
  }
  final state finished`);
    const r = start(unset, { unit: 'A-0101' }, engineContext({ now: at(0), actor: 'li.na' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_ACCEPTED' } });
    expect(!r.ok && r.error.message).toContain('`at var.deadline` has no instant');
  });

  it('should re-arm an `at` timer that keeps its state only for a later instant', () => {
    const daily = flow(`
  initial state opened {
    always -> watching do set next = now + 24h, set rounds = 0
  }
  state watching {
    at var.next -> watching when var.rounds < 1 do set next = var.next + 24h, set rounds = var.rounds + 1
    at var.next -> watching when var.rounds >= 1
    on stop -> stopped
  }
  final state stopped`);
    const r = runner(daily);
    r.start();
    const again = ok(r.send('timer.watching.0', 24));
    expect(again.effects).toEqual([
      expect.objectContaining({ type: 'scheduleTimer', event: 'timer.watching.0', dueAt: at(48) }),
    ]);
    // The second timer's instant did not move: it is not re-armed, or it would fire again at once.
    const same = ok(r.send('timer.watching.1', 48));
    expect(same.effects.filter((e) => e.type === 'scheduleTimer')).toEqual([]);
  });
});
