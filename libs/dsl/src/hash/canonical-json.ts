/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, `undefined` properties left
 * out — so equal values always give the same text, and the same hash. Used for the FlowIR hash and,
 * by persistence, for the audit hash chain.
 *
 * Throws a TypeError for anything JSON cannot hold (functions, bigints, symbols, non-finite numbers,
 * `undefined` outside an object): that is a programming error, not a user's.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
  }
}
