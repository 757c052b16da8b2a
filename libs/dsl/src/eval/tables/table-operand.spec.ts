import fc from 'fast-check';
import { compile } from '../../compile/compile';
import type { ExprIR, FlowIR } from '../../ir/flow-ir';
import type { Decimal } from '../../values/decimal';
import type { EvalEnv } from '../eval-env';
import { evaluate } from '../evaluate';
import { TraceRecorder } from '../trace-recorder';

// A table call as a factor of `round(a × b, n)` hands a literal row output to the product without a
// `Decimal` (`tableOperand`); traced evaluations take the plain path. Both must give the same value.
const SOURCE = `flow table_operand v1 "Table operand" {
  input { attainment: percent, contractValue: money(CNY) }
  table tier(attainment: percent) -> rate: percent hit unique {
    | >= 101%        | 0.21% |
    | [80% .. 101%)  | 0.18% |
    | [60% .. 80%)   | 0.17% |
    | < 60%          | 0.1655% |
  }
  initial state s {
    always -> done when tier(input.attainment) > 0.17%
      do set commission = round(input.contractValue * tier(input.attainment), 2)
    always -> done
  }
  final state done
}`;

function flow(): { ir: FlowIR; guard: ExprIR; commission: ExprIR } {
  const { ir } = compile(SOURCE);
  if (!ir) throw new Error('does not compile');
  const t = ir.states[0].always[0];
  const action = t.actions[0];
  if (!t.guard || action.k !== 'set') throw new Error('unexpected IR');
  return { ir, guard: t.guard, commission: action.value };
}

/** Scaled-integer text: `12345, 2` → `"123.45"`. */
function text(units: bigint, scale: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return neg ? `-${body}` : body;
}

/** The expected commission in fen: contract × rate(hundredths of a percent ×100) ÷ 10⁶, half-up. */
function expected(attainmentBp: number, scale: number, fen: bigint): bigint {
  const a = attainmentBp / 10 ** scale; // exact enough to pick the tier: bounds are whole percents
  const rate = a >= 101 ? 2100n : a >= 80 ? 1800n : a >= 60 ? 1700n : 1655n; // percent × 10⁴
  const p = fen * rate; // scale 2 + 4 + 2 (percent) = 8; to fen: ÷ 10⁶
  const q = (p < 0n ? -p : p) / 1_000_000n;
  const r = (p < 0n ? -p : p) % 1_000_000n;
  const abs = r * 2n >= 1_000_000n ? q + 1n : q;
  return p < 0n ? -abs : abs;
}

describe('a table call as a factor of a fused round', () => {
  const { ir, guard, commission } = flow();
  const env = (input: Record<string, string>, trace?: TraceRecorder): EvalEnv => ({
    context: { input, requester: 'u', vars: {}, decisions: {} },
    now: '2026-01-01T00:00:00Z',
    tables: ir.tables,
    directory: { user: () => undefined, roleAuthority: () => undefined },
    ...(trace ? { trace } : {}),
  });

  it('should give the traced (plain) value and the exact product on every tier and edge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15_000 }),
        fc.constantFrom(0, 1, 2),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        (units, scale, fen) => {
          const input = { attainment: `${text(BigInt(units), scale)}%`, contractValue: text(fen, 2) };
          const fast = evaluate(commission, env(input));
          const trace = new TraceRecorder();
          const traced = evaluate(commission, env(input, trace));
          if (!fast.ok || !traced.ok) return false;
          const [a, b] = [fast.value as Decimal, traced.value as Decimal];
          expect([a.coef, a.scale]).toEqual([b.coef, b.scale]);
          expect(a.scale).toBe(2);
          expect(a.coef).toBe(expected(units, scale, fen));
          expect(trace.tables).toHaveLength(1);
          return true;
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('should compare a table result in a guard as the plain comparison does', () => {
    for (const [attainment, want] of [
      ['100.99%', true],
      ['101%', true],
      ['60%', false],
      ['59.99%', false],
    ] as const) {
      const r = evaluate(guard, env({ attainment, contractValue: '1.00' }));
      expect(r).toEqual({ ok: true, value: want });
    }
  });

  it('should word a missing row as the general matcher does', () => {
    const r = evaluate(commission, env({ attainment: 'abc%', contractValue: '1.00' }));
    expect(r.ok).toBe(false);
  });
});
