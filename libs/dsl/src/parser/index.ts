import type { Diagnostic } from '../diagnostics/diagnostic';
import { errorAt, sortDiagnostics } from '../ast/diagnose';
import type { FlowFile } from '../ast/flow';
import { lex, MAX_SOURCE_BYTES } from '../lexer/lexer';
import { ExprParser } from './parse-expr';
import { parseFlowFile } from './parse-flow';
import { TokenStream } from './token-stream';

export interface ParseResult {
  ast: FlowFile;
  /** Lexical and syntax errors, in source order. Several per pass: the parser recovers at member boundaries. */
  diagnostics: Diagnostic[];
}

/** Parses a `.flow` source. Never throws on any input; errors come back as diagnostics. */
export function parse(source: string): ParseResult {
  if (utf8Length(source) > MAX_SOURCE_BYTES) {
    const span = { line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, endOffset: 1 };
    const message = `The source is larger than ${MAX_SOURCE_BYTES / 1024} KiB`;
    return {
      ast: { flow: null },
      diagnostics: [errorAt(span, 'limit/source-too-large', message, 'split it into several flows')],
    };
  }
  const lexed = lex(source);
  const ts = new TokenStream(lexed.tokens);
  const ast = parseFlowFile(ts, new ExprParser(ts));
  return { ast, diagnostics: sortDiagnostics([...lexed.diagnostics, ...ts.diagnostics]) };
}

function utf8Length(source: string): number {
  if (source.length * 3 <= MAX_SOURCE_BYTES) return source.length;
  let bytes = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
