/** A problem with the user's source. Returned as data, never thrown. */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Stable code, e.g. `flow/unknown-state`, `type/money-vs-number`, `table/overlap`, `syntax/unexpected-token`. */
  code: string;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
}
