import type { Check } from './context';
import { describePoint, residual, tableSpace, WORK_BUDGET } from './tables/boxes';

/**
 * A table that no row matches for some input fails at run time when given it. Reported (as a warning,
 * with such an input) only when every row is literal, so the gap is certain.
 */
export const checkTableGaps: Check = (ctx) => {
  for (const table of ctx.flow.tables) {
    const sig = ctx.typed.tables.get(table);
    if (!sig || sig.hit === 'collect' || table.rows.length === 0) continue;
    const space = tableSpace(ctx, sig, table.rows);
    if (!space || space.rows.some((r) => !r)) continue;
    const left = residual(space.domains, space.full, space.rows as unknown[][], { left: WORK_BUDGET });
    if (!left || left.length === 0) continue;
    ctx.report.warning(
      table.name.span,
      'table/gap',
      `No row of ${table.name.name} matches ${describePoint(
        space.domains,
        sig.inputs.map((i) => i.name),
        left[0],
      )}`,
      'add a row for it, or a last catch-all row `| - | … |` under `hit first`',
    );
  }
};
