import type { Check } from './context';
import { residual, tableSpace, WORK_BUDGET } from './tables/boxes';

/**
 * Under `hit first` a row that matches only inputs that earlier rows already match can never be chosen.
 * Rows with non-literal cells are over-approximated when tested and left out when shadowing, so every
 * report is certain.
 */
export const checkTableShadowing: Check = (ctx) => {
  for (const table of ctx.flow.tables) {
    const sig = ctx.typed.tables.get(table);
    if (sig?.hit !== 'first') continue;
    const space = tableSpace(ctx, sig, table.rows);
    if (!space) continue;
    const budget = { left: WORK_BUDGET };
    space.over.forEach((row, j) => {
      const earlier = space.rows.slice(0, j).flatMap((box, i) => (box ? [{ box, i }] : []));
      const left = residual(
        space.domains,
        row,
        earlier.map((e) => e.box),
        budget,
      );
      if (!left || left.length > 0 || earlier.length === 0) return;
      const by = earlier.map((e) => `${e.i + 1} (line ${table.rows[e.i].span.line})`);
      ctx.report.warning(
        table.rows[j].span,
        'table/shadowed-row',
        `Row ${j + 1} of ${table.name.name} is never chosen: under \`hit first\`, row${by.length > 1 ? 's' : ''} ${by.join(', ')} already match${by.length > 1 ? '' : 'es'} every input it matches`,
        'move it above the rows that cover it, or remove it',
      );
    });
  }
};
