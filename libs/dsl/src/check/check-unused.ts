import type { Check } from './context';
import { allExprs } from './walk';

/** A constant or table that nothing reads is likely a leftover or a misspelt reference: a warning. */
export const checkUnused: Check = (ctx) => {
  const used = new Set<string>();
  for (const e of allExprs(ctx.flow)) {
    if (e.k === 'name') used.add(e.name);
    if (e.k === 'call') used.add(e.callee.name);
  }
  for (const decl of ctx.scope.consts.values()) {
    if (!used.has(decl.name.name)) {
      ctx.report.warning(
        decl.name.span,
        'flow/unused-constant',
        `The constant ${decl.name.name} is never used`,
        'use it or remove it',
      );
    }
  }
  for (const table of ctx.scope.tables.values()) {
    if (!used.has(table.name.name)) {
      ctx.report.warning(
        table.name.span,
        'table/unused',
        `The table ${table.name.name} is never used`,
        `call it like a function: \`${table.name.name}(…)\``,
      );
    }
  }
};
