import type { TypeIR } from '../../ir/flow-ir';
import { isNumeric, T, typeName, unify } from '../types';

/** Why an argument does not fit: its index and what was wanted there. */
export interface ArgMismatch {
  arg: number;
  expected: string;
}

export interface LibraryFunction {
  arity: number;
  /** As shown in messages and docs: `authority(user | role) → percent`. */
  signature: string;
  /** The result type for these argument types, or which argument is wrong. */
  result(args: TypeIR[]): TypeIR | ArgMismatch;
  /** The type wanted for argument `i` given the earlier ones (lets `contains(list, x)` read an enum value). */
  expected?(i: number, earlier: TypeIR[]): TypeIR | undefined;
}

const wrong = (arg: number, expected: string): ArgMismatch => ({ arg, expected });

const sameNumeric = (args: TypeIR[]): TypeIR | ArgMismatch => {
  if (!isNumeric(args[0])) return wrong(0, 'a number, percent or money');
  const common = unify(args[0], args[1]);
  return common && isNumeric(common) ? common : wrong(1, typeName(args[0]));
};

const rounding = (args: TypeIR[]): TypeIR | ArgMismatch => {
  const [x, places] = args;
  if (x.kind !== 'money' && x.kind !== 'decimal' && x.kind !== 'percent')
    return wrong(0, 'money, decimal or percent');
  return places.kind === 'int' ? x : wrong(1, 'an int (decimal places)');
};

/**
 * The fixed function library (lang-conventions). Directory functions read the org directory the engine
 * passes in at the time of the step; the rest are pure arithmetic.
 */
export const LIBRARY: Readonly<Record<string, LibraryFunction>> = {
  authority: {
    arity: 1,
    signature: 'authority(user | role) → percent',
    result: ([a]) => (a.kind === 'user' || a.kind === 'role' ? T.percent : wrong(0, 'a user or a role')),
  },
  superior: {
    arity: 1,
    signature: 'superior(user) → user',
    result: ([a]) => (a.kind === 'user' ? T.user : wrong(0, 'a user')),
  },
  team: {
    arity: 1,
    signature: 'team(user) → team',
    result: ([a]) => (a.kind === 'user' ? T.team : wrong(0, 'a user')),
  },
  roles: {
    arity: 1,
    signature: 'roles(user) → list(role)',
    result: ([a]) => (a.kind === 'user' ? T.list(T.role) : wrong(0, 'a user')),
  },
  hasRole: {
    arity: 2,
    signature: 'hasRole(user, role) → bool',
    result: ([u, r]) =>
      u.kind !== 'user' ? wrong(0, 'a user') : r.kind !== 'role' ? wrong(1, 'a role') : T.bool,
  },
  min: { arity: 2, signature: 'min(a, b) → the type of a and b', result: sameNumeric },
  max: { arity: 2, signature: 'max(a, b) → the type of a and b', result: sameNumeric },
  abs: {
    arity: 1,
    signature: 'abs(x) → the type of x',
    result: ([x]) => (isNumeric(x) ? x : wrong(0, 'a number, percent or money')),
  },
  round: { arity: 2, signature: 'round(x, places) → the type of x (half-up)', result: rounding },
  roundEven: { arity: 2, signature: 'roundEven(x, places) → the type of x (half-even)', result: rounding },
  len: {
    arity: 1,
    signature: 'len(string | list) → int',
    result: ([x]) => (x.kind === 'string' || x.kind === 'list' ? T.int : wrong(0, 'a string or a list')),
  },
  contains: {
    arity: 2,
    signature: 'contains(list, element) → bool; contains(string, string) → bool',
    result: ([haystack, needle]) => {
      if (haystack.kind === 'string') return needle.kind === 'string' ? T.bool : wrong(1, 'a string');
      if (haystack.kind !== 'list') return wrong(0, 'a list or a string');
      return unify(haystack.of, needle) ? T.bool : wrong(1, typeName(haystack.of));
    },
    expected: (i, earlier) => (i === 1 && earlier[0]?.kind === 'list' ? earlier[0].of : undefined),
  },
};

export const LIBRARY_NAMES = Object.keys(LIBRARY);

export const isLibraryFunction = (name: string): boolean => Object.hasOwn(LIBRARY, name);
