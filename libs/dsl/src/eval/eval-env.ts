import type { ConstantIR, Json, TableIR, TableOriginIR } from '../ir/flow-ir';
import type { BusinessCalendar } from '../values/business-calendar';
import type { Value } from '../values/value';

/** A recorded task decision, as the engine keeps it in the instance context. */
export type DecisionRecord = {
  decision: string;
  by: string | null;
  at: string;
  comment: string | null;
  /** For a parallel approval (`approval …`): every vote, by user (added after the first contract). */
  votes?: { [user: string]: string };
};

/**
 * The instance data expressions read (canonical JSON, as stored): `input.<field>`, `requester`,
 * `var.<name>`, `decision.<task>.<by|decision|at|comment>`. The engine's context has these fields
 * and more; extra fields are ignored.
 */
export type InstanceData = {
  input: { [field: string]: Json };
  requester: string;
  vars: { [name: string]: Json };
  decisions: { [task: string]: DecisionRecord };
};

/** A user as the directory port returns it (structurally a subset of the engine's `DirectoryUser`). */
export interface DirectoryUserView {
  username: string;
  roles: readonly string[];
  team: string | null;
  superior: string | null;
  /** Personal discount authority (`"1%"`) overriding the roles', or null to use the roles'. */
  discountAuthority: string | null;
}

/**
 * The org directory as expressions see it. Structurally compatible with the engine's `Directory`
 * (dsl may not import engine), so the engine passes its directory straight through.
 */
export interface DirectoryPort {
  user(username: string): DirectoryUserView | undefined;
  /** A role's discount authority: `"3%"`, `null` = unlimited, `undefined` = unknown role or none set. */
  roleAuthority(role: string): string | null | undefined;
}

/** One decision-table evaluation (structurally the engine's `TableTrace`). */
export interface TableTraceEntry {
  table: string;
  hit: string;
  inputs: Json[];
  /** 1-based row numbers that matched, and their source lines. */
  rows: { row: number; line: number }[];
  output: Json;
  /** For a table used from another flow (`use … from …`): the flow version its rows came from. */
  origin?: TableOriginIR;
}

/** Receives what an evaluation looked at; the engine groups it per guard into its trace. */
export interface TraceSink {
  /** A reference (`input.discount`) or directory lookup (`authority(requester)`) read, with its value. */
  read(name: string, value: Json): void;
  table(entry: TableTraceEntry): void;
}

/** Everything an expression may depend on. Nothing else is reachable: no globals, no clock, no host objects. */
export interface EvalEnv {
  readonly context: InstanceData;
  /** The current event's time, ISO-8601 UTC: the value of `now`. */
  readonly now: string;
  /** The current event's payload: the root of `event.<field>` references. */
  readonly event?: Json;
  readonly tables: readonly TableIR[];
  /** Flow constants, for `const.<name>` references (the compiler usually inlines them). */
  readonly constants?: readonly ConstantIR[];
  readonly directory: DirectoryPort;
  /**
   * The business calendar `timestamp ± n workdays` counts in (weekends, holidays, make-up working
   * days, its UTC offset): the engine passes the one its timers use. Absent: Monday to Friday (UTC).
   */
  readonly calendar?: BusinessCalendar;
  readonly trace?: TraceSink;
}

/** The outcome of an evaluation: a value, or a user-level failure naming what failed. */
export type EvalResult = { ok: true; value: Value } | { ok: false; error: { message: string } };
