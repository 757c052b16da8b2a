import type { Expr, Ident } from '../ast/expr';
import type {
  ActionDecl,
  ApprovalDecl,
  AssigneeDecl,
  FieldDecl,
  StateDecl,
  TaskDecl,
  TimerActionDecl,
  TransitionDecl,
} from '../ast/flow';
import { joinSpans, type Span } from '../ast/span';
import { RESERVED_WORDS } from '../lexer/token';
import { closestName } from '../values/closest-name';
import { canStartExpr, type ExprParser } from './parse-expr';
import { parseField } from './parse-type';
import { atFlowMember, atStateMember } from './sync';
import type { TokenStream } from './token-stream';

/**
 * `[initial | final] state NAME [{ member … }]` with members `always`, `on`, `after`, `at` and `task`, separated
 * by new lines or commas. Called with `initial`, `final` or `state` current; null when the name is unreadable.
 */
export function parseState(ts: TokenStream, exprs: ExprParser): StateDecl | null {
  const start = ts.peek().span;
  const initial = ts.isWord('initial') ? ts.next().span : undefined;
  const final = !initial && ts.isWord('final') ? ts.next().span : undefined;
  if (!ts.expectWord('state', initial ? 'after `initial`' : final ? 'after `final`' : undefined)) return null;
  const name = ts.expectName('a state name');
  if (!name) return null;
  const state: StateDecl = {
    name,
    initial,
    final,
    transitions: [],
    timerActions: [],
    tasks: [],
    span: joinSpans(start, name.span),
  };
  if (!ts.acceptPunct('{')) return state;
  while (!ts.isPunct('}') && !ts.atEof()) {
    // A flow-level member at the start of a line means this state's `}` is missing, unless it is indented
    // deeper than this state: then it is a state written inside this one.
    const t = ts.peek();
    const nested =
      t.span.column > start.column && (ts.isWord('state') || ts.isWord('initial') || ts.isWord('final'));
    if (t.newlineBefore && atFlowMember(ts) && !atStateMember(ts) && !nested) break;
    const before = ts.pos;
    parseMember(ts, exprs, state);
    if (!ts.panic && !ts.acceptPunct(',') && !ts.isPunct('}') && !ts.peek().newlineBefore && !ts.atEof()) {
      ts.unexpected('a new line or `,` before the next member', 'put each member on a line of its own');
    }
    if (ts.panic) {
      ts.skipUntil(() => ts.peek().newlineBefore && (atStateMember(ts) || atFlowMember(ts)));
      ts.panic = false;
    }
    if (ts.pos === before) ts.next();
  }
  const close = ts.expectPunct('}', `to close the state "${name.name}"`);
  state.span = joinSpans(start, close?.span ?? ts.previous?.span ?? name.span);
  return state;
}

function parseMember(ts: TokenStream, exprs: ExprParser, state: StateDecl): void {
  const t = ts.peek();
  if (t.kind === 'ident' && ['always', 'on', 'after', 'at'].includes(t.text)) {
    const transition = parseTransition(ts, exprs);
    if (transition && 'target' in transition) state.transitions.push(transition);
    else if (transition) state.timerActions.push(transition);
  } else if (ts.isWord('task')) {
    state.tasks.push(parseTask(ts, exprs));
  } else if (ts.isWord('state') || ts.isWord('initial') || ts.isWord('final')) {
    ts.error(
      t.span,
      'syntax/nested-state',
      'States do not nest',
      `close "${state.name.name}" with \`}\` before declaring the next state`,
    );
    skipNestedState(ts);
    ts.panic = false;
  } else {
    ts.unexpected(
      'a state member (`on`, `always`, `after`, `at` or `task`)',
      'e.g. `on approve -> approved`',
    );
  }
}

/** Skips a state declared inside another, with its body, so the rest of the outer state still parses. */
function skipNestedState(ts: TokenStream): void {
  const line = ts.peek().span.line;
  while (!ts.atEof() && ts.peek().span.line === line && !ts.isPunct('{')) ts.next();
  if (!ts.acceptPunct('{')) return;
  ts.skipUntil(() => false);
  ts.acceptPunct('}');
}

/**
 * `always -> t`, `on EVENT -> t`, `after DURATION -> t`, `at TIMESTAMP -> t`, each `[when guard] [do action, …]`;
 * also the timers that keep the state: `after DURATION escalate to <assignee> [do …]` and
 * `after DURATION remind [do …]`.
 */
export function parseTransition(ts: TokenStream, exprs: ExprParser): TransitionDecl | TimerActionDecl | null {
  const keyword = ts.next();
  const kind = keyword.text as TransitionDecl['kind'];
  const event = kind === 'on' ? ts.expectName('an event name after `on`') : null;
  const params = event && ts.acceptPunct('(') ? parsePayload(ts) : undefined;
  const after = kind === 'after' ? exprs.parseExpr() : undefined;
  const at = kind === 'at' ? exprs.parseExpr() : undefined;
  if (after && !ts.panic && (ts.isWord('escalate') || ts.isWord('remind')))
    return parseTimerAction(ts, exprs, keyword.span, after);
  if (ts.panic || !ts.expectPunct('->', `after \`${kind}${event ? ' ' + event.name : ''}\``)) return null;
  const target = ts.expectName('a target state after `->`');
  if (!target) return null;
  const transition: TransitionDecl = { kind, keyword: keyword.span, target, actions: [], span: keyword.span };
  if (event) transition.event = event;
  if (params) transition.params = params;
  if (after) transition.after = after;
  if (at) transition.at = at;
  let end: Span = target.span;
  if (kind === 'on' && ts.acceptWord('by')) {
    const by = parseBy(ts, exprs);
    if (!by) return null;
    transition.by = by;
    end = by.span;
  }
  if (ts.acceptWord('when')) {
    transition.guard = exprs.parseExpr();
    end = transition.guard.span;
  }
  if (ts.acceptWord('do')) {
    transition.actions = parseActions(ts, exprs);
    end = transition.actions.at(-1)?.span ?? end;
  }
  transition.span = joinSpans(keyword.span, end);
  return transition;
}

/** `(name: type, …)` after an event name, the `(` already read; fields that fail to parse are skipped. */
function parsePayload(ts: TokenStream): FieldDecl[] {
  const fields: FieldDecl[] = [];
  if (ts.acceptPunct(')')) return fields;
  do {
    const field = parseField(ts, 'a payload field name');
    if (!field) return fields;
    fields.push(field);
  } while (ts.acceptPunct(','));
  ts.expectPunct(')', 'to close the event payload');
  return fields;
}

/**
 * After `after DURATION`: `escalate to role(…) | user(…) | team(…) | superior(…)` or `remind`, then
 * `[do action, …]`.
 */
function parseTimerAction(
  ts: TokenStream,
  exprs: ExprParser,
  keyword: Span,
  after: Expr,
): TimerActionDecl | null {
  const word = ts.next();
  let timer: TimerActionDecl;
  if (word.text === 'remind') {
    timer = { kind: 'remind', keyword, after, actions: [], span: joinSpans(keyword, word.span) };
  } else {
    if (!ts.acceptWord('to')) {
      ts.unexpected('`to` after `escalate`', 'e.g. `after 24h escalate to superior(requester)`');
      return null;
    }
    const to = parseAssignee(ts, exprs, '`escalate to`');
    if (!to) return null;
    timer = { kind: 'escalate', keyword, after, to, actions: [], span: joinSpans(keyword, to.span) };
  }
  if (ts.isWord('when')) {
    ts.unexpected(
      '`do` or the end of the timer',
      'a timer that keeps the state fires unconditionally; test the condition in a `when` of `on`/`after … ->`',
    );
    return null;
  }
  if (ts.acceptWord('do')) {
    timer.actions = parseActions(ts, exprs);
    timer.span = joinSpans(keyword, timer.actions.at(-1)?.span ?? timer.span);
  }
  return timer;
}

function parseActions(ts: TokenStream, exprs: ExprParser): ActionDecl[] {
  const actions: ActionDecl[] = [];
  for (;;) {
    const action = parseAction(ts, exprs);
    if (!action) break;
    actions.push(action);
    // A comma followed by another action continues the list; any other comma separates members.
    if (!ts.isPunct(',') || !(ts.isWord('set', 1) || ts.isWord('notify', 1) || ts.isWord('void', 1))) break;
    ts.next();
  }
  return actions;
}

/** `set NAME = expr` (also `set var.NAME = expr`) or `notify <user expr> "template"`. */
function parseAction(ts: TokenStream, exprs: ExprParser): ActionDecl | null {
  const keyword = ts.peek();
  if (ts.acceptWord('set')) {
    let name = ts.expectName('a variable name after `set`');
    if (name?.name === 'var' && ts.acceptPunct('.')) name = ts.expectName('a variable name after `var.`');
    if (!name || !ts.expectPunct('=', `after \`set ${name.name}\``)) return null;
    const value = exprs.parseExpr();
    return { k: 'set', name, value, span: joinSpans(keyword.span, value.span) };
  }
  if (ts.acceptWord('notify')) {
    const to = exprs.parseExpr();
    const template = ts.peek();
    if (template.kind !== 'string' || template.newlineBefore) {
      ts.unexpected(
        'a message template in quotes after the recipient',
        'e.g. `notify requester "discount_approved"`',
      );
      return null;
    }
    ts.next();
    return {
      k: 'notify',
      to,
      template: template.value,
      templateSpan: template.span,
      span: joinSpans(keyword.span, template.span),
    };
  }
  if (ts.acceptWord('void')) return parseVoid(ts, keyword.span);
  ts.unexpected(
    'an action (`set`, `notify` or `void`) after `do`',
    'e.g. `do set netPrice = input.listPrice * 95%`',
  );
  return null;
}

const NOT_A_TASK = new Set(['set', 'notify', 'void', 'on', 'always', 'after', 'at', 'task']);

/** After `void`: `all`, or task names separated by commas (a comma before another member ends the list). */
function parseVoid(ts: TokenStream, keyword: Span): ActionDecl | null {
  const all = ts.acceptWord('all');
  if (all) return { k: 'void', tasks: [], all: true, span: joinSpans(keyword, all.span) };
  const tasks: Ident[] = [];
  do {
    const task = ts.expectName('a task name (or `all`) after `void`');
    if (!task) return null;
    tasks.push(task);
  } while (ts.isPunct(',') && ts.peek(1).kind === 'ident' && !NOT_A_TASK.has(ts.peek(1).text) && ts.next());
  return { k: 'void', tasks, all: false, span: joinSpans(keyword, tasks[tasks.length - 1].span) };
}

/** After `by`: an assignee form (`role(…)`, `user(…)`, `team(…)`, `superior(…)`) or a user expression. */
function parseBy(ts: TokenStream, exprs: ExprParser): AssigneeDecl | null {
  const t = ts.peek();
  if (t.kind === 'ident' && ['role', 'user', 'team', 'superior'].includes(t.text) && ts.isPunct('(', 1))
    return parseAssignee(ts, exprs, '`by`');
  const user = exprs.parseExpr();
  return { k: 'user', user, span: user.span };
}

const TASK_CLAUSES = ['assignee', 'separateFrom', 'sla', 'approval', 'delegable', 'addSigner'];

/**
 * `task [name] ["Title"] assignee … [separateFrom e, …] [sla d]`; the clauses may come in any order. The
 * name, on the `task` line, is any word but a clause keyword; without it the task takes its state's name.
 */
export function parseTask(ts: TokenStream, exprs: ExprParser): TaskDecl {
  const keyword = ts.next().span;
  const task: TaskDecl = { keyword, separateFrom: [], span: keyword };
  const named = ts.peek();
  const clause = TASK_CLAUSES.includes(named.text) || RESERVED_WORDS.has(named.text);
  if (named.kind === 'ident' && !named.newlineBefore && !clause) {
    const meant = misspeltClause(ts);
    if (meant) {
      ts.error(
        named.span,
        'syntax/unexpected-token',
        `Unknown task clause "${named.text}"`,
        `did you mean \`${meant}\`?`,
      );
      task.cut = true;
      return task;
    }
    ts.next();
    task.name = { name: named.text, span: named.span };
  }
  if (ts.peek().kind === 'string') task.title = ts.next().value;
  const seen = new Set<string>();
  for (;;) {
    const clause = ts.peek();
    if (clause.kind !== 'ident' || !TASK_CLAUSES.includes(clause.text)) break;
    if (seen.has(clause.text)) {
      ts.error(
        clause.span,
        'syntax/duplicate-clause',
        `\`${clause.text}\` is given twice for this task`,
        'give each clause once',
      );
      break;
    }
    seen.add(clause.text);
    ts.next();
    if (clause.text === 'assignee') task.assignee = parseAssignee(ts, exprs) ?? undefined;
    else if (clause.text === 'sla') task.sla = exprs.parseExpr();
    else if (clause.text === 'delegable') task.delegable = clause.span;
    else if (clause.text === 'addSigner') task.addSigner = clause.span;
    else if (clause.text === 'approval') task.approval = parseApproval(ts, clause.span) ?? undefined;
    else task.separateFrom = parseSeparateFrom(ts, exprs);
    if (ts.panic) break;
  }
  if (ts.panic) task.cut = true;
  task.span = joinSpans(keyword, ts.previous?.span ?? keyword);
  return task;
}

/**
 * `task asignee role(x)`: the word after `task` is a misspelt clause keyword rather than the task's name
 * when it is close to one and what follows it is neither a title, a clause nor the end of the member.
 */
function misspeltClause(ts: TokenStream): string | undefined {
  const next = ts.peek(1);
  const ends = next.kind === 'eof' || next.newlineBefore || ts.isPunct(',', 1) || ts.isPunct('}', 1);
  const continues = next.kind === 'string' || (next.kind === 'ident' && TASK_CLAUSES.includes(next.text));
  return ends || continues ? undefined : closestName(ts.peek().text, TASK_CLAUSES);
}

const APPROVAL_HINT = 'write `approval all`, `approval any`, `approval 2 of 3` or `approval 60%`';

/** After `approval`: `all`, `any`, `N of M` or `P%`. */
function parseApproval(ts: TokenStream, keyword: Span): ApprovalDecl | null {
  const t = ts.peek();
  if (ts.acceptWord('all') || ts.acceptWord('any'))
    return { k: t.text as 'all' | 'any', span: joinSpans(keyword, t.span) };
  if (t.kind === 'percent') {
    ts.next();
    return { k: 'percent', percent: `${t.value}%`, span: joinSpans(keyword, t.span) };
  }
  if (t.kind === 'int' && ts.isWord('of', 1) && ts.peek(2).kind === 'int') {
    ts.next();
    ts.next();
    const of = ts.next();
    return { k: 'count', count: Number(t.value), of: Number(of.value), span: joinSpans(keyword, of.span) };
  }
  ts.unexpected('an approval policy after `approval`', APPROVAL_HINT);
  return null;
}

function parseSeparateFrom(ts: TokenStream, exprs: ExprParser): Expr[] {
  const list = [exprs.parseExpr()];
  while (ts.isPunct(',') && canStartExpr(ts.peek(1)) && !ts.isWord('sla', 1) && !ts.panic) {
    ts.next();
    list.push(exprs.parseExpr());
  }
  return list;
}

function parseAssignee(ts: TokenStream, exprs: ExprParser, after = '`assignee`'): AssigneeDecl | null {
  const kind = ts.peek();
  if (kind.kind !== 'ident' || !['role', 'user', 'team', 'superior', 'users'].includes(kind.text)) {
    ts.unexpected(
      `role(…), user(…), team(…) or superior(…) after ${after}`,
      after === '`assignee`'
        ? 'e.g. `assignee role(sales_manager)`'
        : 'e.g. `escalate to superior(requester)`',
    );
    return null;
  }
  ts.next();
  if (!ts.expectPunct('(', `after \`${kind.text}\``)) return null;
  if (kind.text === 'role') {
    const roles: Ident[] = [];
    do {
      const role = ts.expectName('a role name');
      if (!role) return null;
      roles.push(role);
    } while (ts.acceptPunct(','));
    const close = ts.expectPunct(')', 'to close role(…)');
    return { k: 'role', roles, span: joinSpans(kind.span, close?.span ?? roles[roles.length - 1].span) };
  }
  if (kind.text === 'users') {
    const users = [exprs.parseExpr()];
    while (ts.acceptPunct(',')) users.push(exprs.parseExpr());
    const close = ts.expectPunct(')', 'to close users(…)');
    return { k: 'users', users, span: joinSpans(kind.span, close?.span ?? users[users.length - 1].span) };
  }
  const arg = exprs.parseExpr();
  const close = ts.expectPunct(')', `to close ${kind.text}(…)`);
  const span = joinSpans(kind.span, close?.span ?? arg.span);
  if (kind.text === 'user') return { k: 'user', user: arg, span };
  if (kind.text === 'team') return { k: 'team', team: arg, span };
  return { k: 'superior', of: arg, span };
}
