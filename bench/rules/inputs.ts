import { decimalText, intIn, seeded } from '../support/random';

/**
 * One generated case, as canonical JSON stores it: percentages as `"2.5%"` text, money as decimal
 * text. `authority` is the requester's discount authority, passed in as data so every contender can
 * read it (the flow reads it from the org directory; engines without a directory cannot).
 */
export interface RuleInput {
  discount: string;
  authority: string;
  attainment: string;
  contractValue: string;
}

/** What every contender must agree on, per input: the guard, the tier rate (percent number, 2 places), the commission (CNY, 2 places). */
export interface Outcome {
  within: boolean;
  rate: string;
  commission: string;
}

const AUTHORITIES = ['1', '3', '5'];
// Tier boundaries and their neighbours are over-represented: that is where contenders disagree if any does.
const EDGES = [5999, 6000, 6001, 7999, 8000, 8001, 10099, 10100, 10101];

/** `n` inputs from a fixed seed, so all contenders and all runs see the same cases. */
export function generateInputs(n: number, seed = 7): RuleInput[] {
  const rnd = seeded(seed);
  const out: RuleInput[] = [];
  for (let i = 0; i < n; i++) {
    const authority = AUTHORITIES[intIn(rnd, 0, 2)];
    const discountBp = rnd() < 0.1 ? Number(authority) * 100 : intIn(rnd, 0, 1000);
    const attainmentBp = rnd() < 0.2 ? EDGES[intIn(rnd, 0, EDGES.length - 1)] : intIn(rnd, 0, 15000);
    out.push({
      discount: `${decimalText(discountBp, 2)}%`,
      authority: `${authority}%`,
      attainment: `${decimalText(attainmentBp, 2)}%`,
      contractValue: decimalText(intIn(rnd, 10_000_000, 5_000_000_000), 2),
    });
  }
  return out;
}
