import type { Check, CheckContext } from './context';
import { isLibraryFunction } from './typing/library';
import { ROOT_NAMES } from './typing/type-names';

const LITERAL_FORMS = ['role', 'user', 'team'];

/**
 * Constants may not hide the names expressions start from; tables may not hide library functions; a
 * task may not be called `all` (`void all` means every task), and a task named like another state is
 * a warning: `decision.<name>` would read as that state's decision.
 */
export const checkNameConflicts: Check = (ctx) => {
  for (const decl of ctx.flow.consts) {
    if (ROOT_NAMES.includes(decl.name.name)) {
      ctx.report.error(
        decl.name.span,
        'flow/reserved-name',
        `"${decl.name.name}" is a built-in name and cannot name a constant`,
        'constants are usually written in capitals, e.g. `REVIEW_SLA`',
      );
    }
  }
  checkTaskNames(ctx);
  for (const table of ctx.flow.tables) {
    const name = table.name.name;
    if (isLibraryFunction(name) || LITERAL_FORMS.includes(name)) {
      ctx.report.error(
        table.name.span,
        'table/name-conflict',
        `The table name "${name}" is taken by the built-in function ${name}(…)`,
        `rename the table, e.g. "${name}_table"`,
      );
    }
  }
};

function checkTaskNames(ctx: CheckContext): void {
  for (const state of ctx.flow.states) {
    const name = state.tasks[0]?.name;
    if (!name || name.name === state.name.name) continue;
    if (name.name === 'all') {
      ctx.report.error(
        name.span,
        'task/reserved-name',
        '"all" cannot name a task: `void all` forgets the decisions of every task',
        `choose another name, e.g. \`task ${state.name.name} …\``,
      );
      continue;
    }
    const other = ctx.scope.states.get(name.name);
    if (other && other.tasks.length === 0) {
      ctx.report.warning(
        name.span,
        'task/named-like-state',
        `The task of "${state.name.name}" is named like the state "${name.name}" (line ${other.span.line})`,
        'a reader takes `decision.' + name.name + '` for a decision made in that state; choose another name',
      );
    }
  }
}
