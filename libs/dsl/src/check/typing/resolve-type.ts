import type { TypeNode } from '../../ast/flow';
import type { FieldIR, TypeIR } from '../../ir/flow-ir';
import type { Reporter } from '../context';
import { didYouMean } from '../suggest';
import { SIMPLE_TYPES, T } from '../types';

const TYPE_NAMES = [...Object.keys(SIMPLE_TYPES), 'money', 'list', 'record'];

/** A written type as a TypeIR, or null after reporting why it is not one. */
export function resolveType(node: TypeNode, report: Reporter): TypeIR | null {
  if (node.k === 'enum') {
    const seen = new Set<string>();
    for (const value of node.values) {
      if (seen.has(value.name)) {
        report.error(
          value.span,
          'type/duplicate-enum-value',
          `The enum value "${value.name}" is listed twice`,
          'list each value once',
        );
        return null;
      }
      seen.add(value.name);
    }
    return { kind: 'enum', values: node.values.map((v) => v.name) };
  }
  if (node.k === 'list') {
    if (!node.of) return null;
    const of = resolveType(node.of, report);
    return of && T.list(of);
  }
  if (node.k === 'record') return resolveRecord(node, report);
  const { name, arg } = node;
  const simple = SIMPLE_TYPES[name.name];
  if (simple && Object.hasOwn(SIMPLE_TYPES, name.name)) {
    if (arg)
      report.error(
        arg.span,
        'type/unexpected-argument',
        `The type ${name.name} takes no argument`,
        `write \`${name.name}\``,
      );
    return arg ? null : simple;
  }
  if (name.name === 'money') {
    if (!arg) {
      report.error(name.span, 'type/missing-currency', 'money needs a currency', 'write `money(CNY)`');
      return null;
    }
    if (!/^[A-Z]{3}$/.test(arg.name)) {
      report.error(
        arg.span,
        'type/bad-currency',
        `"${arg.name}" is not a currency code`,
        'write a 3-letter ISO code such as `CNY`',
      );
      return null;
    }
    return T.money(arg.name);
  }
  if (name.name === 'list') {
    report.error(
      arg?.span ?? name.span,
      'type/unknown-type',
      'A list needs an element type',
      'write e.g. `list(user)` or `list(record { sku: string, qty: int })`',
    );
    return null;
  }
  if (name.name === 'record') {
    report.error(
      name.span,
      'type/unknown-type',
      'A record needs its fields',
      'write e.g. `record { sku: string, qty: int }`',
    );
    return null;
  }
  report.error(
    name.span,
    'type/unknown-type',
    `Unknown type "${name.name}"${didYouMean(name.name, TYPE_NAMES)}`,
    'the types are string, int, decimal, bool, percent, money(CUR), duration, timestamp, user, role, team, list(T), record { f: T, … } and enums `a | b`',
  );
  return null;
}

/** `record { f: T, g?: U }`: each field once, each type resolved; an empty record is an error. */
function resolveRecord(node: Extract<TypeNode, { k: 'record' }>, report: Reporter): TypeIR | null {
  if (node.fields.length === 0) {
    report.error(
      node.span,
      'type/empty-record',
      'A record needs at least one field',
      'write e.g. `record { sku: string }`',
    );
    return null;
  }
  const fields: FieldIR[] = [];
  let failed = false;
  for (const field of node.fields) {
    if (fields.some((f) => f.name === field.name.name)) {
      report.error(
        field.name.span,
        'flow/duplicate-field',
        `The record field "${field.name.name}" is declared twice`,
        'declare each field once',
      );
      failed = true;
      continue;
    }
    const type = resolveType(field.type, report);
    if (!type) failed = true;
    else
      fields.push(
        field.optional ? { name: field.name.name, type, optional: true } : { name: field.name.name, type },
      );
  }
  return failed ? null : { kind: 'record', fields };
}
