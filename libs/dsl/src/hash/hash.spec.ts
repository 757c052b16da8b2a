import { canonicalJson } from './canonical-json';
import { flowHash } from './flow-hash';
import type { FlowIR } from '../ir/flow-ir';

describe('canonicalJson', () => {
  it('should sort keys at every depth and write no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('should give equal values the same text whatever their key order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });

  it('should leave out undefined properties as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('should escape strings as JSON does', () => {
    expect(canonicalJson({ 'k"': 'line\n"折扣"' })).toBe('{"k\\"":"line\\n\\"折扣\\""}');
  });

  it('should write empty and nested containers as JSON.stringify does with sorted keys', () => {
    const value = {
      z: [],
      y: {},
      x: [[], [{}], [1, [2, [3]]]],
      w: [{ b: [], a: { d: {}, c: [null] } }],
      v: -0.5,
    };
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
            )
          : v;
    expect(canonicalJson(value)).toBe(JSON.stringify(sorted(value)));
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({ a: undefined })).toBe('{}');
  });

  it('should order integer-like keys as strings, after "!" and before letters', () => {
    // Engines enumerate integer-like keys first, in numeric order: canonical order is by code units.
    expect(canonicalJson({ b: 1, 9: 2, 10: 3, '!': 4, '0x': 5 })).toBe('{"!":4,"0x":5,"10":3,"9":2,"b":1}');
    expect(canonicalJson({ z: [{ 2: 'two', 10: 'ten' }], a: 1 })).toBe(
      '{"a":1,"z":[{"10":"ten","2":"two"}]}',
    );
  });

  it('should write an own "__proto__" key as data', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"y":2,"x":1}}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":1,"y":2},"b":1}');
  });

  it('should write own enumerable keys only, never calling toJSON', () => {
    class Money {
      constructor(
        readonly currency: string,
        readonly amount: string,
      ) {}
      toJSON(): string {
        return 'not this';
      }
    }
    const list = Object.assign([2, 1], { toJSON: () => 'not this either' });
    expect(canonicalJson({ m: new Money('CNY', '1.00'), d: new Date(0), list })).toBe(
      '{"d":{},"list":[2,1],"m":{"amount":"1.00","currency":"CNY"}}',
    );
  });

  it('should leave its argument as it was', () => {
    const value = { b: { d: 1, c: [{ f: 1, e: 2 }] }, a: undefined };
    const before = JSON.stringify(value);
    canonicalJson(value);
    expect(JSON.stringify(value)).toBe(before);
    expect(Object.keys(value.b.c[0])).toEqual(['f', 'e']);
  });

  it('should write what a plain sort-and-join writer writes, for random values', () => {
    // A seeded generator: nested objects and arrays, keys in random order (some integer-like, some
    // unicode, one object with many keys), shared sub-values, and undefined members.
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const KEYS = ['k', 'type', 'a', 'path', 'Z', '_x', 'é', '折扣', '10', '9', '0', 'value', 'a b', '"q"'];
    const gen = (depth: number): unknown => {
      const r = rand(depth > 3 ? 5 : 8);
      if (r === 0) return null;
      if (r === 1) return rand(2) === 0;
      if (r === 2) return rand(1000) / 8 - 50;
      if (r === 3) return KEYS[rand(KEYS.length)] + '\n';
      if (r === 4) return 'text';
      if (r === 5) return Array.from({ length: rand(4) }, () => gen(depth + 1));
      const size = rand(10) === 0 ? 40 : rand(6);
      const out: Record<string, unknown> = {};
      for (let i = 0; i < size; i++) {
        const key = size > 20 ? `key${rand(100)}` : KEYS[rand(KEYS.length)];
        out[key] = rand(6) === 0 ? undefined : gen(depth + 1);
      }
      return out;
    };
    const reference = (v: unknown): string => {
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      if (v !== null && typeof v === 'object') {
        const record = v as Record<string, unknown>;
        const keys = Object.keys(record)
          .filter((k) => record[k] !== undefined)
          .sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`;
      }
      return JSON.stringify(v);
    };
    for (let i = 0; i < 300; i++) {
      const value = gen(0);
      const shared = { outer: value, again: value, list: [value, value] };
      expect(canonicalJson(value)).toBe(reference(value));
      expect(canonicalJson(shared)).toBe(reference(shared));
    }
  });

  it('should refuse what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ a: { b: [1, Number.POSITIVE_INFINITY] } })).toThrow(
      /Infinity is not a JSON number/,
    );
    expect(() => canonicalJson({ b: [undefined], a: 1 })).toThrow(/undefined is not JSON/);
    expect(() => canonicalJson({ 9: 1, a: () => 1 })).toThrow(/function is not JSON/);
  });
});

describe('flowHash', () => {
  const ir: Omit<FlowIR, 'hash'> = {
    irVersion: 1,
    key: 'k',
    version: 1,
    title: 't',
    input: [],
    constants: [],
    tables: [],
    startRoles: [],
    initial: 'a',
    states: [{ name: 'a', final: true, line: 1, always: [], on: [], timers: [] }],
    events: [],
  };

  it('should be the sha-256 of the canonical JSON, in hex', () => {
    // The expected hash is `printf '%s' '<that JSON>' | sha256sum`, computed outside JavaScript.
    expect(canonicalJson(ir)).toBe(
      '{"constants":[],"events":[],"initial":"a","input":[],"irVersion":1,"key":"k","startRoles":[],"states":[{"always":[],"final":true,"line":1,"name":"a","on":[],"timers":[]}],"tables":[],"title":"t","version":1}',
    );
    expect(flowHash(ir)).toBe('dc27f7e7e34db4e68b58d70ff51cf73ed5f17adcea1c51711b4c4693ddedaf67');
  });

  it('should ignore a hash already present, so a stored IR verifies against itself', () => {
    expect(flowHash({ ...ir, hash: 'anything' })).toBe(flowHash(ir));
  });
});
