import type { TypeIR } from '../ir/flow-ir';

/** The types without parameters, by the name a flow writes them with. */
export const SIMPLE_TYPES: Readonly<Record<string, TypeIR>> = {
  string: { kind: 'string' },
  int: { kind: 'int' },
  decimal: { kind: 'decimal' },
  bool: { kind: 'bool' },
  percent: { kind: 'percent' },
  duration: { kind: 'duration' },
  timestamp: { kind: 'timestamp' },
  user: { kind: 'user' },
  role: { kind: 'role' },
  team: { kind: 'team' },
};

export const T = {
  int: { kind: 'int' } as TypeIR,
  decimal: { kind: 'decimal' } as TypeIR,
  percent: { kind: 'percent' } as TypeIR,
  bool: { kind: 'bool' } as TypeIR,
  string: { kind: 'string' } as TypeIR,
  duration: { kind: 'duration' } as TypeIR,
  timestamp: { kind: 'timestamp' } as TypeIR,
  user: { kind: 'user' } as TypeIR,
  role: { kind: 'role' } as TypeIR,
  team: { kind: 'team' } as TypeIR,
  null: { kind: 'null' } as TypeIR,
  money: (currency: string): TypeIR => ({ kind: 'money', currency }),
  list: (of: TypeIR): TypeIR => ({ kind: 'list', of }),
};

/** How a type is written in a flow: `money(CNY)`, `list(user)`, `full | mortgage`. */
export function typeName(t: TypeIR): string {
  switch (t.kind) {
    case 'money':
      return `money(${t.currency})`;
    case 'list':
      return `list(${typeName(t.of)})`;
    case 'enum':
      return t.values.join(' | ');
    case 'record':
      return `record { ${t.fields.map((f) => `${f.name}${f.optional ? '?' : ''}: ${typeName(f.type)}`).join(', ')} }`;
    default:
      return t.kind;
  }
}

/** Structural equality; enums are equal when they have the same values. */
export function sameType(a: TypeIR, b: TypeIR): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'money' && b.kind === 'money') return a.currency === b.currency;
  if (a.kind === 'list' && b.kind === 'list') return sameType(a.of, b.of);
  if (a.kind === 'enum' && b.kind === 'enum') {
    return a.values.length === b.values.length && a.values.every((v) => b.values.includes(v));
  }
  if (a.kind === 'record' && b.kind === 'record') {
    return (
      a.fields.length === b.fields.length &&
      a.fields.every((f, i) => f.name === b.fields[i].name && sameType(f.type, b.fields[i].type))
    );
  }
  return true;
}

export const isPlainNumber = (t: TypeIR): boolean => t.kind === 'int' || t.kind === 'decimal';

export const isNumeric = (t: TypeIR): boolean =>
  isPlainNumber(t) || t.kind === 'percent' || t.kind === 'money';

/** Types `<`, `<=`, `>`, `>=` and table ranges apply to. */
export const isOrdered = (t: TypeIR): boolean => isNumeric(t) || t.kind === 'timestamp';

/**
 * The common type of two values that meet (both branches of an `if`, items of a list, a value stored
 * where another was): equal types, int with decimal (→ decimal), or anything with null. Undefined otherwise.
 */
export function unify(a: TypeIR, b: TypeIR): TypeIR | undefined {
  if (sameType(a, b)) return a;
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (isPlainNumber(a) && isPlainNumber(b)) return T.decimal;
  return undefined;
}

/** True when a value of type `from` may stand where `to` is expected (no conversion, except int → decimal). */
export function assignable(from: TypeIR, to: TypeIR): boolean {
  if (sameType(from, to) || from.kind === 'null') return true;
  if (from.kind === 'int' && to.kind === 'decimal') return true;
  if (from.kind === 'list' && to.kind === 'list') return assignable(from.of, to.of);
  return false;
}

/** A value of the type as a flow writes it, for hints: `5%`, `100 CNY`, `role(sales_manager)`. */
export function exampleOf(t: TypeIR): string {
  switch (t.kind) {
    case 'money':
      return `100 ${t.currency}`;
    case 'percent':
      return '5%';
    case 'decimal':
      return '1.5';
    case 'int':
      return '3';
    case 'bool':
      return 'true';
    case 'string':
      return '"text"';
    case 'duration':
      return '24h';
    case 'timestamp':
      return 'now';
    case 'user':
      return 'requester';
    case 'role':
      return 'role(sales_manager)';
    case 'team':
      return 'team(sunrise_sales)';
    case 'enum':
      return t.values[0] ?? '';
    case 'list':
      return `[${exampleOf(t.of)}]`;
    case 'record':
      return t.fields.map((f) => `${f.name}: ${exampleOf(f.type)}`).join(', ');
    case 'null':
      return 'null';
  }
}
