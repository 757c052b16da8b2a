import type { TokenStream } from './token-stream';

/**
 * True when the token `ahead` of the current one starts a flow-level member (`input {`, `const X`, `use t`, `start by`, `key input.x`,
 * `table t`, `state s`, `initial state`, `final state`, `task`). Used to resynchronise after an error and to notice a
 * missing `}`; the look-ahead keeps a stray word such as `input.x` on a continuation line from matching.
 */
export function atFlowMember(ts: TokenStream, ahead = 0): boolean {
  const t = ts.peek(ahead);
  if (t.kind !== 'ident') return false;
  switch (t.text) {
    case 'input':
      return ts.isPunct('{', ahead + 1);
    case 'const':
    case 'table':
    case 'state':
    case 'use':
      return ts.peek(ahead + 1).kind === 'ident';
    case 'start':
      return ts.isWord('by', ahead + 1);
    case 'migrate':
      return ts.isWord('from', ahead + 1);
    case 'key':
      return ts.peek(ahead + 1).kind === 'ident' && ts.isPunct('.', ahead + 2);
    case 'initial':
    case 'final':
      return ts.isWord('state', ahead + 1);
    case 'task':
      return true;
    default:
      return false;
  }
}

const STATE_MEMBERS = ['always', 'on', 'after', 'at', 'task'];

/** True when the current token starts a member of a state body (`always`, `on`, `after`, `at`, `task`). */
export function atStateMember(ts: TokenStream): boolean {
  const t = ts.peek();
  return t.kind === 'ident' && STATE_MEMBERS.includes(t.text);
}
