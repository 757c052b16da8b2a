import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../src/cli';
import { memoryIo } from './memory-io';

const DISCOUNT = fs.readFileSync(
  path.resolve(__dirname, '../../../workflows/discount-approval.flow'),
  'utf8',
);
// One misspelt target: a located error with a code.
const BROKEN = DISCOUNT.replace(/on approve\s*->\s*approved/, 'on approve -> aproved');
const BROKEN_LINE = BROKEN.split('\n').findIndex((l) => l.includes('-> aproved')) + 1;
const files = { 'discount.flow': DISCOUNT, 'broken.flow': BROKEN };

interface CheckEntry {
  file: string;
  ok: boolean;
  error?: string;
  diagnostics: { severity: string; code: string; line: number; column: number }[];
}

describe('signet check', () => {
  it('should print ok and exit 0 when the file has no errors', async () => {
    const io = memoryIo(files);
    expect(await runCli(['check', 'discount.flow'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/discount\.flow: (ok|0 errors)/);
  });

  it('should print the located diagnostic with a code frame and exit 1 when a file has an error', async () => {
    const io = memoryIo(files);
    expect(await runCli(['check', 'discount.flow', 'broken.flow'], io)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toContain(`broken.flow:${BROKEN_LINE}:`);
    expect(text).toContain('aproved');
    expect(text).toMatch(/broken\.flow: [1-9]\d* errors?/);
  });

  it('should print one JSON entry per file when given --format json', async () => {
    const io = memoryIo(files);
    expect(await runCli(['check', '--format', 'json', 'discount.flow', 'broken.flow'], io)).toBe(1);
    const entries = JSON.parse(io.stdout.join('\n')) as CheckEntry[];
    expect(entries.map((e) => [e.file, e.ok])).toEqual([
      ['discount.flow', true],
      ['broken.flow', false],
    ]);
    expect(entries[1].diagnostics[0]).toMatchObject({ severity: 'error', line: BROKEN_LINE });
  });

  it('should report the file and exit 1 when a file cannot be read', async () => {
    const io = memoryIo(files);
    expect(await runCli(['check', 'missing.flow', '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(io.stdout.join('\n'))).toEqual([
      { file: 'missing.flow', ok: false, diagnostics: [], error: 'no such file' },
    ]);
  });

  it('should exit 2 when the format is unknown or no file is given', async () => {
    expect(await runCli(['check', '--format', 'xml', 'discount.flow'], memoryIo(files))).toBe(2);
    expect(await runCli(['check'], memoryIo(files))).toBe(2);
  });
});

describe('signet compile', () => {
  it('should print the FlowIR as JSON when the file compiles', async () => {
    const io = memoryIo(files);
    expect(await runCli(['compile', 'discount.flow'], io)).toBe(0);
    const ir = JSON.parse(io.stdout.join('\n')) as { key: string; version: number; hash: string };
    expect(ir).toMatchObject({
      key: 'discount_approval',
      version: 1,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('should print diagnostics on stderr, nothing on stdout, and exit 1 when the file has errors', async () => {
    const io = memoryIo(files);
    expect(await runCli(['compile', 'broken.flow'], io)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toContain(`broken.flow:${BROKEN_LINE}:`);
  });

  it('should exit 2 when given two files', async () => {
    expect(await runCli(['compile', 'discount.flow', 'broken.flow'], memoryIo(files))).toBe(2);
  });
});

describe('signet graph', () => {
  it('should print a Mermaid state diagram when the file compiles', async () => {
    const io = memoryIo(files);
    expect(await runCli(['graph', 'discount.flow'], io)).toBe(0);
    const mermaid = io.stdout.join('\n');
    expect(mermaid).toContain('stateDiagram-v2');
    expect(mermaid).toContain('manager_review');
  });

  it('should exit 1 when the file has errors', async () => {
    expect(await runCli(['graph', 'broken.flow'], memoryIo(files))).toBe(1);
  });
});
