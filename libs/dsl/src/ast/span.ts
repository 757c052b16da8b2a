/**
 * A half-open range of source text. Lines and columns are 1-based and count UTF-16 code units (a tab
 * is one column); `endLine`/`endColumn` name the position just after the last character. Offsets are
 * 0-based indexes into the source string, used to slice the text of a guard for traces.
 */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

/** The smallest span covering both `from` and `to` (`from` must start first). */
export function joinSpans(from: Span, to: Span): Span {
  return {
    line: from.line,
    column: from.column,
    offset: from.offset,
    endLine: to.endLine,
    endColumn: to.endColumn,
    endOffset: to.endOffset,
  };
}

/** An empty span just after `span`: where a missing token would have gone. */
export function spanAfter(span: Span): Span {
  return {
    line: span.endLine,
    column: span.endColumn,
    offset: span.endOffset,
    endLine: span.endLine,
    endColumn: span.endColumn + 1,
    endOffset: span.endOffset,
  };
}
