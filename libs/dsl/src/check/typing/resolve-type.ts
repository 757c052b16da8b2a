import type { TypeNode } from '../../ast/flow';
import type { TypeIR } from '../../ir/flow-ir';
import type { Reporter } from '../context';
import { didYouMean } from '../suggest';
import { SIMPLE_TYPES, T } from '../types';

const TYPE_NAMES = [...Object.keys(SIMPLE_TYPES), 'money', 'list'];

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
    const of = arg && Object.hasOwn(SIMPLE_TYPES, arg.name) ? SIMPLE_TYPES[arg.name] : undefined;
    if (!of) {
      report.error(
        arg?.span ?? name.span,
        'type/unknown-type',
        'A list needs an element type',
        'write e.g. `list(user)`',
      );
      return null;
    }
    return T.list(of);
  }
  report.error(
    name.span,
    'type/unknown-type',
    `Unknown type "${name.name}"${didYouMean(name.name, TYPE_NAMES)}`,
    'the types are string, int, decimal, bool, percent, money(CUR), duration, timestamp, user, role, team, list(T) and enums `a | b`',
  );
  return null;
}
