import { boundFlow } from './binding/bound-flow';
import type { InstanceContext } from './instance-context';
import { activeStatePath, jsonCopy, persistSnapshot, restoreSnapshot } from './snapshot';
import { start } from './start';
import { step } from './step';
import { DISCOUNT_FLOW_IR, engineContext, sequentialIds } from './testing';
import type { StepOk, StepResult } from './types';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

const input = { unit: 'A-0101', listPrice: '1850000.00', discount: '4%' };

describe('snapshots', () => {
  it('should give the same result when the snapshot went through JSON storage before the step', () => {
    const first = ok(start(DISCOUNT_FLOW_IR, input, engineContext()));
    const stored = JSON.parse(JSON.stringify(first.snapshot)) as typeof first.snapshot;
    const decide = () => engineContext({ actor: 'liu.yang', newId: sequentialIds('x') });
    expect(step(DISCOUNT_FLOW_IR, stored, { type: 'approve' }, decide())).toEqual(
      step(DISCOUNT_FLOW_IR, first.snapshot, { type: 'approve' }, decide()),
    );
  });

  it('should restore against an IR that itself went through JSON storage', () => {
    const ir = JSON.parse(JSON.stringify(DISCOUNT_FLOW_IR)) as typeof DISCOUNT_FLOW_IR;
    const first = ok(start(ir, input, engineContext()));
    expect(ok(step(ir, first.snapshot, { type: 'reject' }, engineContext({ actor: 'liu.yang' }))).state).toBe(
      'rejected',
    );
  });

  it('should be plain JSON holding the state value and the context', () => {
    const first = ok(start(DISCOUNT_FLOW_IR, input, engineContext()));
    expect(JSON.parse(JSON.stringify(first.snapshot))).toEqual(first.snapshot);
    expect(first.snapshot).toMatchObject({
      status: 'active',
      value: 'director_review',
      context: first.context,
    });
  });

  it('should produce identical results when given the same inputs and the same context', () => {
    const run = () => {
      const ids = sequentialIds('t');
      const a = start(DISCOUNT_FLOW_IR, input, engineContext({ newId: ids }));
      const b = a.ok
        ? step(
            DISCOUNT_FLOW_IR,
            a.snapshot,
            { type: 'approve' },
            engineContext({ actor: 'liu.yang', newId: ids }),
          )
        : a;
      return JSON.stringify([a, b]);
    };
    expect(run()).toBe(run());
  });

  it('should throw when given something that is not a snapshot this engine wrote', () => {
    expect(() =>
      step(DISCOUNT_FLOW_IR, { value: 'manager_review' }, { type: 'approve' }, engineContext()),
    ).toThrow(/not a Signet snapshot/);
  });

  it('should read the active state path of flat and nested state values', () => {
    expect(activeStatePath({ value: 'manager_review' })).toBe('manager_review');
    expect(activeStatePath({ value: { review: 'chief_engineer' } })).toBe('review.chief_engineer');
    expect(activeStatePath({ value: { review: { level2: 'gm' } } })).toBe('review.level2.gm');
  });

  it("should persist exactly what a JSON round trip of XState's persisted snapshot gives, key order included", () => {
    const flow = boundFlow(DISCOUNT_FLOW_IR);
    const first = ok(start(DISCOUNT_FLOW_IR, input, engineContext()));
    const done = ok(
      step(DISCOUNT_FLOW_IR, first.snapshot, { type: 'approve' }, engineContext({ actor: 'liu.yang' })),
    );
    for (const r of [first, done]) {
      const current = restoreSnapshot(flow.machine, r.snapshot);
      const context = {
        ...(r.context as object),
        gone: undefined,
        notANumber: Number.NaN,
        list: [undefined, -0],
      } as unknown as InstanceContext;
      const persisted = persistSnapshot(flow.machine, current, context);
      const roundTrip = JSON.stringify({ ...flow.machine.getPersistedSnapshot(current), context });
      expect(JSON.stringify(persisted)).toBe(roundTrip);
      expect(persisted).toEqual(JSON.parse(roundTrip));
      expect((persisted as { context: unknown }).context).not.toBe(context);
    }
    expect(done.snapshot).toMatchObject({ status: 'done' });
  });

  it('should copy values as a JSON round trip would', () => {
    const boxed = Object.assign(Object.create({ inherited: 1 }) as object, { own: 2 });
    const value = {
      text: 'a',
      n: 1.5,
      negativeZero: -0,
      inf: Number.POSITIVE_INFINITY,
      nan: Number.NaN,
      yes: true,
      nothing: null,
      gone: undefined,
      fn: () => 1,
      sym: Symbol('s'),
      date: new Date('2026-11-23T09:00:00Z'),
      boxed: new String('b'),
      classed: boxed,
      list: [1, undefined, () => 2, Symbol('t'), { deep: [{ x: undefined, y: 'z' }] }],
      2: 'integer key',
    };
    const copied = jsonCopy(value);
    expect(JSON.stringify(copied)).toBe(JSON.stringify(value));
    expect(copied).toEqual(JSON.parse(JSON.stringify(value)));
    expect(Object.is(jsonCopy(-0), 0)).toBe(true);
    expect(jsonCopy(undefined)).toBeNull();
  });
});
