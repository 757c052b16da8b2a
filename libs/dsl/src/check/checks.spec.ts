import { checkSource, compile } from '..';
import { expectDiagnostic, expectNoErrors } from '../testing';

const codes = (source: string, roles?: string[]): string[] =>
  checkSource(source, roles ? { roles } : {}).map((d) => d.code);

/** A flow around one table `t` over a single column of type `type`, called from the initial state. */
const withTable = (columns: string, hit: string, rows: string[], call: string): string => `flow f v1 {
  table t(${columns}) -> out: int hit ${hit} {
${rows.map((r) => `    ${r}`).join('\n')}
  }
  initial state a {
    always -> b when ${call} > 0
    always -> b
  }
  final state b
}`;

describe('checks: the state graph', () => {
  it('should not count an `always` loop that sets something as a loop without progress', () => {
    const source = `flow f v1 {
  initial state a {
    always -> c when var.n > 3
    always -> a do set n = 1
  }
  final state c
}`;
    expect(codes(source)).not.toContain('flow/always-cycle');
  });

  it('should report a misspelt target once, not again as an unreachable state', () => {
    const source = `flow f v1 {
  initial state a {
    on go -> aproved
  }
  final state approved
}`;
    expect(codes(source)).toEqual(['flow/unknown-state']);
  });

  it('should leave reachability alone while the flow has syntax errors', () => {
    const source = `flow f v1 {
  initial state a {
    on go -> b when
  }
  final state b
  state lonely { on x -> b }
}`;
    expect(codes(source)).toEqual(['syntax/unexpected-token']);
  });

  it('should let a state wait for a timer instead of an event', () => {
    const source = `flow f v1 {
  const HOLD = 24h
  initial state held {
    after HOLD -> expired
  }
  final state expired
}`;
    expectNoErrors(checkSource(source));
    expect(codes(source)).toEqual([]);
  });

  it('should report roles missing from the directory only when the directory is given', () => {
    const source = `flow f v1 {
  start by role(consultant)
  initial state review {
    task assignee role(sales_manger) sla 1d
    on ok -> done
  }
  final state done
}`;
    expect(codes(source)).toEqual([]);
    const d = expectDiagnostic(
      checkSource(source, { roles: ['consultant', 'sales_manager'] }),
      'flow/unknown-role',
      { line: 4, column: 24 },
    );
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('did you mean "sales_manager"?');
  });
});

describe('checks: decision tables', () => {
  it('should find overlapping rows over several columns and name an input both match', () => {
    const source = withTable(
      'a: int, m: full | mortgage | instalments',
      'unique',
      ['| < 10  | full, mortgage | 1 |', '| >= 5  | != full        | 2 |', '| >= 10 | -              | 3 |'],
      't(1, full)',
    );
    const d = expectDiagnostic(checkSource(source), 'table/overlap', { line: 4, column: 5 });
    expect(d.message).toBe(
      'Rows 1 and 2 of t (lines 3 and 4) both match a = 5, m = mortgage, but the table is `hit unique`',
    );
  });

  it('should respect that an int column holds whole numbers only', () => {
    const source = withTable(
      'a: int',
      'unique',
      ['| (1 .. 2) | 1 |', '| <= 1 | 2 |', '| >= 2 | 3 |'],
      't(1)',
    );
    expect(codes(source)).toEqual(['table/empty-cell']);
  });

  it('should not guess about cells read from the directory', () => {
    const source = withTable(
      'a: percent',
      'unique',
      ['| <= authority(role(x)) | 1 |', '| <= 3% | 2 |', '| > 3% | 3 |'],
      't(1%)',
    );
    expect(codes(source)).toEqual([]);
  });

  it('should find a row shadowed by several earlier rows together', () => {
    const source = withTable(
      'a: percent',
      'first',
      ['| < 3% | 1 |', '| >= 3% | 2 |', '| [1% .. 2%] | 3 |'],
      't(1%)',
    );
    const d = expectDiagnostic(checkSource(source), 'table/shadowed-row', { line: 5 });
    expect(d.message).toContain('rows 1 (line 3), 2 (line 4)');
  });

  it('should find a row shadowed by a catch-all even when its own cells are read from the directory', () => {
    const source = withTable('a: percent', 'first', ['| - | 1 |', '| <= authority(role(x)) | 2 |'], 't(1%)');
    expectDiagnostic(checkSource(source), 'table/shadowed-row', { line: 4 });
  });

  it('should report a gap with an uncovered input, and none once a catch-all row closes it', () => {
    const gap = withTable(
      'a: percent, b: bool',
      'first',
      ['| < 60% | true | 1 |', '| >= 60% | - | 2 |'],
      't(1%, true)',
    );
    const d = expectDiagnostic(checkSource(gap), 'table/gap', { line: 2, column: 9 });
    expect(d.message).toBe('No row of t matches a = 59%, b = false');
    const closed = withTable(
      'a: percent, b: bool',
      'first',
      ['| < 60% | true | 1 |', '| >= 60% | - | 2 |', '| - | - | 3 |'],
      't(1%, true)',
    );
    expect(codes(closed)).toEqual([]);
  });

  it('should read the commission tiers of PROCESSES.md §4 as a complete, exclusive table', () => {
    const source = `flow f v1 {
  input { completion: percent, contract: money(CNY) }
  table tier(completion: percent) -> rate: percent hit unique {
    | >= 101%         | 0.21% |
    | [80% .. 101%)   | 0.18% |
    | [60% .. 80%)    | 0.17% |
    | < 60%           | 0.16% |
  }
  initial state a {
    always -> b do set commission = round(input.contract * tier(input.completion), 2)
  }
  final state b
}`;
    expect(checkSource(source)).toEqual([]);
    expect(compile(source).ir?.tables[0].rows[1].cells[0]).toEqual({
      k: 'range',
      lo: { k: 'lit', type: { kind: 'percent' }, value: '80%' },
      hi: { k: 'lit', type: { kind: 'percent' }, value: '101%' },
      loInclusive: true,
      hiInclusive: false,
    });
  });

  it('should type `hit collect` with and without an aggregate', () => {
    const table = (hit: string, out = 'int') => `flow f v1 {
  table t(a: int) -> out: ${out} hit ${hit} {
    | > 1 | 1 |
    | > 2 | 2 |
  }
  initial state a {
    always -> b do set x = t(3)
  }
  final state b
}`;
    const typeOfX = (source: string) => {
      const [action] = compile(source).ir?.states[0].always[0].actions ?? [];
      return action?.k === 'set' ? action.value.type : undefined;
    };
    expect(typeOfX(table('collect sum'))).toEqual({ kind: 'int' });
    expect(typeOfX(table('collect count'))).toEqual({ kind: 'int' });
    expect(typeOfX(table('collect'))).toEqual({ kind: 'list', of: { kind: 'int' } });
    expectDiagnostic(
      checkSource(table('collect sum', 'string').replace(/\| (\d) \|$/gm, '| "$1" |')),
      'table/bad-aggregate',
      { line: 2 },
    );
  });
});
