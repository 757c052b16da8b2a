/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, `undefined` properties left
 * out — so equal values always give the same text, and the same hash. Used for the FlowIR hash and,
 * by persistence, for the audit hash chain.
 *
 * Throws a TypeError for anything JSON cannot hold (functions, bigints, symbols, non-finite numbers,
 * `undefined` outside an object): that is a programming error, not a user's.
 */
export function canonicalJson(value: unknown): string {
  const sorted = sortedCopy(value);
  // The native serializer is several times faster than any writer in JavaScript, but it cannot put an
  // integer-like key after another key (engines enumerate those first); such values take the long way.
  return sorted === UNORDERABLE ? write(value, '') : JSON.stringify(sorted);
}

/** Returned by `sortedCopy` for a value holding a key that a plain object cannot keep in sorted order. */
const UNORDERABLE: unique symbol = Symbol('unorderable');

/**
 * A copy of `value` made of fresh plain objects and arrays whose keys are inserted in sorted order, so
 * `JSON.stringify` of it is the canonical text; objects and arrays that need no change are kept as they
 * are. Refuses what JSON cannot hold, as `write` does; returns `UNORDERABLE` when some key is
 * integer-like (a digit first: over-approximated, the long way is always right) or `__proto__`.
 */
function sortedCopy(value: unknown): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return value;
    case 'object': {
      if (Array.isArray(value)) {
        let copy: unknown[] | null = isPlain(value, Array.prototype) ? null : [];
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          const sorted = sortedCopy(item);
          if (sorted === UNORDERABLE) return UNORDERABLE;
          if (copy === null && sorted !== item) copy = value.slice(0, i);
          if (copy !== null) copy.push(sorted);
        }
        return copy ?? value;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      let inOrder = true;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const c = key.charCodeAt(0);
        if ((c >= 48 && c <= 57) || key === '__proto__') return UNORDERABLE;
        if (i > 0 && keys[i - 1] > key) inOrder = false;
      }
      // Kept as it is when the native serializer would read the same keys in the same order: a plain
      // object, keys in order, members kept. Otherwise rebuilt, keys inserted in order.
      let copy: Record<string, unknown> | null = null;
      if (!inOrder || !isPlain(record, Object.prototype)) {
        copy = {};
        if (!inOrder) sortKeys(keys);
      }
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const member = record[key];
        const sorted = member === undefined ? undefined : sortedCopy(member);
        if (sorted === UNORDERABLE) return UNORDERABLE;
        if (copy === null && sorted !== member) {
          copy = {};
          for (let j = 0; j < i; j++) copy[keys[j]] = record[keys[j]];
        }
        if (copy !== null && sorted !== undefined) copy[key] = sorted;
      }
      return copy ?? record;
    }
    case 'undefined':
      throw new TypeError('canonicalJson: a undefined is not JSON');
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
  }
}

/**
 * True for an object or array of the given prototype without a `toJSON`: the native serializer writes
 * it as `write` does. Anything else (a class instance, a `Date`, an array subclass) is copied first.
 */
function isPlain(value: object, prototype: object): boolean {
  return Object.getPrototypeOf(value) === prototype && !('toJSON' in value);
}

/**
 * Sorts keys in place by UTF-16 code units, as `Array.prototype.sort()` does. Insertion sort for the
 * few keys objects have: the built-in sort allocates a work array per call (2.4 MB for the 4,800
 * objects of a 200-state IR).
 */
function sortKeys(keys: string[]): void {
  if (keys.length > 16) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] > key; j--) keys[j + 1] = keys[j];
    keys[j + 1] = key;
  }
}

/**
 * Appends the canonical JSON of `value` to `out`, one value at a time: the long way, for values that
 * `sortedCopy` cannot order.
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
      sortKeys(keys);
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
