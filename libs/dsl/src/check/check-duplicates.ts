import type { Ident } from '../ast/expr';
import type { Check, CheckContext } from './context';

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
