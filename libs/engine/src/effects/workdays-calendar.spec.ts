import { type BusinessCalendar, compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { engineContext, sequentialIds } from '../testing';
import type { StepOk, StepResult } from '../types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

function flow(body: string): FlowIR {
  const r = compile(`flow due_t v1 "Due" {\n  input { unit: string }\n${body}\n}`);
  if (!r.ok || !r.ir)
    throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return r.ir;
}

/** Friday 2026-12-04 is a public holiday (a configured calendar, as the store would load it). */
const WITH_HOLIDAY: BusinessCalendar = {
  isWorkingDay(t) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day === '2026-12-04') return false;
    const weekday = new Date(t).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  },
};

// The deadline is computed by an expression and by an `after` timer in the same step.
const DUE = flow(`
  initial state opened {
    always -> waiting do set due = now + 2 workdays
  }
  state waiting {
    on done -> finished
    after 2 workdays -> late
  }
  final state finished
  final state late`);

const THURSDAY = '2026-12-03T09:00:00.000Z';

describe('now + n workdays on the instance’s business calendar', () => {
  it('should give the same instant as the `after` timer when a holiday lies in between', () => {
    const r = ok(
      start(
        DUE,
        { unit: 'A-0101' },
        {
          ...engineContext({ now: THURSDAY, newId: sequentialIds() }),
          calendar: WITH_HOLIDAY,
        },
      ),
    );
    const timer = r.effects.find((e) => e.type === 'scheduleTimer');
    // Thu + 2: Friday is the holiday, so Monday (1) and Tuesday (2).
    expect(timer).toMatchObject({ dueAt: '2026-12-08T09:00:00.000Z', after: '2 workdays' });
    expect(r.context).toMatchObject({ vars: { due: '2026-12-08T09:00:00.000Z' } });
  });

  it('should count Monday to Friday in both when the caller has no calendar', () => {
    const r = ok(start(DUE, { unit: 'A-0101' }, engineContext({ now: THURSDAY, newId: sequentialIds() })));
    const timer = r.effects.find((e) => e.type === 'scheduleTimer');
    expect(timer).toMatchObject({ dueAt: '2026-12-07T09:00:00.000Z' });
    expect(r.context).toMatchObject({ vars: { due: '2026-12-07T09:00:00.000Z' } });
  });
});
