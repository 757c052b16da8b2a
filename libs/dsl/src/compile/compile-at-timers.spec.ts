import { checkSource } from '../check';
import { toMermaid } from '../graph/to-mermaid';
import { expectDiagnostic, expectNoErrors } from '../testing';
import { compile } from './compile';

const SOURCE = `flow hold v1 "Hold" {
  input { unit: string }
  const HOLD_EXPIRY = 24h
  initial state opened {
    always -> held do set holdUntil = now + HOLD_EXPIRY
  }
  state held {
    task "Confirm the hold" assignee user(requester) sla 4h
    after 4h -> held do notify requester "still_held"
    at var.holdUntil -> expired when input.unit != "" do notify requester "hold_expired"
    on confirm -> confirmed
  }
  final state confirmed
  final state expired
}`;

describe('at <timestamp> -> target', () => {
  const result = compile(SOURCE);
  const held = result.ir?.states.find((s) => s.name === 'held');

  it('should compile to a durable timer with the typed instant, numbered with the `after` timers', () => {
    expectNoErrors(result.diagnostics);
    expect(held?.timers).toEqual([
      { after: '4h', event: 'timer.held.0', line: 9 },
      {
        at: { k: 'ref', type: { kind: 'timestamp' }, path: ['var', 'holdUntil'] },
        atText: 'var.holdUntil',
        event: 'timer.held.1',
        line: 10,
      },
    ]);
    expect(held?.on.find((t) => t.event === 'timer.held.1')).toMatchObject({
      target: 'expired',
      guardText: 'input.unit != ""',
      actions: [{ k: 'notify', template: 'hold_expired' }],
    });
    expect(result.ir?.events).toContain('timer.held.1');
  });

  it('should type `timestamp + duration` as a timestamp', () => {
    const set = result.ir?.states.find((s) => s.name === 'opened')?.always[0].actions[0];
    expect(set).toMatchObject({
      k: 'set',
      name: 'holdUntil',
      value: { k: 'binary', type: { kind: 'timestamp' } },
    });
  });

  it('should draw the timer as `at <expression>` in the diagram', () => {
    expect(toMermaid(result.ir!)).toContain(
      '    held --> expired : at var.holdUntil [input.unit != #quot;#quot;]',
    );
  });

  it('should refuse an instant that is not a timestamp, with a hint for a duration', () => {
    const d = expectDiagnostic(
      checkSource(SOURCE.replace('at var.holdUntil', 'at HOLD_EXPIRY')),
      'type/mismatch',
      { line: 10, column: 8 },
    );
    expect(d.message).toBe('The instant of `at` must be a timestamp, not duration');
    expect(d.hint).toContain('after <duration>');
    const s = expectDiagnostic(
      checkSource(SOURCE.replace('at var.holdUntil', 'at input.unit')),
      'type/mismatch',
      {
        line: 10,
        column: 8,
      },
    );
    expect(s.message).toContain('not string');
  });

  it('should refuse a timestamp moved by a bare number', () => {
    const d = expectDiagnostic(
      checkSource(SOURCE.replace('now + HOLD_EXPIRY', 'now + 24')),
      'type/mismatch',
      {
        line: 5,
        column: 45,
      },
    );
    expect(d.hint).toBe('a timestamp moves by a duration, e.g. `now + 24h`');
  });

  it('should not take two `at` timers of a state for one trigger (each has its own instant)', () => {
    const two = SOURCE.replace(
      'on confirm -> confirmed',
      'at now + 1h -> expired\n    on confirm -> confirmed',
    ).replace(' when input.unit != ""', '');
    expect(checkSource(two)).toEqual([]);
  });

  it('should recover after an `at` without an arrow and keep parsing the state', () => {
    const diagnostics = checkSource(
      SOURCE.replace('at var.holdUntil -> expired', 'at var.holdUntil expired'),
    );
    expectDiagnostic(diagnostics, 'syntax/unexpected-token', { line: 10, column: 22 });
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
  });
});
