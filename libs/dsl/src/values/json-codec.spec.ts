import type { Json, TypeIR } from '../ir/flow-ir';
import { Decimal } from './decimal';
import { Duration } from './duration';
import { decodeValue, decoderFor, encodeValue } from './json-codec';

describe('json codec', () => {
  const cases: [TypeIR, Json, Json][] = [
    [{ kind: 'money', currency: 'CNY' }, '1850000', '1850000.00'],
    [{ kind: 'money', currency: 'CNY' }, 12.5, '12.50'],
    [{ kind: 'percent' }, '2.50%', '2.5%'],
    [{ kind: 'decimal' }, '1.250', '1.25'],
    [{ kind: 'int' }, 42, 42],
    [{ kind: 'duration' }, '2 workdays', '2 workdays'],
    [{ kind: 'timestamp' }, '2026-11-23T09:30:00Z', '2026-11-23T09:30:00.000Z'],
    [{ kind: 'enum', values: ['full', 'mortgage'] }, 'full', 'full'],
    [{ kind: 'list', of: { kind: 'role' } }, ['consultant'], ['consultant']],
    [
      { kind: 'record', fields: [{ name: 'rate', type: { kind: 'percent' } }] },
      { rate: '0.21%' },
      { rate: '0.21%' },
    ],
    [{ kind: 'user' }, null, null],
  ];

  it.each(cases)('should decode %j and encode it canonically', (type, json, canonical) => {
    const value = decodeValue(type, json);
    expect(value).toBeDefined();
    expect(encodeValue(type, value!)).toEqual(canonical);
  });

  it('should decode to the documented run-time shapes', () => {
    expect(decodeValue({ kind: 'percent' }, '2.5%')).toEqual(new Decimal(25n, 1));
    expect(decodeValue({ kind: 'duration' }, '24h')).toEqual(new Duration(24, 'h'));
    expect(decodeValue({ kind: 'timestamp' }, '1970-01-01T00:00:01Z')).toBe(1000);
  });

  it('should return undefined when the JSON does not have the type', () => {
    expect(decodeValue({ kind: 'percent' }, 2)).toBeUndefined();
    expect(decodeValue({ kind: 'int' }, 1.5)).toBeUndefined();
    expect(decodeValue({ kind: 'enum', values: ['a'] }, 'b')).toBeUndefined();
    expect(decodeValue({ kind: 'list', of: { kind: 'int' } }, [1, 'x'])).toBeUndefined();
  });

  it('should decode exactly as decodeValue when specialised for one type', () => {
    const money: TypeIR = { kind: 'money', currency: 'CNY' };
    const samples: [TypeIR, Json[]][] = [
      [money, ['1850000.00', 12.5, -0.05, null, 'x', '1e3', true, '2%']],
      [{ kind: 'decimal' }, ['1.250', '-7', null, '', 3]],
      [{ kind: 'percent' }, ['2.50%', '-1%', '%', '2.5', 2.5, null, '1.%', '12345678901234567890%']],
      [{ kind: 'int' }, [42, 1.5, '4', null]],
      [{ kind: 'string' }, ['a', 1, null]],
    ];
    for (const [type, values] of samples) {
      const decode = decoderFor(type);
      for (const json of values) expect([json, decode(json)]).toEqual([json, decodeValue(type, json)]);
    }
    expect(decoderFor({ kind: 'percent' })('-2.5%')).toEqual(new Decimal(-25n, 1));
  });
});
