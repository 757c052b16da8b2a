import type { CellIR, ExprIR, Json, TypeIR } from '../ir/flow-ir';

function literalText(type: TypeIR, json: Json): string {
  if (json === null) return 'null';
  // Scalars print as written; structured literals (lists, records) print as JSON.
  const value = typeof json === 'object' ? JSON.stringify(json) : String(json);
  switch (type.kind) {
    case 'money':
      return `${value} ${type.currency}`;
    case 'string':
      return JSON.stringify(json);
    case 'user':
      return `user(${JSON.stringify(json)})`;
    case 'role':
    case 'team':
      return `${type.kind}(${value})`;
    default:
      return value;
  }
}

function operandText(e: ExprIR): string {
  return e.k === 'binary' || e.k === 'if' || e.k === 'range' ? `(${exprText(e)})` : exprText(e);
}

/**
 * Source-like text of an expression, for error messages and trace keys: `input.discount <= authority(requester)`.
 * Field access on users reads back as calls (`team(requester)`), as the compiler lowered it.
 */
export function exprText(e: ExprIR): string {
  switch (e.k) {
    case 'lit':
      return literalText(e.type, e.value);
    case 'ref':
      return e.path.join('.');
    case 'unary':
      return e.op === 'not' ? `not ${operandText(e.arg)}` : `-${operandText(e.arg)}`;
    case 'binary':
      return `${operandText(e.left)} ${e.op} ${operandText(e.right)}`;
    case 'if':
      return `if ${exprText(e.cond)} then ${exprText(e.then)} else ${exprText(e.else)}`;
    case 'call':
      return `${e.fn}(${e.args.map(exprText).join(', ')})`;
    case 'table':
      return `${e.table}(${e.args.map(exprText).join(', ')})`;
    case 'list':
      return `[${e.items.map(exprText).join(', ')}]`;
    case 'range':
      return `${operandText(e.value)} in ${e.loInclusive ? '[' : '('}${exprText(e.lo)} .. ${exprText(e.hi)}${e.hiInclusive ? ']' : ')'}`;
  }
}

/** Text of a table cell as written: `-`, `<= 3%`, `[80% .. 101%)`, `full, mortgage`. */
export function cellText(c: CellIR): string {
  switch (c.k) {
    case 'any':
      return '-';
    case 'eq':
      return exprText(c.value);
    case 'cmp':
      return `${c.op} ${exprText(c.value)}`;
    case 'range':
      return `${c.loInclusive ? '[' : '('}${exprText(c.lo)} .. ${exprText(c.hi)}${c.hiInclusive ? ']' : ')'}`;
    case 'in':
      return c.values.map(exprText).join(', ');
  }
}
