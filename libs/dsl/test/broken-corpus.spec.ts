/**
 * The seeded-error corpus: every `test/broken/*.flow` declares what it must produce in header comments,
 *
 *   // roles: consultant, sales_manager          (optional: the directory's roles, for flow/unknown-role)
 *   // expect: <code> at <line>:<column>[; <code> at <line>:<column> …]
 *
 * and each expected diagnostic must be reported with that code at exactly that position.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource, compile, type CheckOptions, type FlowResolver } from '../src';
import { expectDiagnostic } from '../src/testing';

interface Expectation {
  code: string;
  line: number;
  column: number;
}

const dir = join(__dirname, 'broken');

// `use … from <key>` finds `test/used/<key>.flow` (with `-` for `_`), else the shipped `workflows/`.
const usedDirs = [join(__dirname, 'used'), join(__dirname, '../../../workflows')];
const resolve: FlowResolver = (key) => {
  for (const d of usedDirs) {
    const file = join(d, `${key.replace(/_/g, '-')}.flow`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return undefined;
};
const flowKeys = usedDirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.flow'))
    .map((f) => f.slice(0, -5).replace(/-/g, '_')),
);
const optionsFor = (roles: string[] | undefined): CheckOptions => ({
  ...(roles ? { roles } : {}),
  resolve,
  flowKeys,
});
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.flow'))
  .sort()
  .map((file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const roles = /^\/\/ roles: (.*)$/m
      .exec(source)?.[1]
      .split(',')
      .map((r) => r.trim());
    const expectLine = /^\/\/ expect: (.*)$/m.exec(source)?.[1] ?? '';
    const expected: Expectation[] = expectLine.split(';').map((part) => {
      const m = /^\s*(\S+) at (\d+):(\d+)\s*$/.exec(part);
      if (!m) throw new Error(`${file}: malformed expectation "${part}"`);
      return { code: m[1], line: Number(m[2]), column: Number(m[3]) };
    });
    return { file, source, roles, expected };
  });

describe('the broken-flow corpus', () => {
  it('should hold at least 60 seeded-error sources', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('should report the expected diagnostics for $file', ({ source, roles, expected }) => {
    const diagnostics = checkSource(source, optionsFor(roles));
    for (const e of expected) expectDiagnostic(diagnostics, e.code, { line: e.line, column: e.column });
  });

  it.each(cases)('should not compile $file when it holds an error', ({ source, roles, expected }) => {
    const result = compile(source, optionsFor(roles));
    const expectsError = result.diagnostics.some((d) => d.severity === 'error');
    expect(result.ok).toBe(!expectsError);
    expect(result.ir === null).toBe(expectsError);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('should locate at least 95 % of the expected diagnostics exactly (code, line and column)', () => {
    let located = 0;
    let total = 0;
    for (const { source, roles, expected } of cases) {
      const diagnostics = checkSource(source, optionsFor(roles));
      for (const e of expected) {
        total++;
        if (diagnostics.some((d) => d.code === e.code && d.line === e.line && d.column === e.column))
          located++;
      }
    }
    expect(total).toBeGreaterThanOrEqual(60);
    expect(located / total).toBeGreaterThanOrEqual(0.95);
  });

  it('should give a hint with at least 80 % of the expected diagnostics', () => {
    let withHint = 0;
    let total = 0;
    for (const { source, roles, expected } of cases) {
      const diagnostics = checkSource(source, optionsFor(roles));
      for (const e of expected) {
        total++;
        if (expectDiagnostic(diagnostics, e.code, { line: e.line, column: e.column }).hint) withHint++;
      }
    }
    expect(withHint / total).toBeGreaterThanOrEqual(0.8);
  });

  it('should cover every diagnostic family the checker has', () => {
    const codes = new Set(cases.flatMap((c) => c.expected.map((e) => e.code)));
    for (const code of [
      'syntax/unexpected-token',
      'flow/unknown-state',
      'flow/unknown-field',
      'type/money-vs-number',
      'type/percent-vs-number',
      'type/currency-mismatch',
      'table/overlap',
      'table/shadowed-row',
      'flow/unreachable-state',
      'flow/dead-end',
      'flow/missing-initial',
      'flow/duplicate-state',
      'flow/transition-out-of-final',
      'flow/unknown-function',
      'flow/wrong-arity',
      'type/not-bool',
    ]) {
      expect(codes).toContain(code);
    }
  });
});
