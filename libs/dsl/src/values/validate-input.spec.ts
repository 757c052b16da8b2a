import type { FieldIR } from '../ir/flow-ir';
import { validateInput } from './validate-input';

const discountInput: FieldIR[] = [
  { name: 'unit', type: { kind: 'string' } },
  { name: 'listPrice', type: { kind: 'money', currency: 'CNY' } },
  { name: 'discount', type: { kind: 'percent' } },
];

const errorsOf = (fields: FieldIR[], json: unknown) => {
  const r = validateInput(fields, json);
  return r.ok ? [] : r.errors;
};

describe('validateInput', () => {
  it('should return canonical JSON when the discount request is well-formed', () => {
    expect(validateInput(discountInput, { unit: 'A-0101', listPrice: '1850000', discount: '2.50%' })).toEqual(
      {
        ok: true,
        value: { unit: 'A-0101', listPrice: '1850000.00', discount: '2.5%' },
      },
    );
  });

  it('should accept money as a JSON number when it has at most the minor digits', () => {
    const r = validateInput(discountInput, { unit: 'A-0101', listPrice: 1850000.5, discount: '2%' });
    expect(r).toEqual({ ok: true, value: { unit: 'A-0101', listPrice: '1850000.50', discount: '2%' } });
  });

  it('should refuse money with more digits than the currency allows, naming the path', () => {
    expect(errorsOf(discountInput, { unit: 'A', listPrice: '1850000.005', discount: '2%' })).toEqual([
      { path: 'listPrice', message: '"1850000.005" has 3 decimal places; CNY allows at most 2' },
    ]);
    expect(errorsOf([{ name: 'fee', type: { kind: 'money', currency: 'JPY' } }], { fee: 10.5 })).toEqual([
      { path: 'fee', message: '10.5 has 1 decimal places; JPY allows at most 0' },
    ]);
  });

  it('should refuse a bare number for a percentage with a hint when the unit is ambiguous', () => {
    expect(errorsOf(discountInput, { unit: 'A', listPrice: '1', discount: 2 })).toEqual([
      { path: 'discount', message: 'write "2%" — a bare 2 could mean 2 % or 200 %' },
    ]);
    expect(errorsOf(discountInput, { unit: 'A', listPrice: '1', discount: 0.02 })[0].message).toBe(
      'write "0.02%" — a bare 0.02 could mean 0.02 % or 2 %',
    );
  });

  it('should report missing and unknown fields with a near miss when a name is misspelt', () => {
    expect(errorsOf(discountInput, { unit: 'A', listPrice: '1', discont: '2%' })).toEqual([
      { path: 'discount', message: 'required field "discount" is missing' },
      { path: 'discont', message: 'unknown field "discont" — did you mean "discount"?' },
    ]);
  });

  it('should check enum values, ints, durations and timestamps when they are declared', () => {
    const fields: FieldIR[] = [
      { name: 'paymentMethod', type: { kind: 'enum', values: ['full', 'mortgage', 'instalments'] } },
      { name: 'days', type: { kind: 'int' } },
      { name: 'sla', type: { kind: 'duration' } },
      { name: 'at', type: { kind: 'timestamp' } },
    ];
    expect(
      errorsOf(fields, { paymentMethod: 'cash', days: 1.5, sla: '2 weeks', at: '2026-11-23 09:00' }),
    ).toEqual([
      { path: 'paymentMethod', message: '"cash" is not one of full, mortgage, instalments' },
      { path: 'days', message: 'expected an integer, got 1.5' },
      { path: 'sla', message: 'expected a duration like "24h" or "2 workdays", got "2 weeks"' },
      {
        path: 'at',
        message: 'expected an ISO-8601 time with a zone like "2026-11-23T09:30:00Z", got "2026-11-23 09:00"',
      },
    ]);
    expect(
      validateInput(fields, {
        paymentMethod: 'mortgage',
        days: 7,
        sla: '2 workday',
        at: '2026-11-23T17:30:00+08:00',
      }),
    ).toEqual({
      ok: true,
      value: { paymentMethod: 'mortgage', days: 7, sla: '2 workdays', at: '2026-11-23T09:30:00.000Z' },
    });
  });

  it('should leave out an absent optional field and report nested paths when lists and records are wrong', () => {
    const fields: FieldIR[] = [
      { name: 'note', type: { kind: 'string' }, optional: true },
      {
        name: 'items',
        type: {
          kind: 'list',
          of: { kind: 'record', fields: [{ name: 'amount', type: { kind: 'money', currency: 'CNY' } }] },
        },
      },
    ];
    expect(validateInput(fields, { items: [{ amount: '1' }] })).toEqual({
      ok: true,
      value: { items: [{ amount: '1.00' }] },
    });
    expect(errorsOf(fields, { note: null, items: [{ amount: '1' }, { amount: true }] })).toEqual([
      {
        path: 'items[1].amount',
        message: 'expected money (CNY) as a decimal string like "1850000.00", got true',
      },
    ]);
  });

  it('should refuse a non-object input when the flow declares fields', () => {
    expect(errorsOf(discountInput, [1, 2])).toEqual([
      { path: '', message: 'expected an object with fields unit, listPrice, discount, got a list' },
    ]);
  });
});
