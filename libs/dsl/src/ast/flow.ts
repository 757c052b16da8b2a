import type { CellExpr, Expr, Ident } from './expr';
import type { Span } from './span';

/** A type as written: a name (`percent`), a parameterised name (`money(CNY)`, `list(user)`) or an inline enum. */
export type TypeNode =
  | { k: 'named'; name: Ident; arg?: Ident; span: Span }
  | { k: 'enum'; values: Ident[]; span: Span }
  /** `list(T)`, `T` any type (`list(record { … })`, `list(list(int))`); null when the element type is unreadable. */
  | { k: 'list'; keyword: Ident; of: TypeNode | null; span: Span }
  /** `record { sku: string, qty: int, note?: string }`. */
  | { k: 'record'; fields: FieldDecl[]; span: Span };

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
  | { k: 'notify'; to: Expr; template: string; templateSpan: Span; span: Span }
  /** `void manager_review, chief_review` / `void all`: forget recorded decisions (return for revision). */
  | { k: 'void'; tasks: Ident[]; all: boolean; span: Span };

/**
 * `always -> t`, `on e -> t`, `after d -> t`, `at <timestamp> -> t`, each with an optional guard and
 * actions.
 */
export interface TransitionDecl {
  kind: 'always' | 'on' | 'after' | 'at';
  /** The `always`/`on`/`after`/`at` keyword. */
  keyword: Span;
  event?: Ident;
  /** `on e(amount: money(CNY), receipt: string) -> t`: the event's typed payload, read as `event.<field>`. */
  params?: FieldDecl[];
  after?: Expr;
  /** `at var.holdUntil -> expired`: the instant the timer is due, evaluated when the state is entered. */
  at?: Expr;
  target: Ident;
  /** `on withdraw -> withdrawn by requester`: only these users may send the event (not a task decision). */
  by?: AssigneeDecl;
  guard?: Expr;
  actions: ActionDecl[];
  span: Span;
}

export type AssigneeDecl =
  | { k: 'role'; roles: Ident[]; span: Span }
  | { k: 'user'; user: Expr; span: Span }
  | { k: 'team'; team: Expr; span: Span }
  | { k: 'superior'; of: Expr; span: Span }
  /** `users(a, b, …)`: several named deciders (each a user or a list of users), for parallel approval. */
  | { k: 'users'; users: Expr[]; span: Span };

/** `approval all | any | N of M | P%`: how many of a task's `users(…)` must approve. */
export type ApprovalDecl =
  | { k: 'all' | 'any'; span: Span }
  | { k: 'count'; count: number; of: number; span: Span }
  | { k: 'percent'; percent: string; span: Span };

export interface TaskDecl {
  keyword: Span;
  /** `task contract "Sign the contract" …`: the task's own name; absent = the name of its state. */
  name?: Ident;
  title?: string;
  assignee?: AssigneeDecl;
  separateFrom: Expr[];
  sla?: Expr;
  approval?: ApprovalDecl;
  /** `delegable`: a decider may hand the task to another user, who may hand it back. */
  delegable?: Span;
  /** `addSigner`: a decider may add a signer before or after themselves. */
  addSigner?: Span;
  /** Set when a syntax error stopped the clauses: the checks of missing clauses stay quiet about it. */
  cut?: boolean;
  span: Span;
}

/**
 * `after <duration> escalate to <assignee> [do …]` or `after <duration> remind [do …]`: a timer that keeps
 * the state and acts on its open task (moves it to the next level, or reminds the deciders), then runs
 * its actions (`notify`, `set`).
 */
export interface TimerActionDecl {
  kind: 'escalate' | 'remind';
  /** The `after` keyword. */
  keyword: Span;
  after: Expr;
  /** For `escalate`: who the task moves to. */
  to?: AssigneeDecl;
  /** `do notify requester "change_escalated", set …`: run each time the timer fires. */
  actions: ActionDecl[];
  span: Span;
}

export interface StateDecl {
  name: Ident;
  initial?: Span;
  final?: Span;
  transitions: TransitionDecl[];
  /** `after … escalate to …` / `after … remind`, in source order. */
  timerActions: TimerActionDecl[];
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

/** `migrate from v1 { old_state -> new_state, … }`: where instances of an older version continue. */
export interface MigrationDecl {
  keyword: Span;
  fromVersion: number;
  versionSpan: Span;
  maps: { from: Ident; to: Ident }[];
  span: Span;
}

/**
 * `use tier, discountRate from commission`: decision tables of another flow, called here like local
 * tables. The compiler copies them (with their origin) into this flow's IR.
 */
export interface UseDecl {
  tables: Ident[];
  /** The key of the flow whose tables are used. */
  from: Ident;
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
  migrations: MigrationDecl[];
  /** `use … from …` declarations (absent on ASTs built before `use` existed). */
  uses?: UseDecl[];
  span: Span;
}

/** A parsed source file: one flow, or null when not even the header could be read. */
export interface FlowFile {
  flow: FlowDecl | null;
}
