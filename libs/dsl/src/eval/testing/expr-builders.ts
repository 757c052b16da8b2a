/**
 * Terse builders for hand-written ExprIR in the evaluator's tests (the compiler is not needed to test
 * evaluation), plus a small in-memory directory and environment.
 */
import type { BinaryOp, ExprIR, Json, TableIR, TypeIR } from '../../ir/flow-ir';
import { encodeValue } from '../../values/json-codec';
import type { DirectoryPort, DirectoryUserView, EvalEnv, InstanceData } from '../eval-env';
import { evaluate } from '../evaluate';

export const T = {
  money: (currency = 'CNY'): TypeIR => ({ kind: 'money', currency }),
  percent: { kind: 'percent' } as TypeIR,
  decimal: { kind: 'decimal' } as TypeIR,
  int: { kind: 'int' } as TypeIR,
  bool: { kind: 'bool' } as TypeIR,
  string: { kind: 'string' } as TypeIR,
  user: { kind: 'user' } as TypeIR,
  role: { kind: 'role' } as TypeIR,
  team: { kind: 'team' } as TypeIR,
  duration: { kind: 'duration' } as TypeIR,
  timestamp: { kind: 'timestamp' } as TypeIR,
  null: { kind: 'null' } as TypeIR,
  enum: (...values: string[]): TypeIR => ({ kind: 'enum', values }),
  list: (of: TypeIR): TypeIR => ({ kind: 'list', of }),
};

export const lit = (type: TypeIR, value: Json): ExprIR => ({ k: 'lit', type, value });
export const money = (amount: string, currency = 'CNY'): ExprIR => lit(T.money(currency), amount);
export const pct = (text: string): ExprIR => lit(T.percent, text);
export const dec = (text: string): ExprIR => lit(T.decimal, text);
export const int = (n: number): ExprIR => lit(T.int, n);
export const str = (s: string): ExprIR => lit(T.string, s);
export const bool = (b: boolean): ExprIR => lit(T.bool, b);
export const role = (name: string): ExprIR => lit(T.role, name);
export const user = (name: string): ExprIR => lit(T.user, name);
export const dur = (text: string): ExprIR => lit(T.duration, text);
export const nul: ExprIR = lit(T.null, null);

/** `ref('input.discount', T.percent)`. */
export const ref = (path: string, type: TypeIR): ExprIR => ({ k: 'ref', type, path: path.split('.') });

const BOOL_OPS: BinaryOp[] = ['and', 'or', '==', '!=', '<', '<=', '>', '>=', 'in'];

/** A binary node; the type defaults to bool for logic/comparisons and to the left type for arithmetic. */
export const bin = (op: BinaryOp, left: ExprIR, right: ExprIR, type?: TypeIR): ExprIR => ({
  k: 'binary',
  op,
  left,
  right,
  type: type ?? (BOOL_OPS.includes(op) ? T.bool : left.type),
});

export const not = (arg: ExprIR): ExprIR => ({ k: 'unary', op: 'not', arg, type: T.bool });
export const neg = (arg: ExprIR): ExprIR => ({ k: 'unary', op: 'neg', arg, type: arg.type });
export const ifThen = (cond: ExprIR, then: ExprIR, otherwise: ExprIR): ExprIR => ({
  k: 'if',
  cond,
  then,
  else: otherwise,
  type: then.type,
});
export const call = (fn: string, type: TypeIR, ...args: ExprIR[]): ExprIR => ({ k: 'call', fn, type, args });
export const tableCall = (table: string, type: TypeIR, ...args: ExprIR[]): ExprIR => ({
  k: 'table',
  table,
  type,
  args,
});
export const list = (of: TypeIR, ...items: ExprIR[]): ExprIR => ({ k: 'list', type: T.list(of), items });

type UserSpec = Partial<DirectoryUserView> & { roles?: string[] };

/** An in-memory directory: users by name, role authorities (`null` = unlimited). */
export function directoryOf(
  users: Record<string, UserSpec>,
  authorities: Record<string, string | null>,
): DirectoryPort {
  return {
    user: (username) => {
      const u = users[username];
      return u && { username, roles: [], team: null, superior: null, discountAuthority: null, ...u };
    },
    roleAuthority: (r) => (r in authorities ? authorities[r] : undefined),
  };
}

/** A slice of the demo organisation (PROCESSES.md), enough for expression tests. */
export const smallDirectory = directoryOf(
  {
    'li.na': { roles: ['consultant'], team: 'sunrise_sales', superior: 'chen.jie' },
    'chen.jie': { roles: ['sales_manager'], team: 'sunrise_sales', superior: 'liu.yang' },
    'liu.yang': { roles: ['sales_director'], team: 'sunrise_sales', superior: 'huang.lei' },
    'huang.lei': { roles: ['vice_president'], team: 'executive', superior: 'zhou.qiang' },
    'zhou.qiang': { roles: ['general_manager', 'flow_admin'], team: 'executive' },
    'zhao.min': { roles: ['sales_admin', 'flow_admin'], team: 'sales_admin', superior: 'liu.yang' },
    'wang.fang': { roles: ['consultant', 'sales_manager'], discountAuthority: '1%', team: 'sunrise_sales' },
  },
  {
    consultant: '1%',
    sales_manager: '3%',
    sales_director: '5%',
    vice_president: null,
    general_manager: null,
  },
);

export interface EnvOptions {
  input?: InstanceData['input'];
  requester?: string;
  vars?: InstanceData['vars'];
  decisions?: InstanceData['decisions'];
  now?: string;
  event?: Json;
  tables?: TableIR[];
  directory?: DirectoryPort;
  trace?: EvalEnv['trace'];
}

export function envOf(o: EnvOptions = {}): EvalEnv {
  return {
    context: {
      input: o.input ?? {},
      requester: o.requester ?? 'li.na',
      vars: o.vars ?? {},
      decisions: o.decisions ?? {},
    },
    now: o.now ?? '2026-11-23T09:00:00.000Z',
    event: o.event,
    tables: o.tables ?? [],
    directory: o.directory ?? smallDirectory,
    trace: o.trace,
  };
}

/** Evaluates and returns the canonical JSON of the value, or `{ error }` with the failure message. */
export function run(expr: ExprIR, env: EvalEnv = envOf()): Json {
  const r = evaluate(expr, env);
  return r.ok ? encodeValue(expr.type, r.value) : { error: r.error.message };
}
