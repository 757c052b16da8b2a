import { toMermaid } from '../graph/to-mermaid';
import { checkSource } from '../check';
import { expectDiagnostic } from '../testing';
import { compile } from './compile';

const SOURCE = `flow complaint v1 "Complaint" {
  input { customer: string }
  const REPLY_SLA = 24h
  initial state handling {
    task assignee user(requester) sla REPLY_SLA
    after 48h -> closed
    after REPLY_SLA escalate to superior(requester)
    after 30h escalate to role(cs_manager)
    after 4h remind
    on resolve -> closed
  }
  final state closed
}`;

describe('compiling after … escalate / remind', () => {
  const result = compile(SOURCE);
  const handling = result.ir?.states.find((s) => s.name === 'handling');

  it('should compile timers that keep the state after those that leave it, with their actions', () => {
    expect(result.diagnostics).toEqual([]);
    expect(handling?.timers).toEqual([
      { after: '48h', event: 'timer.handling.0', line: 6 },
      {
        after: '24h',
        event: 'timer.handling.1',
        line: 7,
        action: {
          k: 'escalate',
          to: { k: 'superior', of: { k: 'ref', type: { kind: 'user' }, path: ['requester'] } },
        },
      },
      {
        after: '30h',
        event: 'timer.handling.2',
        line: 8,
        action: { k: 'escalate', to: { k: 'role', roles: ['cs_manager'] } },
      },
      { after: '4h', event: 'timer.handling.3', line: 9, action: { k: 'remind' } },
    ]);
  });

  it('should list the timer events in the IR events without adding transitions for them', () => {
    expect(result.ir?.events).toEqual([
      'timer.handling.0',
      'resolve',
      'timer.handling.1',
      'timer.handling.2',
      'timer.handling.3',
    ]);
    expect(handling?.on.map((t) => t.event)).toEqual(['timer.handling.0', 'resolve']);
    expect(handling?.task?.decisions).toEqual(['resolve']);
  });
});

describe('compiling migrate from', () => {
  it('should record how the states of an older version map when it checks', () => {
    const r = compile(`flow change v2 "Change" {
  input { title: string }
  migrate from v1 {
    review -> pm_review
    closed -> done
  }
  initial state pm_review {
    task assignee role(project_manager) separateFrom requester sla 2 workdays
    on approve -> done
  }
  final state done
}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.ir?.migrations).toEqual([{ fromVersion: 1, states: { review: 'pm_review', closed: 'done' } }]);
  });
});

describe('drawing timers that keep the state', () => {
  it('should describe escalations and reminders on the state when it draws the flow', () => {
    const ir = compile(SOURCE).ir!;
    const text = toMermaid(ir);
    expect(text).toContain('    handling : after 24h escalate to a superior\n');
    expect(text).toContain('    handling : after 30h escalate to role(cs_manager)\n');
    expect(text).toContain('    handling : after 4h remind\n');
    expect(text).not.toContain('timer.handling.1');
  });
});

describe('actions on timers that keep the state', () => {
  const source = `flow change v1 "Change" {
  input { title: string }
  initial state review {
    task "Review" assignee role(project_manager) separateFrom requester sla 2 workdays
    after 2 workdays escalate to role(chief_engineer) do notify requester "change_escalated", set escalated = true
    after 1d remind do notify requester "change_overdue"
    on approve -> done when var.escalated == true
    on approve -> done
  }
  final state done
}`;
  const result = compile(source);
  const review = result.ir?.states.find((s) => s.name === 'review');

  it('should compile `do` after escalate and remind into the timer’s actions', () => {
    expect(result.diagnostics).toEqual([]);
    expect(review?.timers.map((t) => [t.action?.k, t.actions])).toEqual([
      [
        'escalate',
        [
          {
            k: 'notify',
            to: { k: 'ref', type: { kind: 'user' }, path: ['requester'] },
            template: 'change_escalated',
          },
          { k: 'set', name: 'escalated', value: { k: 'lit', type: { kind: 'bool' }, value: true } },
        ],
      ],
      [
        'remind',
        [
          {
            k: 'notify',
            to: { k: 'ref', type: { kind: 'user' }, path: ['requester'] },
            template: 'change_overdue',
          },
        ],
      ],
    ]);
  });

  it('should describe the actions next to the timer in the diagram', () => {
    expect(toMermaid(result.ir!)).toContain(
      '    review : after 2 workdays escalate to role(chief_engineer), notify #quot;change_escalated#quot;, set escalated',
    );
  });

  it('should type the actions (a variable a timer sets is known to guards)', () => {
    const wrong = source.replace(
      'notify requester "change_escalated"',
      'notify input.title "change_escalated"',
    );
    expectDiagnostic(checkSource(wrong), 'type/mismatch', { line: 5, column: 65 });
  });

  it('should refuse `void` on a timer that keeps the state', () => {
    const d = expectDiagnostic(
      checkSource(source.replace('do notify requester "change_overdue"', 'do void review')),
      'task/timer-action-void',
      { line: 6, column: 24 },
    );
    expect(d.hint).toContain('`notify` and `set`');
  });

  it('should refuse `when` on such a timer, with a hint', () => {
    const d = expectDiagnostic(
      checkSource(source.replace('after 1d remind do', 'after 1d remind when true do')),
      'syntax/unexpected-token',
      { line: 6, column: 21 },
    );
    expect(d.hint).toContain('fires unconditionally');
  });
});
