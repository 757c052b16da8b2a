import type { TableRow } from '../../ast/flow';
import type { CellIR } from '../../ir/flow-ir';
import type { CheckContext } from '../context';
import type { TypedTable } from '../typing/typed-flow';
import { type ColumnDomain, domainFor } from './column-domain';

/** The inputs a row matches: one set per column. */
export type Box = unknown[];

/**
 * How many box subtractions one check may spend on a table. Past it the check gives up silently: the
 * answer is unknown, and a wrong report would be worse than none. Ample for tables people write.
 */
export const WORK_BUDGET = 200_000;

/** Work left for one table's check; shared by the residuals it computes. */
export interface Budget {
  left: number;
}

/**
 * A decision table seen as boxes in the space of its inputs, for the overlap, shadowing and gap checks.
 * `rows[i]` is exactly what row i matches, or undefined when a cell cannot be analysed (not a literal, or
 * a type error); `over[i]` is a box that surely contains it (such cells taken as "any").
 */
export interface TableSpace {
  domains: ColumnDomain[];
  rows: (Box | undefined)[];
  over: Box[];
  full: Box;
}

export function tableSpace(ctx: CheckContext, sig: TypedTable, rows: TableRow[]): TableSpace | undefined {
  const domains = sig.inputs.map((i) => domainFor(i.type));
  if (domains.some((d) => !d)) return undefined;
  const ds = domains as ColumnDomain[];
  const cellSets = rows.map((row) =>
    ds.map((d, i) => {
      const ir: CellIR | undefined = row.cells[i] && ctx.typed.cells.get(row.cells[i]);
      return ir && d.fromCell(ir);
    }),
  );
  return {
    domains: ds,
    rows: cellSets.map((sets) => (sets.every((s) => s !== undefined) ? sets : undefined)),
    over: cellSets.map((sets) => sets.map((s, i) => s ?? ds[i].full)),
    full: ds.map((d) => d.full),
  };
}

export function intersectBoxes(domains: ColumnDomain[], a: Box, b: Box): Box | undefined {
  const out = a.map((s, i) => domains[i].intersect(s, b[i]));
  return out.some((s, i) => domains[i].isEmpty(s)) ? undefined : out;
}

/** `b` without `a`, as disjoint non-empty boxes: outside `a` on column d, inside it on the columns before d. */
export function subtractBox(domains: ColumnDomain[], b: Box, a: Box): Box[] {
  // Most pairs of rows are disjoint: answer those before building any piece.
  if (!intersectBoxes(domains, b, a)) return [b];
  const pieces: Box[] = [];
  const inside = [...b];
  for (let d = 0; d < domains.length; d++) {
    const outside = domains[d].minus(b[d], a[d]);
    if (!domains[d].isEmpty(outside)) pieces.push([...inside.slice(0, d), outside, ...b.slice(d + 1)]);
    inside[d] = domains[d].intersect(b[d], a[d]);
  }
  return pieces;
}

/** What is left of `start` after taking away `boxes`; undefined when the budget runs out first. */
export function residual(
  domains: ColumnDomain[],
  start: Box,
  boxes: Box[],
  budget: Budget,
): Box[] | undefined {
  let rest = [start];
  for (const box of boxes) {
    budget.left -= rest.length;
    if (budget.left < 0) return undefined;
    rest = rest.flatMap((piece) => subtractBox(domains, piece, box));
    if (rest.length === 0) break;
  }
  return rest;
}

/** `name = value, …` for one point of a box, as shown in diagnostics. */
export function describePoint(domains: ColumnDomain[], names: string[], box: Box): string {
  return box.map((s, i) => `${names[i]} = ${domains[i].show(s)}`).join(', ');
}
