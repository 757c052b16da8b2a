import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, compile, flowHash, toMermaid, type FlowIR, type StateIR } from '../src';

const source = readFileSync(join(__dirname, '../../../workflows/discount-approval.flow'), 'utf8');

function compiled(text = source): FlowIR {
  const result = compile(text);
  if (!result.ir) throw new Error(`expected the flow to compile: ${JSON.stringify(result.diagnostics)}`);
  return result.ir;
}

const state = (ir: FlowIR, name: string): StateIR => {
  const found = ir.states.find((s) => s.name === name);
  if (!found) throw new Error(`no state ${name}`);
  return found;
};

describe('workflows/discount-approval.flow', () => {
  it('should compile with no errors and no warnings', () => {
    const result = compile(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('should have the public face fixed in PROCESSES.md', () => {
    const ir = compiled();
    expect([ir.key, ir.version, ir.title]).toEqual(['discount_approval', 1, 'Discount approval']);
    expect(ir.input).toEqual([
      { name: 'unit', type: { kind: 'string' } },
      { name: 'listPrice', type: { kind: 'money', currency: 'CNY' } },
      { name: 'discount', type: { kind: 'percent' } },
    ]);
    expect(ir.states.filter((s) => s.final).map((s) => s.name)).toEqual(['approved', 'rejected']);
    expect(ir.events).toEqual(['approve', 'reject']);
  });

  it.each([
    ['manager_review', ['sales_manager']],
    ['director_review', ['sales_director']],
    ['vp_review', ['vice_president', 'general_manager']],
  ])('should give %s a task for %j deciding approve or reject, never by the requester', (name, roles) => {
    const task = state(compiled(), name).task;
    expect(task).toMatchObject({
      name,
      assignee: { k: 'role', roles },
      decisions: ['approve', 'reject'],
      sla: '24h',
    });
    expect(task?.separateFrom).toEqual([{ k: 'ref', type: { kind: 'user' }, path: ['requester'] }]);
  });

  it('should route from the initial state through a `hit first` table read from the directory', () => {
    const ir = compiled();
    expect(ir.initial).toBe('submitted');
    const [table] = ir.tables;
    expect(table).toMatchObject({ name: 'route', hit: 'first' });
    expect(table.rows.map((r) => r.outputs[0])).toEqual(
      ['auto', 'manager', 'director', 'vice_president'].map((value): unknown =>
        expect.objectContaining({ k: 'lit', value }),
      ),
    );
    // Authorities are data: the cells call the directory, they hold no percentage literal.
    expect(table.rows[1].cells[1]).toMatchObject({
      k: 'cmp',
      op: '<=',
      value: { k: 'call', fn: 'authority' },
    });
    expect(state(ir, 'routing').always.map((t) => [t.target, t.guardText])).toEqual([
      ['approved', 'var.reviewer == auto'],
      ['manager_review', 'var.reviewer == manager'],
      ['director_review', 'var.reviewer == director'],
      ['vp_review', undefined],
    ]);
  });

  it('should compute the net price by rule as money, rounded to the fen', () => {
    const [step] = state(compiled(), 'submitted').always;
    const netPrice = step.actions.find((a) => a.k === 'set' && a.name === 'netPrice');
    expect(netPrice).toMatchObject({
      value: { k: 'call', fn: 'round', type: { kind: 'money', currency: 'CNY' } },
    });
  });

  it('should inline the SLA constant and keep it in the constants', () => {
    expect(compiled().constants).toEqual([{ name: 'REVIEW_SLA', type: { kind: 'duration' }, value: '24h' }]);
  });

  it('should survive a round trip through JSON unchanged', () => {
    const ir = compiled();
    const back = JSON.parse(JSON.stringify(ir)) as FlowIR;
    expect(back).toEqual(ir);
    expect(canonicalJson(back)).toBe(canonicalJson(ir));
    expect(flowHash(back)).toBe(ir.hash);
  });

  it('should hash to the same value on every compile', () => {
    const ir = compiled();
    expect(ir.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(compiled().hash).toBe(ir.hash);
    expect(flowHash(ir)).toBe(ir.hash);
  });

  it('should hash differently when the source changes what the flow does', () => {
    expect(compiled(source.replace('const REVIEW_SLA = 24h', 'const REVIEW_SLA = 48h')).hash).not.toBe(
      compiled().hash,
    );
  });

  it('should keep the hash when only a comment at the end of a line changes', () => {
    const edited = source.replace('const REVIEW_SLA = 24h', 'const REVIEW_SLA = 24h // per PROCESSES.md');
    expect(compiled(edited).hash).toBe(compiled().hash);
  });

  it('should draw the flow as a Mermaid state diagram', () => {
    expect(toMermaid(compiled())).toBe(
      [
        'stateDiagram-v2',
        '    [*] --> submitted',
        '    submitted --> routing',
        '    routing --> approved : [var.reviewer == auto]',
        '    routing --> manager_review : [var.reviewer == manager]',
        '    routing --> director_review : [var.reviewer == director]',
        '    routing --> vp_review',
        '    manager_review : Discount review (sales manager) — role(sales_manager)',
        '    manager_review --> approved : approve',
        '    manager_review --> rejected : reject',
        '    director_review : Discount review (sales director) — role(sales_director)',
        '    director_review --> approved : approve',
        '    director_review --> rejected : reject',
        '    vp_review : Discount sign-off (vice president or above) — role(vice_president, general_manager)',
        '    vp_review --> approved : approve',
        '    vp_review --> rejected : reject',
        '    approved --> [*]',
        '    rejected --> [*]',
        '',
      ].join('\n'),
    );
  });
});
