import { lex } from './lexer';

const kinds = (source: string): string[] =>
  lex(source)
    .tokens.filter((t) => t.kind !== 'eof')
    .map((t) => `${t.kind}:${t.value}`);

describe('lex', () => {
  it('should read numbers, percentages and durations with their canonical values', () => {
    expect(kinds('42 50_000 1.25 2.5% 100% 24h 30m 45s 3d 2workdays')).toEqual([
      'int:42',
      'int:50000',
      'decimal:1.25',
      'percent:2.5',
      'percent:100',
      'duration:24h',
      'duration:30m',
      'duration:45s',
      'duration:3d',
      'duration:2 workdays',
    ]);
  });

  it('should read `1..2` as a range of two integers, not a decimal', () => {
    expect(kinds('[1..2]')).toEqual(['punct:[', 'int:1', 'punct:..', 'int:2', 'punct:]']);
  });

  it('should give every token its line, columns and offsets', () => {
    const spans = lex('a_1->b2\n  x>=12h,"s"').tokens.map(
      (t) =>
        `${t.text}@${t.span.line}:${t.span.column}-${t.span.endLine}:${t.span.endColumn}/${t.span.offset}-${t.span.endOffset}`,
    );
    expect(spans).toEqual([
      'a_1@1:1-1:4/0-3',
      '->@1:4-1:6/3-5',
      'b2@1:6-1:8/5-7',
      'x@2:3-2:4/10-11',
      '>=@2:4-2:6/11-13',
      '12h@2:6-2:9/13-16',
      ',@2:9-2:10/16-17',
      '"s"@2:10-2:13/17-20',
      '@2:13-2:13/20-20',
    ]);
  });

  it('should read the longest punctuation first', () => {
    expect(kinds('-> == != <= >= < > = -')).toEqual([
      'punct:->',
      'punct:==',
      'punct:!=',
      'punct:<=',
      'punct:>=',
      'punct:<',
      'punct:>',
      'punct:=',
      'punct:-',
    ]);
  });

  it('should unescape strings and keep non-ASCII text inside them', () => {
    expect(lex('"折扣 \\"审批\\"\\n"').tokens[0]).toMatchObject({ kind: 'string', value: '折扣 "审批"\n' });
  });

  it('should skip comments and mark tokens that start a line', () => {
    const { tokens } = lex('a // note\n  b c');
    expect(tokens.map((t) => [t.text, t.newlineBefore])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
      ['', true],
    ]);
  });

  it('should locate tokens by 1-based line and column with an exclusive end', () => {
    const [, second] = lex('flow\n  discount_approval').tokens;
    expect(second.span).toMatchObject({
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 20,
      offset: 7,
      endOffset: 24,
    });
  });

  it('should report a run of unreadable characters once and go on', () => {
    const { tokens, diagnostics } = lex('a €€ b');
    expect(tokens.map((t) => t.text)).toEqual(['a', 'b', '']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'syntax/unexpected-character', line: 1, column: 3, endColumn: 5 }),
    ]);
  });

  it('should report an unterminated string at its opening quote and stop it at the line end', () => {
    const { tokens, diagnostics } = lex('x = "open\ny');
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'syntax/unterminated-string', line: 1, column: 5 }),
    ]);
    expect(tokens.map((t) => t.text)).toEqual(['x', '=', '"open', 'y', '']);
  });

  it('should report malformed numbers with a fix', () => {
    const codes = (s: string) => lex(s).diagnostics.map((d) => [d.code, d.hint]);
    expect(codes('1__0')).toEqual([['syntax/bad-number', 'an underscore may only stand between two digits']]);
    expect(codes('50_000CNY')).toEqual([['syntax/bad-number', 'write `50_000 CNY`']]);
    expect(codes('1.5h')).toEqual([['syntax/bad-number', 'write `90m` rather than `1.5h`']]);
    expect(codes('24hours')[0][0]).toBe('syntax/bad-number');
  });

  it('should leave the currency of `50_000CNY` as its own token so the money literal still reads', () => {
    expect(kinds('50_000CNY')).toEqual(['int:50000', 'ident:CNY']);
  });

  it('should always end with an eof token, even for an empty source', () => {
    expect(lex('').tokens).toEqual([expect.objectContaining({ kind: 'eof' })]);
  });
});
