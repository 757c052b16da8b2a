import type { Ident } from '../ast/expr';
import type {
  ConstDecl,
  FieldDecl,
  FlowDecl,
  FlowFile,
  KeyDecl,
  MigrationDecl,
  StartDecl,
  UseDecl,
} from '../ast/flow';
import { joinSpans } from '../ast/span';
import type { ExprParser } from './parse-expr';
import { parseState, parseTask } from './parse-state';
import { parseTable } from './parse-table';
import { parseField } from './parse-type';
import { atFlowMember } from './sync';
import type { TokenStream } from './token-stream';

const HEADER_HINT = 'a flow starts with `flow <key> v<N> "Title" {`';

/** `flow KEY vN ["Title"] { member … }` — the whole file. */
export function parseFlowFile(ts: TokenStream, exprs: ExprParser): FlowFile {
  if (!ts.isWord('flow')) {
    if (ts.atEof()) ts.error(ts.peek().span, 'syntax/empty-source', 'The source holds no flow', HEADER_HINT);
    else ts.unexpected('`flow`', HEADER_HINT);
    while (!ts.atEof() && !ts.isWord('flow')) ts.next();
    if (ts.atEof()) return { flow: null };
    ts.panic = false;
  }
  const keyword = ts.next().span;
  const key: Ident = ts.expectName('the flow key, e.g. `discount_approval`') ?? {
    name: '',
    span: ts.peek().span,
  };
  const flow: FlowDecl = {
    key,
    version: 1,
    versionSpan: ts.peek().span,
    title: key.name,
    inputs: [],
    consts: [],
    start: [],
    keys: [],
    tables: [],
    states: [],
    strayTasks: [],
    migrations: [],
    uses: [],
    span: keyword,
  };
  if (!ts.panic) parseVersion(ts, flow);
  if (!ts.panic && ts.peek().kind === 'string') flow.title = ts.next().value;
  if (!ts.panic) ts.expectPunct('{', 'to open the flow body');
  if (ts.panic) {
    ts.skipUntil(() => ts.isPunct('{') || atFlowMember(ts));
    ts.acceptPunct('{');
    ts.panic = false;
  }
  parseMembers(ts, exprs, flow);
  const close = ts.expectPunct('}', `to close the flow "${key.name}"`);
  flow.span = joinSpans(keyword, close?.span ?? ts.previous?.span ?? keyword);
  if (!ts.atEof() && !ts.panic) {
    ts.error(
      ts.peek().span,
      'syntax/trailing-text',
      'Unexpected text after the end of the flow',
      'a file holds exactly one flow',
    );
  }
  return { flow };
}

function parseVersion(ts: TokenStream, flow: FlowDecl): void {
  const t = ts.peek();
  const match = t.kind === 'ident' ? /^v([0-9]+)$/.exec(t.text) : null;
  if (match && Number(match[1]) >= 1 && Number(match[1]) <= 1_000_000) {
    ts.next();
    flow.version = Number(match[1]);
    flow.versionSpan = t.span;
  } else if (match) {
    ts.error(t.span, 'syntax/bad-version', `Version "${t.text}" is out of range`, 'versions count from `v1`');
  } else {
    ts.unexpected('a version such as `v1` after the flow key', HEADER_HINT);
  }
}

function parseMembers(ts: TokenStream, exprs: ExprParser, flow: FlowDecl): void {
  for (;;) {
    // A `}` followed by more members on the next line closes nothing: an extra brace.
    if (ts.isPunct('}') && ts.peek(1).newlineBefore && atFlowMember(ts, 1)) {
      ts.error(
        ts.peek().span,
        'syntax/unexpected-token',
        'Unexpected `}`: no state or table is open here',
        'remove it, or check the braces above',
      );
      ts.next();
      ts.panic = false;
      continue;
    }
    if (ts.isPunct('}') || ts.atEof()) break;
    const before = ts.pos;
    parseMember(ts, exprs, flow);
    if (!ts.panic && !ts.acceptPunct(',') && !ts.isPunct('}') && !ts.peek().newlineBefore && !ts.atEof()) {
      ts.unexpected('a new line or `,` before the next member', 'put each member on a line of its own');
    }
    if (ts.panic) {
      ts.skipUntil(() => ts.peek().newlineBefore && atFlowMember(ts));
      ts.panic = false;
    }
    if (ts.pos === before) ts.next();
  }
}

function parseMember(ts: TokenStream, exprs: ExprParser, flow: FlowDecl): void {
  const t = ts.peek();
  const word = t.kind === 'ident' ? t.text : '';
  if (word === 'input' && ts.isPunct('{', 1)) {
    flow.inputs.push(...parseInput(ts));
  } else if (word === 'const') {
    const decl = parseConst(ts, exprs);
    if (decl) flow.consts.push(decl);
  } else if (word === 'start') {
    const decl = parseStart(ts);
    if (decl) flow.start.push(decl);
  } else if (word === 'key') {
    const decl = parseKey(ts, exprs);
    if (decl) flow.keys.push(decl);
  } else if (word === 'table') {
    const table = parseTable(ts, exprs);
    if (table) flow.tables.push(table);
  } else if (word === 'state' || word === 'initial' || word === 'final') {
    const state = parseState(ts, exprs);
    if (state) flow.states.push(state);
  } else if (word === 'task') {
    flow.strayTasks.push(parseTask(ts, exprs));
  } else if (word === 'migrate' && ts.isWord('from', 1)) {
    const decl = parseMigration(ts);
    if (decl) flow.migrations.push(decl);
  } else if (word === 'use' && ts.peek(1).kind === 'ident') {
    const decl = parseUse(ts);
    if (decl) (flow.uses ??= []).push(decl);
  } else if (word === 'always' || word === 'on' || word === 'after') {
    ts.error(
      t.span,
      'syntax/outside-state',
      `\`${word}\` transitions belong inside a state`,
      'move it into `state … { }`',
    );
  } else {
    ts.unexpected(
      'a flow member (`input`, `const`, `start by`, `use`, `table`, `state` …)',
      'a flow holds `input { … }`, constants, tables and states',
    );
  }
}

/** `input { name: type, name?: type … }`, fields separated by commas or new lines. */
function parseInput(ts: TokenStream): FieldDecl[] {
  ts.next();
  ts.next();
  const fields: FieldDecl[] = [];
  while (!ts.isPunct('}') && !ts.atEof()) {
    if (ts.peek().newlineBefore && atFlowMember(ts)) break;
    const before = ts.pos;
    const field = parseField(ts, 'an input field name');
    if (field) fields.push(field);
    if (!ts.panic && !ts.acceptPunct(',') && !ts.isPunct('}') && !ts.peek().newlineBefore) {
      ts.unexpected(
        '`,` or a new line between input fields',
        'write `input { unit: string, discount: percent }`',
      );
    }
    if (ts.panic) {
      ts.skipUntil(() => ts.peek().newlineBefore || ts.isPunct(','));
      ts.acceptPunct(',');
      ts.panic = false;
    }
    if (ts.pos === before) ts.next();
  }
  ts.expectPunct('}', 'to close `input`');
  return fields;
}

/** `const NAME = expr`. */
function parseConst(ts: TokenStream, exprs: ExprParser): ConstDecl | null {
  const keyword = ts.next().span;
  const name = ts.expectName('a constant name');
  if (!name || !ts.expectPunct('=', `after \`const ${name.name}\``)) return null;
  const value = exprs.parseExpr();
  return { name, value, span: joinSpans(keyword, value.span) };
}

/** `key <expr> unique while active`: the business key of an instance. */
function parseKey(ts: TokenStream, exprs: ExprParser): KeyDecl | null {
  const keyword = ts.next().span;
  const value = exprs.parseExpr();
  const hint = 'write `key input.unit unique while active`';
  if (
    !ts.expectWord('unique', 'after the business key', hint) ||
    !ts.expectWord('while', 'after `unique`', hint)
  )
    return null;
  const active = ts.expectWord('active', 'after `unique while`', hint);
  return active ? { value, span: joinSpans(keyword, active.span) } : null;
}

/** `start by role(a, b)`: who may start the flow. */
function parseStart(ts: TokenStream): StartDecl | null {
  const keyword = ts.next().span;
  if (!ts.expectWord('by', 'after `start`')) return null;
  if (!ts.expectWord('role', 'after `start by`', 'write `start by role(consultant, sales_manager)`'))
    return null;
  if (!ts.expectPunct('(', 'after `role`')) return null;
  const roles: Ident[] = [];
  do {
    const role = ts.expectName('a role name');
    if (!role) return null;
    roles.push(role);
  } while (ts.acceptPunct(','));
  const close = ts.expectPunct(')', 'to close role(…)');
  return close ? { roles, span: joinSpans(keyword, close.span) } : null;
}

/** `use tier, discountRate from commission`: tables of another flow. */
function parseUse(ts: TokenStream): UseDecl | null {
  const keyword = ts.next().span;
  const hint = 'write `use tier, discountRate from commission`';
  const tables: Ident[] = [];
  do {
    const table = ts.expectName('a table name after `use`');
    if (!table) return null;
    tables.push(table);
  } while (ts.acceptPunct(','));
  if (!ts.expectWord('from', 'after the table names', hint)) return null;
  const from = ts.expectName('the key of the flow whose tables are used');
  return from ? { tables, from, span: joinSpans(keyword, from.span) } : null;
}

/** `migrate from vN { old -> new, … }`, mappings separated by commas or new lines. */
function parseMigration(ts: TokenStream): MigrationDecl | null {
  const keyword = ts.next().span;
  ts.next();
  const v = ts.peek();
  const match = v.kind === 'ident' ? /^v([0-9]+)$/.exec(v.text) : null;
  if (!match) {
    ts.unexpected(
      'a version such as `v1` after `migrate from`',
      'e.g. `migrate from v1 { review -> manager_review }`',
    );
    return null;
  }
  ts.next();
  const decl: MigrationDecl = {
    keyword,
    fromVersion: Number(match[1]),
    versionSpan: v.span,
    maps: [],
    span: keyword,
  };
  if (!ts.expectPunct('{', 'to open the state mapping')) return null;
  while (!ts.isPunct('}') && !ts.atEof()) {
    const from = ts.expectName('an old state name');
    if (!from || !ts.expectPunct('->', `after "${from.name}"`)) return null;
    const to = ts.expectName('a state of this version after `->`');
    if (!to) return null;
    decl.maps.push({ from, to });
    ts.acceptPunct(',');
  }
  const close = ts.expectPunct('}', 'to close the state mapping');
  decl.span = joinSpans(keyword, close?.span ?? v.span);
  return decl;
}
