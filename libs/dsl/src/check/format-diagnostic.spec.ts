import type { Diagnostic } from '../diagnostics/diagnostic';
import { formatDiagnostic } from './format-diagnostic';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  severity: 'error',
  code: 'flow/unknown-state',
  message: 'Unknown state "aproved" — did you mean "approved"?',
  line: 2,
  column: 19,
  endLine: 2,
  endColumn: 26,
  ...over,
});

describe('formatDiagnostic', () => {
  it('should print the location, the source line, carets under the span and the hint', () => {
    const source = 'state a {\n    on approve -> aproved\n}';
    expect(formatDiagnostic(source, d({ hint: 'the states are a, approved' }), 'discount.flow')).toBe(
      [
        'discount.flow:2:19 error flow/unknown-state Unknown state "aproved" — did you mean "approved"?',
        '  2 |     on approve -> aproved',
        '    |                   ^^^^^^^',
        '      hint: the states are a, approved',
      ].join('\n'),
    );
  });

  it('should keep tabs so the caret lines up, and show at least one caret', () => {
    const text = formatDiagnostic('\tx', d({ line: 1, column: 2, endLine: 1, endColumn: 2 }));
    expect(text.split('\n').slice(1)).toEqual(['  1 | \tx', '    | \t^']);
  });

  it('should print only the header for a position past the end of the source', () => {
    expect(formatDiagnostic('', d({ line: 9, column: 1 }), 'f.flow')).toBe(
      'f.flow:9:1 error flow/unknown-state Unknown state "aproved" — did you mean "approved"?',
    );
  });
});
