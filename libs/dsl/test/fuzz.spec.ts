/**
 * The front end never throws on anything it is given, and every diagnostic points inside the source:
 * random strings, random token soups, and random edits of the discount flow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compile, flowHash, type CompileResult } from '../src';

const flow = readFileSync(join(__dirname, '../../../workflows/discount-approval.flow'), 'utf8');

const FRAGMENTS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '|',
  '->',
  ',',
  ':',
  '..',
  '-',
  '=',
  '==',
  '<=',
  '.',
  '?',
  '%',
  'state',
  'final',
  'initial',
  'on',
  'always',
  'after',
  'when',
  'do',
  'set',
  'notify',
  'task',
  'assignee',
  'separateFrom',
  'sla',
  'table',
  'hit',
  'first',
  'unique',
  'const',
  'input',
  'if',
  'then',
  'else',
  'not',
  'and',
  'in',
  'null',
  'requester',
  'var.',
  'input.',
  'decision.',
  'role(',
  'user("',
  'authority(',
  '"',
  '"x"',
  '\n',
  ' ',
  '//',
  '5%',
  '24h',
  '2 workdays',
  '1.5',
  '50_000 CNY',
  '1__0',
  '24hours',
  '€',
  '\t',
  '99999999999999999999',
  'approved',
  'manager_review',
  'REVIEW_SLA',
];

const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join(' '));

const edit = fc.tuple(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.nat(60),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }),
);
const mutated = fc.array(edit, { minLength: 1, maxLength: 5 }).map((edits) =>
  edits.reduce((source, [where, cut, insert]) => {
    const at = Math.floor(where * source.length);
    return source.slice(0, at) + insert.join('') + source.slice(at + cut);
  }, flow),
);

function wellFormed(source: string, result: CompileResult): void {
  const lines = source.split('\n');
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual(lines[d.line - 1].length + 1);
    expect(d.endLine * 1e6 + d.endColumn).toBeGreaterThanOrEqual(d.line * 1e6 + d.column);
  }
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  expect(result.ok).toBe(!errors);
  if (result.ir) expect(flowHash(result.ir)).toBe(result.ir.hash);
  else expect(errors).toBe(true);
}

describe('compile on arbitrary input', () => {
  it.each([
    ['random strings', fc.string({ maxLength: 400 })],
    ['random unicode strings', fc.string({ unit: 'binary', maxLength: 200 })],
    ['token soups', soup],
    ['edits of the discount flow', mutated],
  ])('should never throw and only point inside the source for %s', (_name, sources) => {
    fc.assert(
      fc.property(sources, (source) => {
        wellFormed(source, compile(source));
      }),
      { numRuns: 400 },
    );
  });
});
