/**
 * Marks the end of an exhaustive `switch`: the compiler rejects the call when a case is missing, so a
 * new code cannot ship unmapped. Reaching it at run time is a bug, hence the throw.
 */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
