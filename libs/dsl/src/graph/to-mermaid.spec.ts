import { compile, type FlowIR } from '..';
import { toMermaid } from './to-mermaid';

const ir = (source: string): FlowIR => {
  const result = compile(source);
  if (!result.ir) throw new Error(JSON.stringify(result.diagnostics));
  return result.ir;
};

describe('toMermaid', () => {
  it('should label timers with their delay and guards in brackets', () => {
    const text = toMermaid(
      ir(`flow f v1 {
  input { n: int }
  initial state wait {
    after 2 workdays -> done when input.n > 1
    on poke -> done when input.n   ==   2
  }
  final state done
}`),
    );
    expect(text).toBe(
      [
        'stateDiagram-v2',
        '    [*] --> wait',
        '    wait --> done : after 2 workdays [input.n > 1]',
        '    wait --> done : poke [input.n == 2]',
        '    done --> [*]',
        '',
      ].join('\n'),
    );
  });

  it('should draw a state named like a Mermaid keyword through an alias', () => {
    const text = toMermaid(ir('flow f v1 {\n  initial state note { on go -> end }\n  final state end\n}'));
    expect(text).toContain('    state "note" as s_note\n');
    expect(text).toContain('    s_note --> s_end : go\n');
    expect(text).toContain('    s_end --> [*]\n');
  });

  it('should escape what would end or break a label', () => {
    const text = toMermaid(
      ir(
        'flow f v1 {\n  input { u: string }\n  initial state a { on go -> b when input.u == "#1;x" }\n  final state b\n}',
      ),
    );
    expect(text).toContain('a --> b : go [input.u == #quot;#35;1#59;x#quot;]');
  });
});
