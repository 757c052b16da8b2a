import type { Ident } from '../ast/expr';
import type { FlowDecl, UseDecl } from '../ast/flow';
import { compile } from '../compile/compile';
import type { ExprIR, FlowIR, TableIR, TableOriginIR, TypeIR } from '../ir/flow-ir';
import type { CheckOptions, Reporter } from './context';
import { didYouMean } from './suggest';
import { T } from './types';
import { isLibraryFunction } from './typing/library';
import type { TypedTable } from './typing/typed-flow';

const LITERAL_FORMS = ['role', 'user', 'team'];

/** The tables a flow takes from other flows: what the typer calls, and the copies for the IR. */
export interface UsedTables {
  /** Signatures of the tables named in `use`, callable by those names. */
  signatures: Map<string, TypedTable>;
  /** Copies for the IR, each with its origin: the named tables and the tables they call. */
  tables: TableIR[];
}

/**
 * Resolves every `use … from …` of a flow through `options.resolve`, reporting unknown flows and tables,
 * name clashes, cycles and flows that do not compile. A used table is copied with the tables it calls
 * (constants are already inlined in a compiled table); each copy keeps the flow version it came from.
 */
export function resolveUses(flow: FlowDecl, options: CheckOptions, report: Reporter): UsedTables {
  const used: UsedTables = { signatures: new Map(), tables: [] };
  const uses = flow.uses ?? [];
  if (uses.length === 0) return used;
  const local = new Map(flow.tables.map((t) => [t.name.name, t]));
  const copies = new Map<string, TableIR>();
  for (const use of uses) {
    const ir = loadFlow(flow, use, options, report);
    if (!ir) continue;
    for (const name of use.tables) {
      const table = pickTable(ir, use, name, report);
      if (!table || !fitsName(name, use, local, used, report)) continue;
      const bundle = withDependencies(ir, table);
      const constant = bundle.flatMap((t) => reads(t).constants)[0];
      if (constant) {
        report.error(
          name.span,
          'flow/use-needs-constant',
          `The table ${name.name} of "${use.from.name}" reads its constant ${constant}, which cannot be brought along`,
          `write the value into the table's rows in "${use.from.name}", or declare the table here`,
        );
        continue;
      }
      const clash = bundle.find((t) => clashes(t, local, copies));
      if (clash) {
        report.error(
          name.span,
          'flow/use-dependency-clash',
          `The table ${name.name} of "${use.from.name}" calls its table "${clash.name}", which clashes with ${
            local.has(clash.name)
              ? `the table "${clash.name}" of this flow`
              : `another used table "${clash.name}"`
          }`,
          `rename the table "${clash.name}" of this flow, or do not use ${name.name}`,
        );
        continue;
      }
      for (const t of bundle) {
        if (!copies.has(t.name)) {
          copies.set(t.name, t);
          used.tables.push(t);
        }
      }
      used.signatures.set(name.name, signatureOf(table));
    }
  }
  return used;
}

/** The compiled flow a `use` names, or null (reported). */
function loadFlow(flow: FlowDecl, use: UseDecl, options: CheckOptions, report: Reporter): FlowIR | null {
  const key = use.from.name;
  const chain = [...(options.usedBy ?? []), flow.key.name];
  if (chain.includes(key)) {
    report.error(
      use.from.span,
      'flow/use-cycle',
      key === flow.key.name
        ? `The flow "${key}" cannot use its own tables`
        : `Flows use each other's tables in a cycle: ${[...chain, key].join(' → ')}`,
      key === flow.key.name
        ? 'call the table directly, without `use`'
        : 'move the shared tables into one flow that uses none of the others',
    );
    return null;
  }
  if (!options.resolve) {
    report.error(
      use.span,
      'flow/use-no-resolver',
      `This flow uses tables of "${key}", but nothing here can look up other flows`,
      'check or compile it with the other flows at hand: `signet check` reads the `.flow` files next to it, a deploy reads the deployed flows',
    );
    return null;
  }
  const found = options.resolve(key);
  if (found === undefined) {
    report.error(
      use.from.span,
      'flow/use-unknown-flow',
      `No flow "${key}" is known${didYouMean(key, options.flowKeys ?? [])}`,
      'deploy that flow first, or put its `.flow` file next to this one',
    );
    return null;
  }
  if (typeof found !== 'string') return checkKey(found, use, report);
  const nested = compile(found, { ...options, usedBy: chain });
  if (nested.ir) return checkKey(nested.ir, use, report);
  const cycle = nested.diagnostics.find((d) => d.code === 'flow/use-cycle');
  const first = cycle ?? nested.diagnostics.find((d) => d.severity === 'error');
  report.error(
    use.from.span,
    cycle ? 'flow/use-cycle' : 'flow/use-flow-has-errors',
    cycle
      ? cycle.message
      : `The flow "${key}" does not compile${first ? ` (line ${first.line}:${first.column}: ${first.message})` : ''}`,
    cycle
      ? 'move the shared tables into one flow that uses none of the others'
      : `fix "${key}" first, e.g. with \`signet check\``,
  );
  return null;
}

function checkKey(ir: FlowIR, use: UseDecl, report: Reporter): FlowIR | null {
  if (ir.key === use.from.name) return ir;
  report.error(
    use.from.span,
    'flow/use-unknown-flow',
    `Looking up "${use.from.name}" found the flow "${ir.key}"`,
    'name the flow by the key after `flow` in its source',
  );
  return null;
}

function pickTable(ir: FlowIR, use: UseDecl, name: Ident, report: Reporter): TableIR | null {
  const table = ir.tables.find((t) => t.name === name.name && !t.origin);
  if (table) return table;
  const own = ir.tables.filter((t) => !t.origin).map((t) => t.name);
  report.error(
    name.span,
    'flow/use-unknown-table',
    `The flow "${use.from.name}" has no table "${name.name}"${didYouMean(name.name, own)}`,
    own.length
      ? `its tables are ${own.join(', ')}`
      : `"${use.from.name}" declares no table (tables it uses itself cannot be passed on)`,
  );
  return null;
}

/** A used name may not be a local table, a built-in function or another used table. */
function fitsName(
  name: Ident,
  use: UseDecl,
  local: Map<string, { name: Ident }>,
  used: UsedTables,
  report: Reporter,
): boolean {
  const mine = local.get(name.name);
  if (mine) {
    report.error(
      name.span,
      'flow/use-name-clash',
      `"${name.name}" is a table of this flow (line ${mine.name.span.line}) and a table used from "${use.from.name}"`,
      'rename the table of this flow, or leave it out of `use`',
    );
    return false;
  }
  if (isLibraryFunction(name.name) || LITERAL_FORMS.includes(name.name)) {
    report.error(
      name.span,
      'flow/use-name-clash',
      `The table name "${name.name}" is taken by the built-in function ${name.name}(…)`,
      `rename the table in "${use.from.name}"`,
    );
    return false;
  }
  if (used.signatures.has(name.name)) {
    report.error(
      name.span,
      'flow/use-name-clash',
      `The table "${name.name}" is used twice`,
      'name each used table once; tables of two flows need different names',
    );
    return false;
  }
  return true;
}

/** A copy of `table` and of every table of `ir` it calls, directly or not, each with its origin. */
function withDependencies(ir: FlowIR, table: TableIR): TableIR[] {
  const origin: TableOriginIR = { flow: ir.key, version: ir.version, hash: ir.hash };
  const out: TableIR[] = [];
  const seen = new Set<string>();
  const visit = (t: TableIR): void => {
    if (seen.has(t.name)) return;
    seen.add(t.name);
    out.push({ ...t, origin: t.origin ?? origin });
    for (const called of calledTables(t)) {
      const dep = ir.tables.find((x) => x.name === called);
      if (dep) visit(dep);
    }
  };
  visit(table);
  return out;
}

function clashes(t: TableIR, local: Map<string, unknown>, copies: Map<string, TableIR>): boolean {
  if (local.has(t.name)) return true;
  const other = copies.get(t.name);
  return !!other && !sameOrigin(other, t);
}

function sameOrigin(a: TableIR, b: TableIR): boolean {
  return a.origin?.flow === b.origin?.flow && a.origin?.hash === b.origin?.hash;
}

/** The names of the tables a table's cells and outputs call. */
function calledTables(table: TableIR): string[] {
  return reads(table).tables;
}

/** The tables a table's cells and outputs call, and the constants they read (`const.<name>`). */
function reads(table: TableIR): { tables: string[]; constants: string[] } {
  const names: string[] = [];
  const constants: string[] = [];
  const walk = (e: ExprIR): void => {
    switch (e.k) {
      case 'lit':
        return;
      case 'ref':
        if (e.path[0] === 'const' && e.path[1]) constants.push(e.path[1]);
        return;
      case 'unary':
        return walk(e.arg);
      case 'binary':
        walk(e.left);
        return walk(e.right);
      case 'if':
        walk(e.cond);
        walk(e.then);
        return walk(e.else);
      case 'table':
        names.push(e.table);
        return e.args.forEach(walk);
      case 'call':
        return e.args.forEach(walk);
      case 'list':
        return e.items.forEach(walk);
      case 'range':
        walk(e.value);
        walk(e.lo);
        return walk(e.hi);
    }
  };
  for (const row of table.rows) {
    row.outputs.forEach(walk);
    for (const cell of row.cells) {
      if (cell.k === 'eq' || cell.k === 'cmp') walk(cell.value);
      if (cell.k === 'range') {
        walk(cell.lo);
        walk(cell.hi);
      }
      if (cell.k === 'in') cell.values.forEach(walk);
    }
  }
  return { tables: names, constants };
}

/** The typer's view of a compiled table. */
function signatureOf(table: TableIR): TypedTable {
  const single: TypeIR =
    table.outputs.length === 1 ? table.outputs[0].type : { kind: 'record', fields: table.outputs };
  const base = { inputs: table.inputs, outputs: table.outputs, hit: table.hit };
  if (table.hit !== 'collect') return { ...base, result: single };
  if (!table.aggregate) return { ...base, result: T.list(single) };
  return { ...base, aggregate: table.aggregate, result: table.aggregate === 'count' ? T.int : single };
}
