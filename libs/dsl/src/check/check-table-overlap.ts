import type { Check } from './context';
import { describePoint, intersectBoxes, tableSpace } from './tables/boxes';

/**
 * Under `hit unique` exactly one row may match any input. Two rows whose literal cells can both match
 * one input are reported at the later row, with such an input.
 */
export const checkTableOverlap: Check = (ctx) => {
  for (const table of ctx.flow.tables) {
    const sig = ctx.typed.tables.get(table);
    if (sig?.hit !== 'unique') continue;
    const space = tableSpace(ctx, sig, table.rows);
    if (!space) continue;
    const names = sig.inputs.map((i) => i.name);
    space.rows.forEach((row, j) => {
      if (!row) return;
      for (let i = 0; i < j; i++) {
        const earlier = space.rows[i];
        const both = earlier && intersectBoxes(space.domains, earlier, row);
        if (!both) continue;
        ctx.report.error(
          table.rows[j].span,
          'table/overlap',
          `Rows ${i + 1} and ${j + 1} of ${table.name.name} (lines ${table.rows[i].span.line} and ${table.rows[j].span.line}) both match ${describePoint(space.domains, names, both)}, but the table is \`hit unique\``,
          'make the rows exclusive (ranges such as `[1% .. 3%)` do not overlap `[3% .. 5%)`), or use `hit first`',
        );
        return;
      }
    });
  }
};
