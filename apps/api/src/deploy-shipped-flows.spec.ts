import { dependencyOrder } from './deploy-shipped-flows';

const flow = (key: string, uses = ''): string =>
  `flow ${key} v1 {\n${uses}\n  initial state s { always -> e }\n  final state e\n}`;

describe('the deploy order of shipped flows', () => {
  it('should deploy a flow after the flows whose tables it uses, alphabetical otherwise', () => {
    const sources = new Map([
      ['a-preview.flow', flow('a_preview', '  use tier from commission')],
      ['commission.flow', flow('commission')],
      ['b.flow', flow('b')],
    ]);
    expect(dependencyOrder(sources)).toEqual(['b.flow', 'commission.flow', 'a-preview.flow']);
  });

  it('should follow chains of uses', () => {
    const sources = new Map([
      ['a.flow', flow('a', '  use x from b')],
      ['b.flow', flow('b', '  use y from c')],
      ['c.flow', flow('c')],
    ]);
    expect(dependencyOrder(sources)).toEqual(['c.flow', 'b.flow', 'a.flow']);
  });

  it('should keep files in a cycle, and uses of flows not shipped, in alphabetical order', () => {
    const sources = new Map([
      ['x.flow', flow('x', '  use t from y')],
      ['y.flow', flow('y', '  use t from x')],
      ['w.flow', flow('w', '  use t from elsewhere')],
    ]);
    expect(dependencyOrder(sources)).toEqual(['w.flow', 'x.flow', 'y.flow']);
  });
});
