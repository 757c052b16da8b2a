import fc from 'fast-check';
import type { ExprIR, TypeIR } from '../ir/flow-ir';
import type { EvalEnv } from './eval-env';
import { evaluate } from './evaluate';
import {
  bin,
  call,
  dec,
  envOf,
  ifThen,
  int,
  lit,
  money,
  not,
  pct,
  ref,
  role,
  run,
  str,
  T,
} from './testing/expr-builders';

describe('evaluate', () => {
  it('should read every reference root when the context holds them', () => {
    const env = envOf({
      input: { listPrice: '1850000.00', address: { city: 'Shenzhen' } },
      vars: { price: '1813000.00' },
      decisions: {
        manager_review: {
          decision: 'approve',
          by: 'chen.jie',
          at: '2026-11-23T10:00:00.000Z',
          comment: null,
        },
      },
      event: { amount: '20000', receipt: 'R-1' },
    });
    expect(run(ref('input.listPrice', T.money()), env)).toBe('1850000.00');
    expect(run(ref('input.address.city', T.string), env)).toBe('Shenzhen');
    expect(run(ref('requester', T.user), env)).toBe('li.na');
    expect(run(ref('var.price', T.money()), env)).toBe('1813000.00');
    expect(run(ref('decision.manager_review.by', T.user), env)).toBe('chen.jie');
    expect(run(ref('decision.manager_review.at', T.timestamp), env)).toBe('2026-11-23T10:00:00.000Z');
    expect(run(ref('now', T.timestamp), env)).toBe('2026-11-23T09:00:00.000Z');
    expect(run(ref('event.receipt', T.string), env)).toBe('R-1');
  });

  it('should read absent values as null when a var, decision or optional input is not set', () => {
    expect(run(ref('var.price', T.money()))).toBeNull();
    expect(run(ref('decision.vp_review.by', T.user))).toBeNull();
    expect(run(ref('input.note', T.string))).toBeNull();
  });

  it('should fail when the stored value does not have the reference type', () => {
    expect(run(ref('input.discount', T.percent), envOf({ input: { discount: 2 } }))).toEqual({
      error: '`input.discount` holds 2, which is not a percent',
    });
  });

  it('should fail on an unknown reference root', () => {
    expect(run(ref('global.x', T.int))).toEqual({ error: 'unknown reference `global.x`' });
  });

  it('should choose a branch with if and negate with not', () => {
    const big = bin('>', ref('input.p', T.money()), money('2000000'));
    const e = ifThen(big, pct('0.21%'), pct('0.18%'));
    expect(run(e, envOf({ input: { p: '2500000' } }))).toBe('0.21%');
    expect(run(e, envOf({ input: { p: '1850000' } }))).toBe('0.18%');
    expect(run(not(big), envOf({ input: { p: '1' } }))).toBe(true);
  });

  it('should compute the discounted price exactly when written as a formula', () => {
    // round(listPrice × (100% − discount), 2)
    const price: ExprIR = {
      k: 'call',
      fn: 'round',
      type: T.money(),
      args: [
        bin(
          '*',
          ref('input.listPrice', T.money()),
          bin('-', pct('100%'), ref('input.discount', T.percent)),
          T.money(),
        ),
        int(2),
      ],
    };
    expect(run(price, envOf({ input: { listPrice: '1850000.00', discount: '2.5%' } }))).toBe('1803750.00');
    expect(run(price, envOf({ input: { listPrice: '1234567.89', discount: '3.33%' } }))).toBe('1193456.78'); // 1193456.779263;
  });

  it('should never throw, whatever numbers flow through arithmetic', () => {
    const leaf = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map((n) => int(n)),
      fc.integer({ min: -1000, max: 1000 }).map((n) => dec(String(n / 8))),
    );
    const tree = fc.letrec<{ e: ExprIR }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.tuple(fc.constantFrom('+', '-', '*', '/' as const), tie('e'), tie('e')).map(([op, l, r]) => {
          const type: TypeIR =
            op === '/' || l.type.kind === 'decimal' || r.type.kind === 'decimal' ? T.decimal : T.int;
          return bin(op, l, r, type);
        }),
      ),
    })).e;
    fc.assert(
      fc.property(tree, (e) => {
        const r = evaluate(e, envOf());
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });

  it('should evaluate literals of every kind to their canonical JSON', () => {
    expect(run(lit(T.timestamp, '2026-11-23T17:00:00+08:00'))).toBe('2026-11-23T09:00:00.000Z');
    expect(run(str('A-0101'))).toBe('A-0101');
    expect(run(lit(T.percent, 2))).toEqual({ error: 'literal 2 is not a percent' });
  });
  describe('an evaluation started inside another (from a directory port)', () => {
    // A directory port that evaluates an expression of its own, against another environment, whenever
    // the outer expression asks for a role's authority.
    const nestedEnv = envOf({ input: { limit: 'not money' } });
    const nested = ref('input.limit', T.money());
    const reentrant = (): EvalEnv => {
      const env = envOf({ input: { limit: '3%' } });
      return {
        ...env,
        directory: {
          user: env.directory.user,
          roleAuthority: () => {
            const inner = evaluate(nested, nestedEnv);
            expect(inner).toEqual({ ok: false, error: { message: expect.stringContaining('input.limit') } });
            return '5%';
          },
        },
      };
    };
    const authority = call('authority', T.percent, role('sales_director'));

    it('should keep reading its own environment after the inner evaluation returns', () => {
      expect(run(bin('<', ref('input.limit', T.percent), authority, T.bool), reentrant())).toBe(true);
      expect(run(bin('<', authority, ref('input.limit', T.percent), T.bool), reentrant())).toBe(false);
    });

    it("should report its own failure, not the inner evaluation's", () => {
      const outer = bin('<', authority, ref('input.missing', T.percent), T.bool);
      expect(run(outer, reentrant())).toEqual({ error: expect.stringContaining('input.missing') });
    });

    it('should evaluate normally after a call that threw', () => {
      const throwing: EvalEnv = {
        ...envOf(),
        directory: {
          user: () => undefined,
          roleAuthority: () => {
            throw new Error('port down');
          },
        },
      };
      expect(() => evaluate(authority, throwing)).toThrow('port down');
      expect(run(bin('<', ref('input.limit', T.percent), authority, T.bool), reentrant())).toBe(true);
    });
  });
});
