/**
 * The compiled discount flow, run through the evaluator: proves the IR the compiler emits is the IR the
 * evaluator reads (table cells calling the directory, enum outputs, money × percent), and that the
 * routing table sends each discount where PROCESSES.md §4 says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compile,
  encodeValue,
  evaluate,
  type DirectoryPort,
  type EvalEnv,
  type FlowIR,
  type Json,
  type TableTraceEntry,
} from '../src';

const ir = compile(readFileSync(join(__dirname, '../../../workflows/discount-approval.flow'), 'utf8'))
  .ir as FlowIR;

const ROLES: Record<string, string[]> = {
  'li.na': ['consultant'],
  'chen.jie': ['sales_manager'],
  'liu.yang': ['sales_director'],
};
const AUTHORITY: Record<string, string | null> = {
  consultant: '1%',
  sales_manager: '3%',
  sales_director: '5%',
  vice_president: null,
  general_manager: null,
};
const directory: DirectoryPort = {
  user: (username) =>
    ROLES[username] && {
      username,
      roles: ROLES[username],
      team: 'sunrise_sales',
      superior: null,
      discountAuthority: null,
    },
  roleAuthority: (role) => AUTHORITY[role],
};

/** Runs the initial step's `set` actions and returns the variables and the table decisions they made. */
function submit(
  requester: string,
  discount: string,
): { vars: Record<string, Json>; tables: TableTraceEntry[] } {
  const tables: TableTraceEntry[] = [];
  const env: EvalEnv = {
    context: {
      input: { unit: 'A-0101', listPrice: '1850000.00', discount },
      requester,
      vars: {},
      decisions: {},
    },
    now: '2026-11-23T08:00:00.000Z',
    tables: ir.tables,
    directory,
    trace: { read: () => undefined, table: (entry) => tables.push(entry) },
  };
  const vars: Record<string, Json> = {};
  for (const action of ir.states.find((s) => s.name === ir.initial)?.always[0].actions ?? []) {
    if (action.k !== 'set') continue;
    const result = evaluate(action.value, env);
    if (!result.ok) throw new Error(result.error.message);
    vars[action.name] = encodeValue(action.value.type, result.value);
  }
  return { vars, tables };
}

describe('the discount flow evaluated', () => {
  it.each([
    ['li.na', '0.5%', 'auto', 1],
    ['li.na', '1%', 'auto', 1],
    ['li.na', '2%', 'manager', 2],
    ['li.na', '3%', 'manager', 2],
    ['li.na', '4%', 'director', 3],
    ['li.na', '8%', 'vice_president', 4],
    ['chen.jie', '2%', 'auto', 1],
    ['chen.jie', '4%', 'director', 3],
    ['liu.yang', '6%', 'vice_president', 4],
  ])(
    'should route a request by %s for %s to %s by row %i of the table',
    (requester, discount, reviewer, row) => {
      const { vars, tables } = submit(requester, discount);
      expect(vars.reviewer).toBe(reviewer);
      expect(tables).toEqual([
        expect.objectContaining({ table: 'route', rows: [{ row, line: ir.tables[0].rows[row - 1].line }] }),
      ]);
    },
  );

  it('should compute the net price as list price × (100 % − discount), rounded to the fen', () => {
    expect(submit('li.na', '2.5%').vars.netPrice).toBe('1803750.00');
    expect(submit('li.na', '1.33%').vars.netPrice).toBe('1825395.00');
  });
});
