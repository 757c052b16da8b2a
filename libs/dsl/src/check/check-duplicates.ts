import type { Ident } from '../ast/expr';
import type { Check, CheckContext } from './context';
import { taskName } from './task-names';

/** Two declarations of one name: the second (and later) is reported; the first one is used. */
export const checkDuplicates: Check = (ctx) => {
  const { flow } = ctx;
  reportDuplicates(
    ctx,
    flow.states.map((s) => s.name),
    'flow/duplicate-state',
    'state',
  );
  reportDuplicates(
    ctx,
    flow.inputs.map((f) => f.name),
    'flow/duplicate-field',
    'input field',
  );
  reportDuplicates(
    ctx,
    flow.consts.map((c) => c.name),
    'flow/duplicate-const',
    'constant',
  );
  reportDuplicates(
    ctx,
    flow.tables.map((t) => t.name),
    'table/duplicate',
    'table',
  );
  for (const table of flow.tables) {
    reportDuplicates(
      ctx,
      [...table.params, ...table.outputs].map((f) => f.name),
      'table/duplicate-column',
      'column',
    );
  }
  reportDuplicateTasks(ctx);
  for (const extra of flow.keys.slice(1)) {
    ctx.report.error(
      extra.span,
      'flow/duplicate-key',
      'A flow has one business key',
      'keep the one `key` that identifies an instance',
    );
  }
  for (const extra of flow.start.slice(1)) {
    ctx.report.error(
      extra.span,
      'flow/duplicate-start',
      '`start by` is given twice',
      'list every role in one `start by role(…)`',
    );
  }
};

function reportDuplicates(ctx: CheckContext, names: Ident[], code: string, what: string): void {
  const first = new Map<string, Ident>();
  for (const name of names) {
    const earlier = first.get(name.name);
    if (!earlier) {
      first.set(name.name, name);
      continue;
    }
    ctx.report.error(
      name.span,
      code,
      `Duplicate ${what} "${name.name}" (first declared on line ${earlier.span.line})`,
      `rename or remove one of them`,
    );
  }
}

/**
 * Task names are unique in a flow: `decision.<task>`, `void <task>` and the API address a task by name.
 * A task without a name of its own takes its state's, so `task review` in one state clashes with the
 * unnamed task of a state called `review`.
 */
function reportDuplicateTasks(ctx: CheckContext): void {
  const first = new Map<string, { state: string; line: number }>();
  for (const state of ctx.flow.states) {
    const [task] = state.tasks;
    if (!task) continue;
    const name = taskName(state, task);
    const earlier = first.get(name.name);
    if (!earlier) {
      first.set(name.name, { state: state.name.name, line: name.span.line });
      continue;
    }
    ctx.report.error(
      task.name?.span ?? task.keyword,
      'task/duplicate-name',
      `Duplicate task "${name.name}" (the task of "${earlier.state}", line ${earlier.line}, has that name)`,
      task.name
        ? 'give each task its own name'
        : `name this task, e.g. \`task ${state.name.name}_task "…"\`, or rename the other one`,
    );
  }
}
