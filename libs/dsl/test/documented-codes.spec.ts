/**
 * Every diagnostic code the front end can emit is documented in docs/language.md, and every code the
 * docs list is one the front end emits: the table there is the reference authors read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CODE = /'((?:syntax|flow|type|table|task|limit)\/[a-z-]+)'/g;
const FRONT_END = ['lexer', 'parser', 'ast', 'check', 'compile'].map((d) => join(__dirname, '../src', d));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const emitted = new Set(
  FRONT_END.flatMap(sourceFiles).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(CODE)].map((m) => m[1])),
);
const docs = readFileSync(join(__dirname, '../../../docs/language.md'), 'utf8');
const documented = new Set([...docs.matchAll(/^\| `([a-z]+\/[a-z-]+)` \|/gm)].map((m) => m[1]));

describe('the diagnostic codes table in docs/language.md', () => {
  it('should document every code the front end emits', () => {
    expect([...emitted].filter((c) => !documented.has(c))).toEqual([]);
  });

  it('should list no code the front end does not emit', () => {
    expect([...documented].filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('should find the codes it compares', () => {
    expect(emitted.size).toBeGreaterThan(60);
  });
});
