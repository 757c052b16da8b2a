import { compile } from '@signet/dsl';
import { start } from './start';
import { engineContext } from './testing';

const SOURCE = `
flow hold v1 "Unit hold" {
  input { unit: string, customer: string }
  key input.unit unique while active
  initial state held {
    on release -> released
  }
  final state released
}`;

describe('business key', () => {
  const compiled = compile(SOURCE);
  const ir = compiled.ir!;

  it('should compute the declared business key from the input when the instance starts', () => {
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const r = start(ir, { unit: 'A-0101', customer: 'Mr Wang' }, engineContext({ actor: 'li.na' }));
    expect(r.ok && r.businessKey).toBe('A-0101');
  });

  it('should leave the business key out when the flow declares none', () => {
    const plain = compile(SOURCE.replace('  key input.unit unique while active\n', '')).ir!;
    const r = start(plain, { unit: 'A-0101', customer: 'Mr Wang' }, engineContext({ actor: 'li.na' }));
    expect(r.ok).toBe(true);
    expect(r.ok && 'businessKey' in r).toBe(false);
  });

  it('should refuse to start when the business key would be empty', () => {
    const r = start(ir, { unit: '', customer: 'Mr Wang' }, engineContext({ actor: 'li.na' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/business key/);
  });
});
