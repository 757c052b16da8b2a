import type { Expr } from './expr';

/** The expressions directly inside `e`. */
export function childExprs(e: Expr): Expr[] {
  switch (e.k) {
    case 'member':
      return [e.object];
    case 'call':
      return e.args;
    case 'unary':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'if':
      return [e.cond, e.then, e.else];
    case 'list':
      return e.items;
    case 'range':
      return [e.lo, e.hi];
    default:
      return [];
  }
}
