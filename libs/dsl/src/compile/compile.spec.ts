import { compile, flowHash, type FlowIR } from '..';
import { expectNoErrors } from '../testing';

const build = (source: string): FlowIR => {
  const result = compile(source);
  expectNoErrors(result.diagnostics);
  if (!result.ir) throw new Error('no IR');
  return result.ir;
};

const ESCALATION = `flow complaint_reply v2 "Reply to a complaint" {
  input { customer: string, owner: user, severity?: normal | major }
  const REPLY_SLA = 24h
  start by role(cs_agent, cs_supervisor, cs_agent)

  initial state reply {
    task assignee user(input.owner) separateFrom requester sla REPLY_SLA
    on answer -> closed
    on answer -> closed
    on escalate -> supervisor
    after REPLY_SLA -> supervisor do notify input.owner "reply_overdue"
    after 3d -> closed when input.severity == normal
  }
  state supervisor {
    task "Supervise"   assignee   superior(input.owner) sla 2 workdays
    on answer -> closed when   decision.reply.by
                              != requester
  }
  final state closed
}`;

describe('compile', () => {
  it('should compile `after` into a durable timer plus an `on` transition for its event', () => {
    const [reply] = build(ESCALATION).states;
    expect(reply.timers).toEqual([
      { after: '24h', event: 'timer.reply.0', line: 11 },
      { after: '3d', event: 'timer.reply.1', line: 12 },
    ]);
    expect(reply.on.map((t) => [t.event, t.target, t.line])).toEqual([
      ['answer', 'closed', 8],
      ['answer', 'closed', 9],
      ['escalate', 'supervisor', 10],
      ['timer.reply.0', 'supervisor', 11],
      ['timer.reply.1', 'closed', 12],
    ]);
    expect(reply.on[3].actions).toEqual([
      {
        k: 'notify',
        to: { k: 'ref', type: { kind: 'user' }, path: ['input', 'owner'] },
        template: 'reply_overdue',
      },
    ]);
  });

  it('should list every event the flow accepts, timers included, once each', () => {
    expect(build(ESCALATION).events).toEqual(['answer', 'escalate', 'timer.reply.0', 'timer.reply.1']);
  });

  it("should derive a task's decisions from its state's own events, without timers or duplicates", () => {
    const [reply, supervisor] = build(ESCALATION).states;
    expect(reply.task).toEqual({
      name: 'reply',
      title: 'Reply',
      assignee: { k: 'user', user: { k: 'ref', type: { kind: 'user' }, path: ['input', 'owner'] } },
      separateFrom: [{ k: 'ref', type: { kind: 'user' }, path: ['requester'] }],
      decisions: ['answer', 'escalate'],
      sla: '24h',
      line: 7,
    });
    expect(supervisor.task).toMatchObject({
      title: 'Supervise',
      assignee: { k: 'superior' },
      sla: '2 workdays',
      separateFrom: [],
    });
  });

  it('should keep the guard as written, on one line', () => {
    const supervisor = build(ESCALATION).states[1];
    expect(supervisor.on[0].guardText).toBe('decision.reply.by != requester');
  });

  it('should carry the header, optional inputs and start roles', () => {
    const ir = build(ESCALATION);
    expect([ir.irVersion, ir.key, ir.version, ir.title, ir.initial]).toEqual([
      1,
      'complaint_reply',
      2,
      'Reply to a complaint',
      'reply',
    ]);
    expect(ir.input[2]).toEqual({
      name: 'severity',
      type: { kind: 'enum', values: ['normal', 'major'] },
      optional: true,
    });
    expect(ir.startRoles).toEqual(['cs_agent', 'cs_supervisor']);
  });

  it('should leave out absent optional parts instead of writing undefined', () => {
    const ir = build(ESCALATION);
    const keys = JSON.stringify(ir, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));
    expect(keys).not.toContain('<undefined>');
    expect(Object.keys(ir.states[2])).toEqual(['name', 'final', 'line', 'always', 'on', 'timers']);
  });

  it('should give the record of the outputs as the type of a table with several outputs', () => {
    const ir = build(`flow f v1 {
  table t(a: int) -> (cap: percent, label: string) hit any {
    | - | 5% | "x" |
  }
  initial state a {
    always -> b do set r = t(1)
  }
  final state b
}`);
    const [set] = ir.states[0].always[0].actions;
    expect(set.k === 'set' && set.value.type).toEqual({
      kind: 'record',
      fields: [
        { name: 'cap', type: { kind: 'percent' } },
        { name: 'label', type: { kind: 'string' } },
      ],
    });
    expect(ir.tables[0]).toMatchObject({ hit: 'any', line: 2, rows: [{ line: 3 }] });
  });

  it('should compile the business key, and leave it out of flows without one', () => {
    const keyed = build(
      'flow f v1 {\n  input { unit: string }\n  key input.unit unique while active\n  initial state a { on go -> b }\n  final state b\n}',
    );
    expect(keyed.businessKey).toEqual({ k: 'ref', type: { kind: 'string' }, path: ['input', 'unit'] });
    expect('businessKey' in build(ESCALATION)).toBe(false);
  });

  it('should hash the IR without its hash field', () => {
    const ir = build(ESCALATION);
    const { hash, ...rest } = ir;
    expect(flowHash(rest)).toBe(hash);
    expect(flowHash({ ...rest, title: 'other' })).not.toBe(hash);
  });

  it('should return diagnostics and no IR when there are errors, and keep warnings when there are none', () => {
    expect(compile('flow f v1 { initial state a { on x -> nowhere } }')).toMatchObject({
      ok: false,
      ir: null,
    });
    const warned = compile(
      'flow f v1 {\n  const UNUSED = 1\n  initial state a { on x -> b }\n  final state b\n}',
    );
    expect(warned.ok).toBe(true);
    expect(warned.ir).not.toBeNull();
    expect(warned.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'flow/unused-constant'],
    ]);
  });
});
