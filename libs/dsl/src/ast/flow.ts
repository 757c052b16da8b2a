import type { CellExpr, Expr, Ident } from './expr';
import type { Span } from './span';

/** A type as written: a name (`percent`), a parameterised name (`money(CNY)`, `list(user)`) or an inline enum. */
export type TypeNode =
  { k: 'named'; name: Ident; arg?: Ident; span: Span } | { k: 'enum'; values: Ident[]; span: Span };

/** `name: type` or `name?: type` (input fields, table columns). */
export interface FieldDecl {
  name: Ident;
  optional: boolean;
  type: TypeNode;
  span: Span;
}

export interface ConstDecl {
  name: Ident;
  value: Expr;
  span: Span;
}

export interface TableRow {
  cells: CellExpr[];
  outputs: Expr[];
  span: Span;
}

export interface TableDecl {
  name: Ident;
  params: FieldDecl[];
  outputs: FieldDecl[];
  hit: Ident;
  aggregate?: Ident;
  rows: TableRow[];
  span: Span;
}

export type ActionDecl =
  | { k: 'set'; name: Ident; value: Expr; span: Span }
  | { k: 'notify'; to: Expr; template: string; templateSpan: Span; span: Span };

/** `always -> t`, `on e -> t`, `after d -> t`, each with an optional guard and actions. */
export interface TransitionDecl {
  kind: 'always' | 'on' | 'after';
  /** The `always`/`on`/`after` keyword. */
  keyword: Span;
  event?: Ident;
  after?: Expr;
  target: Ident;
  guard?: Expr;
  actions: ActionDecl[];
  span: Span;
}

export type AssigneeDecl =
  | { k: 'role'; roles: Ident[]; span: Span }
  | { k: 'user'; user: Expr; span: Span }
  | { k: 'team'; team: Expr; span: Span }
  | { k: 'superior'; of: Expr; span: Span };

export interface TaskDecl {
  keyword: Span;
  title?: string;
  assignee?: AssigneeDecl;
  separateFrom: Expr[];
  sla?: Expr;
  span: Span;
}

export interface StateDecl {
  name: Ident;
  initial?: Span;
  final?: Span;
  transitions: TransitionDecl[];
  tasks: TaskDecl[];
  span: Span;
}

/** `key <expr> unique while active`: the business key, unique among the flow's active instances. */
export interface KeyDecl {
  value: Expr;
  span: Span;
}

export interface StartDecl {
  roles: Ident[];
  span: Span;
}

/** One `flow … { … }` declaration. Parts that failed to parse are absent; their errors are reported. */
export interface FlowDecl {
  key: Ident;
  version: number;
  versionSpan: Span;
  title: string;
  inputs: FieldDecl[];
  consts: ConstDecl[];
  start: StartDecl[];
  keys: KeyDecl[];
  tables: TableDecl[];
  states: StateDecl[];
  /** `task` written at flow level rather than inside a state (reported by the checker). */
  strayTasks: TaskDecl[];
  span: Span;
}

/** A parsed source file: one flow, or null when not even the header could be read. */
export interface FlowFile {
  flow: FlowDecl | null;
}
