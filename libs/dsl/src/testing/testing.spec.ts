import type { Diagnostic } from '../diagnostics/diagnostic';
import { expectDiagnostic, expectNoErrors } from './index';

const diagnostic = (
  code: string,
  line: number,
  column: number,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic => ({
  severity,
  code,
  message: `message of ${code}`,
  line,
  column,
  endLine: line,
  endColumn: column + 1,
});

describe('expectDiagnostic', () => {
  const reported = [diagnostic('flow/unknown-state', 4, 19), diagnostic('task/missing-sla', 7, 5, 'warning')];

  it('should return the diagnostic with that code at that position', () => {
    expect(expectDiagnostic(reported, 'flow/unknown-state', { line: 4, column: 19 })).toBe(reported[0]);
    expect(expectDiagnostic(reported, 'task/missing-sla', { line: 7 })).toBe(reported[1]);
  });

  it('should fail listing what was reported, and where the code was seen instead', () => {
    expect(() => expectDiagnostic(reported, 'flow/unknown-state', { line: 4, column: 20 })).toThrow(
      'Expected a "flow/unknown-state" diagnostic at 4:20.\n"flow/unknown-state" was reported elsewhere: 4:19\nReported:\n  4:19 error flow/unknown-state message of flow/unknown-state\n  7:5 warning task/missing-sla message of task/missing-sla',
    );
    expect(() => expectDiagnostic([], 'x', { line: 1 })).toThrow(
      'Expected a "x" diagnostic at line 1.\nReported:\n  (no diagnostics)',
    );
  });
});

describe('expectNoErrors', () => {
  it('should accept warnings and fail on errors, listing them', () => {
    expect(() => expectNoErrors([diagnostic('task/missing-sla', 7, 5, 'warning')])).not.toThrow();
    expect(() => expectNoErrors([diagnostic('flow/unknown-state', 4, 19)])).toThrow(
      'Expected no errors, but 1 was reported:\n  4:19 error flow/unknown-state message of flow/unknown-state',
    );
  });
});
