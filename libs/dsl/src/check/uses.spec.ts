import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, evaluate, flowHash, type FlowIR, type FlowResolver, TraceRecorder } from '..';
import { expectDiagnostic, expectNoErrors } from '../testing';

const COMMISSION = readFileSync(join(__dirname, '../../../../workflows/commission.flow'), 'utf8');

const BONUS = `flow bonus v1 "Bonus preview" {
  input { completion: percent, contractValue: money(CNY) }
  use tier from commission
  initial state computing {
    always -> done do set rate = tier(input.completion),
      set bonus = round(input.contractValue * var.rate, 2)
  }
  final state done
}`;

const sources: Record<string, string> = { commission: COMMISSION };
const resolve: FlowResolver = (key) => sources[key];

const build = (source: string, resolver: FlowResolver = resolve): FlowIR => {
  const result = compile(source, { resolve: resolver, flowKeys: Object.keys(sources) });
  expectNoErrors(result.diagnostics);
  if (!result.ir) throw new Error('no IR');
  return result.ir;
};

const errors = (source: string, resolver: FlowResolver | null = resolve) =>
  compile(source, { ...(resolver ? { resolve: resolver } : {}), flowKeys: Object.keys(sources) }).diagnostics;

describe('use … from …: tables of another flow', () => {
  it('should copy the used table into the IR with its origin, and type calls by its signature', () => {
    const commission = build(COMMISSION);
    const ir = build(BONUS);
    const tier = ir.tables.find((t) => t.name === 'tier');
    expect(tier?.origin).toEqual({ flow: 'commission', version: 1, hash: commission.hash });
    expect(tier?.rows).toEqual(commission.tables.find((t) => t.name === 'tier')?.rows);
    expect(ir.tables.map((t) => t.name)).toEqual(['tier']);
    const { hash, ...body } = ir;
    expect(hash).toBe(flowHash(body));
  });

  it('should evaluate a call of the used table like a local one, and trace its rows', () => {
    const ir = build(BONUS);
    const call = ir.states[0].always[0].actions[0];
    if (call.k !== 'set') throw new Error('expected a set');
    const trace = new TraceRecorder();
    const result = evaluate(call.value, {
      context: { input: { completion: '85%', contractValue: '1000000.00' }, vars: {} },
      now: '2026-01-01T00:00:00Z',
      tables: ir.tables,
      trace,
    } as never);
    expect(result.ok).toBe(true);
    expect(trace.tables[0]).toMatchObject({
      table: 'tier',
      rows: [{ row: 2 }],
      output: '0.18%',
      origin: { flow: 'commission', version: 1 },
    });
  });

  it('should accept an IR from the resolver (the deployed version) as well as a source', () => {
    const deployed = build(COMMISSION);
    const ir = build(BONUS, (key) => (key === 'commission' ? deployed : undefined));
    expect(ir.tables[0].origin?.hash).toBe(deployed.hash);
  });

  it('should bring along the tables a used table calls', () => {
    sources.rates = `flow rates v3 {
      table base(x: int) -> r: percent hit first {
        | < 10 | 1% |
        | -    | 2% |
      }
      table scaled(x: int) -> r: percent hit first {
        | - | base(5) * 2 |
      }
      initial state s { always -> e do set a = scaled(1) }
      final state e
    }`;
    try {
      const ir = build(`flow user_of_rates v1 {
        use scaled from rates
        initial state s { always -> e do set a = scaled(4) }
        final state e
      }`);
      expect(ir.tables.map((t) => [t.name, t.origin?.flow, t.origin?.version])).toEqual([
        ['scaled', 'rates', 3],
        ['base', 'rates', 3],
      ]);
    } finally {
      delete sources.rates;
    }
  });

  it('should report a use without a resolver', () => {
    expectDiagnostic(errors(BONUS, null), 'flow/use-no-resolver', { line: 3, column: 3 });
  });

  it('should report an unknown flow with a near miss', () => {
    const d = expectDiagnostic(
      errors(BONUS.replace('from commission', 'from comission')),
      'flow/use-unknown-flow',
      {
        line: 3,
        column: 17,
      },
    );
    expect(d.message).toContain('did you mean "commission"');
    expect(d.hint).toBeTruthy();
  });

  it('should report an unknown table with a near miss and the tables there are', () => {
    const d = expectDiagnostic(errors(BONUS.replace('use tier', 'use tierr')), 'flow/use-unknown-table', {
      line: 3,
      column: 7,
    });
    expect(d.message).toContain('did you mean "tier"');
    expect(d.hint).toContain('tier, discountRate, release');
  });

  it('should report a used name that clashes with a local table', () => {
    const source = BONUS.replace(
      'use tier from commission',
      'use tier from commission\n  table tier(x: int) -> r: percent hit first {\n    | - | 1% |\n  }',
    );
    expectDiagnostic(errors(source), 'flow/use-name-clash', { line: 3, column: 7 });
  });

  it('should report flows that use each other in a cycle, and a flow that uses itself', () => {
    sources.a = `flow a v1 {
      use tb from b
      table ta(x: int) -> r: int hit first {
        | - | 1 |
      }
      initial state s { always -> e do set v = tb(1) }
      final state e
    }`;
    sources.b = `flow b v1 {
      use ta from a
      table tb(x: int) -> r: int hit first {
        | - | 2 |
      }
      initial state s { always -> e do set v = ta(1) }
      final state e
    }`;
    try {
      const d = expectDiagnostic(errors(sources.a), 'flow/use-cycle', { line: 2, column: 19 });
      expect(d.message).toContain('a → b → a');
      expectDiagnostic(errors(BONUS.replace('flow bonus', 'flow commission')), 'flow/use-cycle', {
        line: 3,
        column: 17,
      });
    } finally {
      delete sources.a;
      delete sources.b;
    }
  });

  it('should report a used flow that does not compile', () => {
    const broken: FlowResolver = () => COMMISSION.replace('initial state submitted', 'state submitted');
    expectDiagnostic(errors(BONUS, broken), 'flow/use-flow-has-errors', { line: 3, column: 17 });
  });

  it('should report a used table that calls a table clashing with a local one', () => {
    sources.rates = `flow rates v1 {
      table base(x: int) -> r: percent hit first {
        | - | 2% |
      }
      table scaled(x: int) -> r: percent hit first {
        | - | base(5) * 2 |
      }
      initial state s { always -> e do set a = scaled(1) }
      final state e
    }`;
    try {
      const source = `flow mine v1 {
  use scaled from rates
  table base(x: int) -> r: percent hit first {
    | - | 9% |
  }
  initial state s { always -> e do set a = scaled(base(1) == 9% ? 1 : 2) }
  final state e
}`;
      expectDiagnostic(
        errors(source.replace('scaled(base(1) == 9% ? 1 : 2)', 'scaled(1) + base(1)')),
        'flow/use-dependency-clash',
        { line: 2, column: 7 },
      );
    } finally {
      delete sources.rates;
    }
  });

  it('should refuse a used table whose IR still reads a constant of its flow', () => {
    const deployed = build(COMMISSION);
    const tier = deployed.tables.find((t) => t.name === 'tier');
    if (!tier) throw new Error('no tier');
    const readsConst: FlowIR = {
      ...deployed,
      tables: [
        {
          ...tier,
          rows: tier.rows.map((r) => ({
            ...r,
            outputs: [{ k: 'ref', type: { kind: 'percent' }, path: ['const', 'TOP'] }],
          })),
        },
      ],
    };
    const d = expectDiagnostic(
      errors(BONUS, () => readsConst),
      'flow/use-needs-constant',
      {
        line: 3,
        column: 7,
      },
    );
    expect(d.message).toContain('TOP');
  });
});
