import { DISCOUNT_FLOW_IR, flowVariant } from '../testing';
import { boundFlow } from './bound-flow';
import { TransitionConfig } from './transition-config';

describe('binding FlowIR to XState', () => {
  it('should make one state node per state, final states final, guards as { type: expr, params }', () => {
    const { machine } = boundFlow(DISCOUNT_FLOW_IR);
    expect(Object.keys(machine.states)).toEqual(DISCOUNT_FLOW_IR.states.map((s) => s.name));
    expect(machine.states.approved.type).toBe('final');
    expect(machine.states.manager_review.type).toBe('atomic');
    const approve = machine.states.manager_review.on.approve[0];
    expect(approve.target?.map((t) => t.key)).toEqual(['approved']);
    expect(approve.guard).toEqual({
      type: 'expr',
      params: { state: 'manager_review', transition: DISCOUNT_FLOW_IR.states[2].on[0] },
    });
    expect(approve.actions).toEqual([{ type: 'recordDecision', params: { task: 'manager_review' } }]);
    expect(machine.states.routing.always?.map((t) => t.target?.[0].key)).toEqual([
      'approved',
      'manager_review',
      'director_review',
      'vp_review',
    ]);
  });

  it('should hand XState transition configs that a spread copies nothing from', () => {
    // XState spreads each config and sets target, guard and actions again: with plain objects V8
    // leaves its fast path (see transition-config.ts). The transitions it builds keep every field.
    const { machine } = boundFlow(DISCOUNT_FLOW_IR);
    const states = Object.values(machine.config.states ?? {}) as unknown as {
      always: TransitionConfig[];
      on: Record<string, TransitionConfig[]>;
    }[];
    const configs = states.flatMap((s) => [...s.always, ...Object.values(s.on).flat()]);
    expect(configs).toHaveLength(
      DISCOUNT_FLOW_IR.states.reduce((n, s) => n + s.always.length + s.on.length, 0),
    );
    for (const config of configs) {
      expect(config).toBeInstanceOf(TransitionConfig);
      expect({ ...config }).toEqual({});
    }
    const reject = machine.states.manager_review.on.reject[0];
    expect(Object.keys(reject).sort()).toEqual(
      ['actions', 'eventType', 'guard', 'reenter', 'source', 'target', 'toJSON'].sort(),
    );
    expect(reject.target?.map((t) => t.key)).toEqual(['rejected']);
  });

  it('should bind an IR once per hash, also when the IR object was reloaded from storage', () => {
    const reloaded = JSON.parse(JSON.stringify(DISCOUNT_FLOW_IR)) as typeof DISCOUNT_FLOW_IR;
    expect(boundFlow(reloaded)).toBe(boundFlow(DISCOUNT_FLOW_IR));
    expect(boundFlow(flowVariant(DISCOUNT_FLOW_IR, () => undefined))).not.toBe(boundFlow(DISCOUNT_FLOW_IR));
  });

  it('should keep the IR free of functions so it stays storable', () => {
    expect(JSON.parse(JSON.stringify(DISCOUNT_FLOW_IR))).toEqual(DISCOUNT_FLOW_IR);
  });
});
