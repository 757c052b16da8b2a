import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type FlowIR } from '@signet/dsl';
import { applyCommissionRules, type CommissionFigures } from './commission-rules';

// The rules of PROCESSES.md §4 as written in workflows/commission.flow. Every expected figure below
// was computed by hand from the text, to the fen.
const source = readFileSync(join(__dirname, '../../../../workflows/commission.flow'), 'utf8');
const compiled = compile(source);
const ir = compiled.ir as FlowIR;

const sale = {
  contractValue: '1850000.00',
  completion: '101%',
  listPrice: '1850000.00',
  soldPrice: '1850000.00',
  authority: '1%',
  paymentMethod: 'full',
  collected: '1850000.00',
};

function figures(overrides: Partial<typeof sale>): CommissionFigures {
  const outcome = applyCommissionRules(ir, { ...sale, ...overrides });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.figures;
}

describe('commission rules (workflows/commission.flow)', () => {
  it('should compile without errors', () => {
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ir.key).toBe('commission');
  });

  describe('tiers: lower bounds inclusive, upper bounds exclusive', () => {
    it.each([
      ['0%', '0.16%', '2960.00'],
      ['59.99%', '0.16%', '2960.00'],
      ['60%', '0.17%', '3145.00'],
      ['79.99%', '0.17%', '3145.00'],
      ['80%', '0.18%', '3330.00'],
      ['100.99%', '0.18%', '3330.00'],
      ['101%', '0.21%', '3885.00'],
      ['150%', '0.21%', '3885.00'],
    ])('should pay %s of target at %s of 1,850,000.00 = %s', (completion, rate, amount) => {
      const f = figures({ completion });
      expect(f.tierRate).toBe(rate);
      expect(f.tierCommission).toBe(amount);
    });

    it('should round the tier commission half-up to the fen', () => {
      // 1,840,750.00 × 0.17 % = 3129.275
      expect(figures({ contractValue: '1840750.00', completion: '79.99%' }).tierCommission).toBe('3129.28');
    });
  });

  describe('discount commission', () => {
    it('should pay 8 % of (list − lowest price the authority allowed) at the list price', () => {
      // 1 % of 1,850,000.00 → lowest 1,831,500.00; 8 % of 18,500.00
      expect(figures({})).toMatchObject({
        lowestAllowedPrice: '1831500.00',
        discountCommissionRate: '8%',
        discountCommission: '1480.00',
      });
    });

    it("should scale with the seller's authority (a sales manager's 3 %)", () => {
      // lowest 1,794,500.00; 8 % of 55,500.00
      expect(figures({ authority: '3%' })).toMatchObject({
        lowestAllowedPrice: '1794500.00',
        discountCommission: '4440.00',
      });
    });

    it('should count a sale above the list price as a sale at the list price', () => {
      expect(figures({ soldPrice: '1900000.00' }).discountCommission).toBe('1480.00');
    });

    it('should pay 5 % of the unused part of the authority for a discount inside it', () => {
      // 0.5 % off → 1,840,750.00; unused 9,250.00; 5 % = 462.50
      expect(figures({ soldPrice: '1840750.00' })).toMatchObject({
        discountCommissionRate: '5%',
        discountCommission: '462.50',
      });
    });

    it('should pay nothing for a discount that uses the whole authority', () => {
      expect(figures({ soldPrice: '1831500.00' })).toMatchObject({
        discountCommissionRate: '5%',
        discountCommission: '0.00',
      });
    });

    it('should pay nothing for a discount beyond the authority', () => {
      expect(figures({ soldPrice: '1813000.00' })).toMatchObject({
        discountCommissionRate: '0%',
        discountCommission: '0.00',
      });
    });

    it('should round the lowest price and the commission half-up to the fen', () => {
      // 1,234,567.89 × 99 % = 1,222,222.2111 → 1,222,222.21; at list: 8 % × 12,345.68 = 987.6544
      expect(figures({ listPrice: '1234567.89', soldPrice: '1234567.89' })).toMatchObject({
        lowestAllowedPrice: '1222222.21',
        discountCommission: '987.65',
      });
      // inside: 5 % × (1,230,000.00 − 1,222,222.21) = 5 % × 7,777.79 = 388.8895
      expect(figures({ listPrice: '1234567.89', soldPrice: '1230000.00' }).discountCommission).toBe('388.89');
    });

    it('should keep the discount commission out of the tier base (never counted twice)', () => {
      expect(figures({})).toMatchObject({
        tierCommission: '3885.00',
        discountCommission: '1480.00',
        totalCommission: '5365.00',
      });
    });
  });

  describe('release (total 5,365.00 on a 1,850,000.00 contract)', () => {
    it.each([
      ['full', '0.00', '100%', '5365.00'],
      ['full', '1850000.00', '100%', '5365.00'],
      ['mortgage', '0.00', '0%', '0.00'],
      ['mortgage', '555000.00', '50%', '2682.50'],
      ['mortgage', '1849999.99', '50%', '2682.50'],
      ['mortgage', '1850000.00', '100%', '5365.00'],
      ['instalments', '0.00', '0%', '0.00'],
      ['instalments', '924999.99', '0%', '0.00'],
      ['instalments', '925000.00', '50%', '2682.50'],
      ['instalments', '1849999.99', '50%', '2682.50'],
      ['instalments', '1850000.00', '100%', '5365.00'],
      ['refunded', '1850000.00', '0%', '0.00'],
      ['refunded', '0.00', '0%', '0.00'],
    ])('should release for %s with %s collected: %s = %s', (paymentMethod, collected, share, amount) => {
      const f = figures({ paymentMethod, collected });
      expect(f.releaseShare).toBe(share);
      expect(f.releasableNow).toBe(amount);
    });

    it('should round the releasable amount half-up to the fen', () => {
      // tier 3,313.35 + discount 462.50 = 3,775.85; half = 1,887.925
      const f = figures({
        contractValue: '1840750.00',
        completion: '85%',
        soldPrice: '1840750.00',
        paymentMethod: 'mortgage',
        collected: '552225.00',
      });
      expect(f).toMatchObject({
        tierCommission: '3313.35',
        totalCommission: '3775.85',
        releasableNow: '1887.93',
      });
    });
  });

  describe('input', () => {
    it('should refuse a percent without a % sign, naming the field', () => {
      const outcome = applyCommissionRules(ir, { ...sale, completion: '85' });
      expect(outcome).toMatchObject({ ok: false, kind: 'input', errors: [{ path: 'completion' }] });
    });

    it('should refuse an unknown payment method, naming the field', () => {
      const outcome = applyCommissionRules(ir, { ...sale, paymentMethod: 'cash' });
      expect(outcome).toMatchObject({ ok: false, kind: 'input', errors: [{ path: 'paymentMethod' }] });
    });

    it('should fail, not throw, on a zero contract value', () => {
      expect(applyCommissionRules(ir, { ...sale, contractValue: '0.00' })).toMatchObject({
        ok: false,
        kind: 'evaluation',
      });
    });
  });
});
