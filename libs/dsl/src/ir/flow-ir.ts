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
  | { k: 'list'; type: TypeIR; items: ExprIR[] }
  /**
   * `value in [lo .. hi)` (added after irVersion 1, additive): whether `value` lies between the bounds,
   * each included (`[`, `]`) or excluded (`(`, `)`) as written; of type bool. A null value is in no range.
   */
  | {
      k: 'range';
      type: TypeIR;
      value: ExprIR;
      lo: ExprIR;
      hi: ExprIR;
      loInclusive: boolean;
      hiInclusive: boolean;
    };

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
  /**
   * Added after irVersion 1 shipped (additive): set on a table copied from another flow by `use … from …`
   * (or brought along because such a table calls it). The copy is frozen in this IR, so a running
   * instance's rules never change under it; traces name where its rows came from. Absent on local tables.
   */
  origin?: TableOriginIR;
}

/** The flow version a used table was copied from. */
export interface TableOriginIR {
  flow: string;
  version: number;
  /** The `hash` of that flow version's IR. */
  hash: string;
}

/** Something a transition does besides changing state. */
export type ActionIR =
  /** `set var.x = expr` — stores into `context.vars`. */
  | { k: 'set'; name: string; value: ExprIR }
  /** `notify <user expr> "template"` — becomes an outbox notification effect. */
  | { k: 'notify'; to: ExprIR; template: string }
  /**
   * `void manager_review, …` / `void all` (added after irVersion 1, additive): forgets the recorded
   * decisions of those tasks (all of the flow's tasks for `void all`), so a return for revision makes
   * their approvals, and the four-eyes rules that read `decision.<task>.by`, count afresh.
   */
  | { k: 'void'; tasks: string[] };

export interface TransitionIR {
  /** Event type (`approve`, `timer.manager_review.0`); absent for `always`. */
  event?: string;
  target: string;
  guard?: ExprIR;
  /** The guard as written, for traces and diagrams. */
  guardText?: string;
  actions: ActionIR[];
  line: number;
  /**
   * `on withdraw -> withdrawn by requester` (added after irVersion 1, additive): only these users may
   * send the event (`FORBIDDEN` otherwise). Such an event is never a task decision.
   */
  by?: AssigneeIR;
  /**
   * `on e(amount: money(CNY)) -> t`: the event's payload, validated by the engine (`BAD_INPUT` naming
   * the field) and read as `event.<field>`. Every `on e` of a flow declares the same payload. Added
   * after irVersion 1 shipped (additive): absent when the event carries none.
   */
  payload?: FieldIR[];
}

/** Who may decide a task. */
export type AssigneeIR =
  | { k: 'role'; roles: string[] }
  | { k: 'user'; user: ExprIR }
  | { k: 'team'; team: ExprIR }
  /** `superior(<user expr>)`: the direct superior in the org directory at the time the task opens. */
  | { k: 'superior'; of: ExprIR }
  /**
   * `users(a, b, …)` (added after irVersion 1, additive): each of these users may decide (each
   * expression a user or a list of users, evaluated when the task opens); with `approval`, each votes.
   */
  | { k: 'users'; users: ExprIR[] };

/**
 * `approval all | any | N of M | P%` (added after irVersion 1, additive): a parallel approval over a
 * `users(…)` assignee, or over the members of a `role(…)`/`team(…)` assignee (listed by the directory
 * when the task opens, less the users `separateFrom` excludes; fixed then, kept in `votes.voters`). The task's first decision (e.g. `approve`) is the approving vote, every other
 * decision a vote against; each user votes once. The state is left by the approving event's transition
 * when enough approved (`all`: every user; `any`: one; `count`: N; `percent`: ceil(P % of the users)),
 * and by the last vote against when that many can no longer approve. Until then a vote keeps the state.
 */
export type ApprovalIR =
  { policy: 'all' | 'any' } | { policy: 'count'; count: number } | { policy: 'percent'; percent: string };

export interface TaskIR {
  /**
   * Task name (`task contract "…"`); by default the name of the state it lives in. Unique in a flow:
   * `decision.<name>`, `void <name>` and the API's `Task.name` use it; `Task.state` is the state's name.
   */
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
  approval?: ApprovalIR;
  /**
   * `delegable` (added after irVersion 1, additive): a current decider may send `task.delegate` with
   * payload `{ "to": "<username>" }` to hand the open task to that user, who may send `task.return` to
   * hand it back; both keep the state and yield `reassignTask` (reason `delegation` / `return`).
   */
  delegable?: boolean;
  /**
   * `addSigner` (added after irVersion 1, additive): a current decider may send `task.addSigner` with
   * `{ "to": "<username>", "position": "before" | "after" }`. Before: the task goes to that user, whose
   * approving decision (the task's first) sends it back (reason `delegation`, then `return`); after: the
   * decider's approving decision hands the task on to that user instead of leaving the state, and the
   * added signer's decision decides. Every signature is kept in the decision's `votes`.
   */
  addSigner?: boolean;
}

/**
 * What a timer does that keeps its state (absent: it fires the state's `on` transition for its event).
 * `escalate`: the open task moves to the next level (`to` resolved now; `superior(x)` climbs the
 * chain: x's superior at the first level of this clause, then the superior of the current assignee),
 * the SLA restarts, and the next level's timer is scheduled. `remind`: the current assignee is notified.
 */
export type TimerActionIR = { k: 'escalate'; to: AssigneeIR } | { k: 'remind' };

/**
 * `after <duration> -> target` or `at <timestamp> -> target` inside a state; compiled to a durable timer,
 * never an XState `after`, scheduled when the state is entered. `after <duration> escalate to …` /
 * `after <duration> remind` carry an `action` and no transition. Exactly one of `after` and `at` is set.
 */
export interface TimerIR {
  /** Duration literal, e.g. `"24h"`, `"2 workdays"`: due that long after the state is entered. */
  after?: string;
  /**
   * `at var.holdUntil -> expired` (added after irVersion 1 shipped, additive): a timestamp expression
   * evaluated on the context the state is entered with; the timer is due at that instant (at once
   * when it has passed). Absent on `after` timers, which every older IR has.
   */
  at?: ExprIR;
  /** `at`'s expression as written, for traces, diagrams and the stored timer. */
  atText?: string;
  /** The event the timer delivers: `timer.<state>.<index>`. */
  event: string;
  line: number;
  /** Added after irVersion 1 shipped (additive): absent on timers that take a transition. */
  action?: TimerActionIR;
  /**
   * `after 2 workdays escalate to … do notify requester "…"` (added after irVersion 1 shipped, additive):
   * what a timer with an `action` does besides it, each time it fires (`set`, `notify`), run on the
   * context after the action. Absent when there is none.
   */
  actions?: ActionIR[];
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

/**
 * `migrate from v1 { old_state -> new_state }`: where a running instance of an older version of this
 * flow continues when it is moved to this version (old state name → state of this version). Only
 * declared and checked here; moving instances is up to whoever upgrades them.
 */
export interface MigrationIR {
  fromVersion: number;
  states: { [oldState: string]: string };
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
  /** Added after irVersion 1 shipped (additive): absent when the flow declares no migration. */
  migrations?: MigrationIR[];
}
