import type { Json } from '@signet/dsl';

function show(v: unknown): string {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

/**
 * Where `actual` fails to match `expected` as Jest's `toMatchObject` would: an object matches when
 * every expected key matches; an array when it has the same length and every element matches; any
 * other value when it is identical. Returns one message per mismatch (`at context.vars.x: …`).
 */
export function mismatches(actual: unknown, expected: Json | undefined, path = ''): string[] {
  const at = path === '' ? 'the value' : path;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      return [`at ${at}: expected a list of ${expected.length}, got ${show(actual)}`];
    if (actual.length !== expected.length)
      return [`at ${at}: expected ${expected.length} items, got ${actual.length}: ${show(actual)}`];
    return expected.flatMap((e, i) => mismatches(actual[i], e, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`at ${at}: expected an object, got ${show(actual)}`];
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([k, e]) =>
      mismatches(record[k], e, path === '' ? k : `${path}.${k}`),
    );
  }
  return Object.is(actual, expected) ? [] : [`at ${at}: expected ${show(expected)}, got ${show(actual)}`];
}
