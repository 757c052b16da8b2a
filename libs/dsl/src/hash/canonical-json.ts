/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, `undefined` properties left
 * out — so equal values always give the same text, and the same hash. Used for the FlowIR hash and,
 * by persistence, for the audit hash chain.
 *
 * Throws a TypeError for anything JSON cannot hold (functions, bigints, symbols, non-finite numbers,
 * `undefined` outside an object): that is a programming error, not a user's.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '');
}

/**
 * Appends the canonical JSON of `value` to `out`. One growing string instead of an array, a `map`
 * and a `join` per container: V8 concatenates into a rope and flattens it once, when it is hashed.
 * Keys are sorted only when they are not in order already (the compiler emits most objects sorted).
 */
function write(value: unknown, out: string): string {
  if (value === null) return `${out}null`;
  switch (typeof value) {
    case 'boolean':
      return out + (value ? 'true' : 'false');
    case 'string':
      return out + JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return out + JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        out += '[';
        for (let i = 0; i < value.length; i++) out = write(value[i], i === 0 ? out : `${out},`);
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      for (let i = 1; i < keys.length; i++)
        if (keys[i - 1] > keys[i]) {
          keys.sort();
          break;
        }
      out += '{';
      let first = true;
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        out = write(member, `${out}${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
  }
}
