import type { Check } from './context';
import { isLibraryFunction } from './typing/library';
import { ROOT_NAMES } from './typing/type-names';

const LITERAL_FORMS = ['role', 'user', 'team'];

/** Constants may not hide the names expressions start from; tables may not hide library functions. */
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
