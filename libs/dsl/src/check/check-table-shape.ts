import type { Check } from './context';
import { domainFor } from './tables/column-domain';

/** Each row has one cell per column and output; a table has rows; no cell is impossible to match. */
export const checkTableShape: Check = (ctx) => {
  for (const table of ctx.flow.tables) {
    const sig = ctx.typed.tables.get(table);
    const columns = table.params.length;
    const outputs = table.outputs.length;
    if (table.rows.length === 0) {
      ctx.report.warning(
        table.name.span,
        'table/no-rows',
        `The table ${table.name.name} has no rows`,
        'add rows such as `| - | 1% |`',
      );
    }
    for (const row of table.rows) {
      const count = row.cells.length + row.outputs.length;
      if (row.cells.length !== columns || row.outputs.length !== outputs) {
        ctx.report.error(
          row.span,
          'table/wrong-cell-count',
          `This row has ${count} cell${count === 1 ? '' : 's'}; the table ${table.name.name} needs ${columns + outputs} (${columns} column${columns === 1 ? '' : 's'}, ${outputs} output${outputs === 1 ? '' : 's'})`,
          'write `-` in a column that may hold any value',
        );
        continue;
      }
      row.cells.forEach((cell, i) => {
        const ir = ctx.typed.cells.get(cell);
        const domain = sig && domainFor(sig.inputs[i].type);
        const set = ir && domain?.fromCell(ir);
        if (domain && set !== undefined && domain.isEmpty(set)) {
          ctx.report.error(
            cell.span,
            'table/empty-cell',
            `This cell matches no value of ${sig.inputs[i].name}`,
            'check the bounds: a range runs from the lower to the higher value',
          );
        }
      });
    }
  }
};
