/**
 * Benchmark 1 — rules: the discount-authority guard and the four-tier commission table on the same
 * generated inputs, by our compiled language, a hand-written TS function (the limit),
 * json-rules-engine, zen-engine and cel-js. Every contender must agree on every input.
 *
 *   node scripts/run-ts.js bench/rules.ts [--full]      (10⁴ inputs either way; --full only adds runs)
 */
import { celContext, celOutcome, celProgram } from './rules/cel';
import { handwritten, handwrittenOutcome, handwrittenParsed } from './rules/handwritten';
import { generateInputs, type Outcome } from './rules/inputs';
import { jre, jreEngine, jreFacts, jreOutcome } from './rules/json-rules';
import { compileRules, signet, signetOutcome } from './rules/signet';
import { zen, zenContext, zenDecision, zenOutcome } from './rules/zen';
import { finish, fmt, FULL, median, row, RUNS, target, timeTakingTurns } from './support/measure';

interface Contender {
  name: string;
  /** Evaluates every input (timed); returns the raw results. */
  run: () => unknown[] | Promise<unknown[]>;
  outcome: (raw: unknown) => Outcome;
}

async function main(): Promise<void> {
  const n = 10_000;
  const runs = FULL ? Math.max(RUNS, 9) : RUNS;
  const inputs = generateInputs(n);
  const rules = compileRules();
  const engine = jreEngine();
  const facts = inputs.map(jreFacts);
  const decision = zenDecision();
  if (!decision)
    console.log('zen-engine is not installed: skipped (npm install --no-save @gorules/zen-engine@0.54.0)');
  const zenCtx = inputs.map(zenContext);
  const cel = celProgram();
  const celCtx = inputs.map(celContext);

  const contenders: Contender[] = [
    {
      name: 'hand-written TS (bigint)',
      run: () => inputs.map(handwritten),
      outcome: (r) => handwrittenOutcome(r as never),
    },
    {
      name: 'hand-written, pre-parsed',
      run: () => celCtx.map(handwrittenParsed),
      outcome: (r) => handwrittenOutcome(r as never),
    },
    {
      name: 'signet (compiled .flow)',
      run: () => inputs.map((i) => signet(rules, i)),
      outcome: (r) => signetOutcome(r as never),
    },
    { name: 'cel-js 8.0.0', run: () => celCtx.map(cel), outcome: celOutcome },
    ...(decision
      ? [
          {
            name: 'zen-engine 0.54.0',
            run: () => Promise.all(zenCtx.map((c) => zen(decision, c))),
            outcome: (r: unknown) => zenOutcome(r as never),
          },
        ]
      : []),
    {
      name: 'json-rules-engine 7.3.1',
      run: async () => {
        const out = [];
        for (const f of facts) out.push(await jre(engine, f));
        return out;
      },
      outcome: (r) => jreOutcome(r as never),
    },
  ];

  // Agreement first, untimed: every contender against the hand-written function, on every input.
  const reference = (contenders[0].run() as unknown[]).map(contenders[0].outcome);
  let disagreements = 0;
  for (const c of contenders.slice(1)) {
    const got = (await c.run()).map(c.outcome);
    const bad = got.filter((o, k) => JSON.stringify(o) !== JSON.stringify(reference[k]));
    if (bad.length) {
      const k = got.findIndex((o, j) => JSON.stringify(o) !== JSON.stringify(reference[j]));
      console.error(
        `${c.name}: ${bad.length} disagreement(s); first: ${JSON.stringify(inputs[k])} → ${JSON.stringify(got[k])}, expected ${JSON.stringify(reference[k])}`,
      );
    }
    disagreements += bad.length;
  }
  const tiers = new Set(reference.map((o) => o.rate)).size;
  console.log(
    `rules: ${fmt(n)} inputs (${tiers} tiers hit), all ${contenders.length} contenders compared on guard, rate, commission to the fen: ${disagreements} disagreement(s)`,
  );

  const perEval = new Map<string, number>();
  const W = [26, 12, 14, 14];
  console.log(row(['contender', 'µs/input', 'inputs/s', 'vs signet'], W));
  const timed = await timeTakingTurns(Object.fromEntries(contenders.map((c) => [c.name, c.run])), runs);
  for (const [name, ms] of timed) perEval.set(name, (median(ms) * 1000) / n);
  const ours = perEval.get('signet (compiled .flow)')!;
  for (const [name, us] of perEval)
    console.log(row([name, fmt(us, 2), fmt(1e6 / us), `${fmt(us / ours, 2)}×`], W));
  console.log(`  (median of ${runs} runs of ${fmt(n)} inputs each, contenders taking turns)`);
  const hand = perEval.get('hand-written TS (bigint)')!;
  const jreUs = perEval.get('json-rules-engine 7.3.1')!;
  target('≥ 100× json-rules-engine', jreUs / ours >= 100, `${fmt(jreUs / ours, 1)}× faster`);
  target(
    '≤ 5× the hand-written function',
    ours / hand <= 5,
    `${fmt(ours / hand, 2)}× its time (reading the same JSON text); ${fmt(ours / perEval.get('hand-written, pre-parsed')!, 1)}× the pre-parsed one`,
  );
  finish('rules', disagreements);
}

void main();
