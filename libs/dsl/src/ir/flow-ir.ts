/**
 * FlowIR: the compiled, JSON-only form of a `.flow` source.
 *
 * Contract between the compiler (dsl), the engine (which binds it to XState v5 through `setup()`),
 * persistence (which stores it, hashed, next to the source) and the API. It never holds functions:
 * guards and actions are expression trees the engine evaluates, so an IR can be stored, hashed,
 * diffed and replayed. Bump `irVersion` on any incompatible change.
 */

/** A JSON value, as stored in PostgreSQL `jsonb`. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Types of the language. Values are encoded in JSON as described on each variant (the "canonical JSON" form). */
export type TypeIR =
  /** Exact money in one currency. JSON: decimal string, e.g. `"1850000.00"`. */
  | { kind: 'money'; currency: string }
  /** A percentage. JSON: string ending in `%`, e.g. `"2.5%"`. */
  | { kind: 'percent' }
  /** Exact decimal. JSON: decimal string, e.g. `"1.25"`. */
  | { kind: 'decimal' }
  /** JSON: integer number. */
  | { kind: 'int' }
  | { kind: 'bool' }
  | { kind: 'string' }
  /** JSON: `"30s"`, `"30m"`, `"24h"`, `"3d"`, `"2 workdays"`. */
  | { kind: 'duration' }
  /** JSON: ISO-8601 UTC string. */
  | { kind: 'timestamp' }
  /** JSON: username. */
  | { kind: 'user' }
  /** JSON: role key. */
  | { kind: 'role' }
  /** JSON: team key. */
  | { kind: 'team' }
  /** JSON: one of `values`. */
  | { kind: 'enum'; values: string[] }
  | { kind: 'list'; of: TypeIR }
  | { kind: 'record'; fields: FieldIR[] }
  /** The type of `null` literals / absent optional values; also used for "no value" results. */
  | { kind: 'null' };

export interface FieldIR {
  name: string;
  type: TypeIR;
  /** Optional inputs may be absent; everything else is required. */
  optional?: boolean;
}

/** Where something came from in the source (1-based line and column). */
export interface SourcePos {
  line: number;
  column: number;
}

export type BinaryOp = 'and' | 'or' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | 'in';

/**
 * A typed expression tree. Every node carries its checked `type`.
 *
 * `ref.path` roots: `input` (the instance input), `requester` (the user who started the instance;
 * type user), `var` (values set by actions, `context.vars`), `event` (the current event's payload),
 * `decision` (recorded task decisions: `decision.<task>.by` is a user), `const` (flow constants),
 * `now` (the event's timestamp). Field access on a user (`requester.team`, `requester.superior`)
 * is a `call` to the directory functions, not a `ref`.
 */
export type ExprIR =
  | { k: 'lit'; type: TypeIR; value: Json }
  | { k: 'ref'; type: TypeIR; path: string[] }
  | { k: 'unary'; type: TypeIR; op: 'not' | 'neg'; arg: ExprIR }
  | { k: 'binary'; type: TypeIR; op: BinaryOp; left: ExprIR; right: ExprIR }
  | { k: 'if'; type: TypeIR; cond: ExprIR; then: ExprIR; else: ExprIR }
  /** A function of the fixed library (`min`, `max`, `round`, `abs`, `authority`, `superior`, `team`, …). */
  | { k: 'call'; type: TypeIR; fn: string; args: ExprIR[] }
  /** A decision-table invocation; the result is the single output, or a record of the outputs. */
  | { k: 'table'; type: TypeIR; table: string; args: ExprIR[] }
  | { k: 'list'; type: TypeIR; items: ExprIR[] };

/** One cell of a decision table's input columns. */
export type CellIR =
  | { k: 'any' }
  | { k: 'eq'; value: ExprIR }
  | { k: 'cmp'; op: '<' | '<=' | '>' | '>=' | '!='; value: ExprIR }
  | { k: 'range'; lo: ExprIR; hi: ExprIR; loInclusive: boolean; hiInclusive: boolean }
  | { k: 'in'; values: ExprIR[] };

export interface TableRowIR {
  /** Source line of the row, named in traces and diagnostics. */
  line: number;
  cells: CellIR[];
  outputs: ExprIR[];
}

export type HitPolicy = 'unique' | 'first' | 'any' | 'collect';

export interface TableIR {
  name: string;
  line: number;
  inputs: FieldIR[];
  outputs: FieldIR[];
  hit: HitPolicy;
  /** For `collect`: how the matched outputs fold into one value; absent = a list. */
  aggregate?: 'sum' | 'min' | 'max' | 'count';
  rows: TableRowIR[];
}

/** Something a transition does besides changing state. */
export type ActionIR =
  /** `set var.x = expr` — stores into `context.vars`. */
  | { k: 'set'; name: string; value: ExprIR }
  /** `notify <user expr> "template"` — becomes an outbox notification effect. */
  | { k: 'notify'; to: ExprIR; template: string };

export interface TransitionIR {
  /** Event type (`approve`, `timer.manager_review.0`); absent for `always`. */
  event?: string;
  target: string;
  guard?: ExprIR;
  /** The guard as written, for traces and diagrams. */
  guardText?: string;
  actions: ActionIR[];
  line: number;
}

/** Who may decide a task. */
export type AssigneeIR =
  | { k: 'role'; roles: string[] }
  | { k: 'user'; user: ExprIR }
  | { k: 'team'; team: ExprIR }
  /** `superior(<user expr>)`: the direct superior in the org directory at the time the task opens. */
  | { k: 'superior'; of: ExprIR };

export interface TaskIR {
  /** Task name; by default the name of the state it lives in. */
  name: string;
  title: string;
  assignee: AssigneeIR;
  /** Users who may not decide this task (four-eyes). Each expression is of type user or list(user). */
  separateFrom: ExprIR[];
  /** The events a decider may send: the names of the state's `on` events. */
  decisions: string[];
  /** Service-level time to decide, as a duration literal (`"24h"`), if declared. */
  sla?: string;
  line: number;
}

/** `after <duration> -> target` inside a state; compiled to a durable timer, never an XState `after`. */
export interface TimerIR {
  /** Duration literal, e.g. `"24h"`, `"2 workdays"`. */
  after: string;
  /** The event the timer delivers: `timer.<state>.<index>`. */
  event: string;
  line: number;
}

export interface StateIR {
  name: string;
  final: boolean;
  line: number;
  /** Eventless transitions, tried in order. */
  always: TransitionIR[];
  /** Event transitions, tried in order per event. */
  on: TransitionIR[];
  task?: TaskIR;
  timers: TimerIR[];
}

export interface ConstantIR {
  name: string;
  type: TypeIR;
  value: Json;
}

export interface FlowIR {
  irVersion: 1;
  key: string;
  version: number;
  title: string;
  /** sha-256 (hex) of the canonical JSON of this IR without `hash`. */
  hash: string;
  input: FieldIR[];
  constants: ConstantIR[];
  tables: TableIR[];
  /** Roles allowed to start the flow; empty = anyone. */
  startRoles: string[];
  initial: string;
  states: StateIR[];
  /** Every event type the flow accepts anywhere (task decisions, plain events, timer events). */
  events: string[];
  /**
   * `key input.unit unique while active`: the business key computed from the input when the instance
   * starts (a string expression); the database keeps it unique among the flow's active instances.
   */
  businessKey?: ExprIR;
}
