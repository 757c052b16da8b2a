import { checkSource } from '../check';
import { toMermaid } from '../graph/to-mermaid';
import { parse } from '../parser';
import { expectDiagnostic, expectNoErrors } from '../testing';
import { compile } from './compile';

const SOURCE = `flow signing v1 "Signing" {
  input { unit: string }
  initial state review {
    task "Check the form" assignee role(sales_manager) separateFrom requester sla 24h
    on approve -> deposited
  }
  state deposited {
    task contract "Sign the purchase contract" assignee user(requester)
      separateFrom decision.review.by sla 7d
    on sign_contract -> archived
    on send_back -> review do void contract, review
  }
  state archived {
    task file_it assignee role(finance) separateFrom decision.contract.by sla 24h
    on archive -> done
  }
  final state done
}`;

describe('task names', () => {
  it('should parse the name written after `task`, before the title', () => {
    const { ast, diagnostics } = parse(SOURCE);
    expect(diagnostics).toEqual([]);
    const [review, deposited, archived] = ast.flow!.states;
    expect(review.tasks[0].name).toBeUndefined();
    expect(deposited.tasks[0]).toMatchObject({
      name: { name: 'contract' },
      title: 'Sign the purchase contract',
    });
    expect(archived.tasks[0]).toMatchObject({ name: { name: 'file_it' } });
    expect(archived.tasks[0].title).toBeUndefined();
  });

  it('should name the TaskIR after the task and keep the state its own name', () => {
    const result = compile(SOURCE);
    expectNoErrors(result.diagnostics);
    const tasks = result.ir!.states.filter((s) => s.task).map((s) => [s.name, s.task!.name, s.task!.title]);
    expect(tasks).toEqual([
      ['review', 'review', 'Check the form'],
      ['deposited', 'contract', 'Sign the purchase contract'],
      ['archived', 'file_it', 'File it'],
    ]);
  });

  it('should show a task name that differs from its state in the diagram', () => {
    const text = toMermaid(compile(SOURCE).ir!);
    expect(text).toContain('    deposited : Sign the purchase contract (task contract) — a named user');
    expect(text).toContain('    review : Check the form — role(sales_manager)');
  });

  it('should read decisions and void tasks by the task name', () => {
    const ir = compile(SOURCE).ir!;
    const archived = ir.states.find((s) => s.name === 'archived')!;
    expect(archived.task!.separateFrom[0]).toMatchObject({ path: ['decision', 'contract', 'by'] });
    const back = ir.states.find((s) => s.name === 'deposited')!.on.find((t) => t.event === 'send_back')!;
    expect(back.actions).toEqual([{ k: 'void', tasks: ['contract', 'review'] }]);
  });

  it('should list every task name under `void all`', () => {
    const ir = compile(SOURCE.replace('void contract, review', 'void all')).ir!;
    const back = ir.states.find((s) => s.name === 'deposited')!.on.find((t) => t.event === 'send_back')!;
    expect(back.actions).toEqual([{ k: 'void', tasks: ['review', 'contract', 'file_it'] }]);
  });

  it('should point a reference to the state at the task it holds', () => {
    const d = expectDiagnostic(
      checkSource(SOURCE.replace('decision.contract.by', 'decision.deposited.by')),
      'flow/unknown-task',
      { line: 14, column: 63 },
    );
    expect(d.hint).toBe('the task of state "deposited" is named "contract"');
  });

  it('should suggest the task name for a misspelt `void`', () => {
    const d = expectDiagnostic(
      checkSource(SOURCE.replace('void contract, review', 'void contrct, review')),
      'flow/unknown-task',
      { line: 11, column: 36 },
    );
    expect(d.message).toContain('did you mean "contract"');
  });

  it('should refuse two tasks of one name, also against an unnamed task', () => {
    const clash = SOURCE.replace('task file_it', 'task contract');
    expectDiagnostic(checkSource(clash), 'task/duplicate-name', { line: 14, column: 10 });
    const withState = SOURCE.replace('task file_it', 'task review');
    const d = expectDiagnostic(checkSource(withState), 'task/duplicate-name', { line: 14, column: 10 });
    expect(d.message).toContain('the task of "review"');
  });

  it('should report an unnamed task clashing with an earlier named one at its `task` keyword', () => {
    const source = SOURCE.replace('task contract', 'task archived').replace('task file_it', 'task');
    expectDiagnostic(checkSource(source), 'task/duplicate-name', { line: 14, column: 5 });
  });

  it('should refuse `all` as a task name and warn about a task named like a state without a task', () => {
    expectDiagnostic(checkSource(SOURCE.replace('task file_it', 'task all')), 'task/reserved-name', {
      line: 14,
      column: 10,
    });
    const warned = checkSource(SOURCE.replace('task file_it', 'task done'));
    expect(expectDiagnostic(warned, 'task/named-like-state', { line: 14, column: 10 }).severity).toBe(
      'warning',
    );
  });

  it('should read a misspelt clause as one, not as a name, and a name close to a clause as a name', () => {
    const typo = checkSource(SOURCE.replace('task file_it assignee', 'task asignee'));
    const d = expectDiagnostic(typo, 'syntax/unexpected-token', { line: 14, column: 10 });
    expect(d.hint).toBe('did you mean `assignee`?');
    expect(typo.filter((x) => x.code === 'task/missing-assignee')).toEqual([]);
    const named = compile(SOURCE.replace('task file_it', 'task approvals'));
    expect(named.ir?.states.find((s) => s.name === 'archived')?.task?.name).toBe('approvals');
  });

  it('should not take a clause keyword or a word on the next line for a name', () => {
    const { ast, diagnostics } = parse(`flow f v1 {
  initial state s {
    task
      assignee role(a) sla 24h
    on go -> done
  }
  final state done
}`);
    expect(diagnostics).toEqual([]);
    expect(ast.flow!.states[0].tasks[0]).toMatchObject({ assignee: { k: 'role' } });
    expect(ast.flow!.states[0].tasks[0].name).toBeUndefined();
  });
});
