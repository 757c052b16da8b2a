import type { ExprIR } from '@signet/dsl';
import { start } from './start';
import { step } from './step';
import { DISCOUNT_FLOW_IR, engineContext, flowVariant } from './testing';

const input = (discount: string) => ({ unit: 'A-0101', listPrice: '1850000.00', discount });

describe('evaluation failures', () => {
  it('should refuse the start instead of taking the next branch when a guard cannot be evaluated', () => {
    // routing's first guard divides by a var that is zero: it must not fall through to manager_review.
    const broken = flowVariant(DISCOUNT_FLOW_IR, (ir) => {
      const routing = ir.states.find((s) => s.name === 'routing')!;
      const zero: ExprIR = { k: 'lit', type: { kind: 'int' }, value: 0 };
      routing.always[0].guard = {
        k: 'binary',
        op: '>',
        type: { kind: 'bool' },
        left: {
          k: 'binary',
          op: '/',
          type: { kind: 'decimal' },
          left: { k: 'lit', type: { kind: 'int' }, value: 1 },
          right: zero,
        },
        right: zero,
      };
      routing.always[0].guardText = '1 / 0 > 0';
    });
    expect(start(broken, input('2%'), engineContext())).toEqual({
      ok: false,
      error: {
        code: 'EVENT_NOT_ACCEPTED',
        message:
          'start in state submitted could not be evaluated: guard `1 / 0 > 0` (line 20): `1 / 0`: division by zero',
      },
    });
  });

  it('should refuse the start naming the table when no row matches', () => {
    const gap = flowVariant(DISCOUNT_FLOW_IR, (ir) => {
      ir.tables[0].rows = ir.tables[0].rows.slice(0, 3);
    });
    expect(start(gap, input('8%'), engineContext())).toEqual({
      ok: false,
      error: {
        code: 'EVENT_NOT_ACCEPTED',
        message:
          'start in state submitted could not be evaluated: set var.reviewer: table route: no row matches withinOwnAuthority = false, discount = "8%"',
      },
    });
  });

  it('should refuse an unknown user in a guard at decision time', () => {
    const first = start(DISCOUNT_FLOW_IR, input('2%'), engineContext());
    if (!first.ok) throw new Error(first.error.message);
    const strict = flowVariant(DISCOUNT_FLOW_IR, (ir) => {
      const manager = ir.states.find((s) => s.name === 'manager_review')!;
      manager.on[0].guard = {
        k: 'binary',
        op: '>=',
        type: { kind: 'bool' },
        left: {
          k: 'call',
          fn: 'authority',
          type: { kind: 'percent' },
          args: [{ k: 'lit', type: { kind: 'user' }, value: 'ghost' }],
        },
        right: { k: 'lit', type: { kind: 'percent' }, value: '1%' },
      };
    });
    expect(
      step(strict, first.snapshot, { type: 'approve' }, engineContext({ actor: 'chen.jie' })),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'EVENT_NOT_ACCEPTED',
        message: expect.stringContaining('unknown user "ghost"') as string,
      },
    });
  });

  it('should refuse instead of hanging when eventless transitions cycle forever', () => {
    const cycle = flowVariant(DISCOUNT_FLOW_IR, (ir) => {
      const routing = ir.states.find((s) => s.name === 'routing')!;
      routing.always = [{ target: 'submitted', actions: [], line: 20 }];
    });
    expect(start(cycle, input('2%'), engineContext())).toEqual({
      ok: false,
      error: {
        code: 'EVENT_NOT_ACCEPTED',
        message:
          'start in state submitted could not be evaluated: eventless transitions keep firing without reaching a stable state',
      },
    });
  });

  it('should refuse a decision instead of hanging when it leads into an eventless cycle', () => {
    const first = start(DISCOUNT_FLOW_IR, input('2%'), engineContext());
    if (!first.ok) throw new Error(first.error.message);
    const cycle = flowVariant(DISCOUNT_FLOW_IR, (ir) => {
      ir.states.find((s) => s.name === 'routing')!.always = [{ target: 'submitted', actions: [], line: 20 }];
      ir.states.find((s) => s.name === 'manager_review')!.on[0].target = 'routing';
    });
    expect(step(cycle, first.snapshot, { type: 'approve' }, engineContext({ actor: 'chen.jie' }))).toEqual({
      ok: false,
      error: {
        code: 'EVENT_NOT_ACCEPTED',
        message:
          'approve in state manager_review could not be evaluated: eventless transitions keep firing without reaching a stable state',
      },
    });
  });
});
