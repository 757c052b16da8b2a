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

  it('should refuse what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
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
