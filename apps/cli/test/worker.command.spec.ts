import { runCli } from '../src/cli';
import { memoryIo } from './memory-io';

// Running workers against a database is covered by libs/persistence/test/durability (real processes).
describe('signet worker', () => {
  it('should be listed by signet --help', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('  worker');
  });

  it('should exit 2 naming the value when --poll-ms is not a number of milliseconds', async () => {
    const io = memoryIo();
    expect(await runCli(['worker', '--poll-ms', 'soon'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(
      'SIGNET_TIMER_POLL_MS must be an integer from 10 to 3600000, got "soon"',
    );
    expect(io.stderr.join('\n')).toContain('usage: signet worker');
  });

  it('should exit 2 when given an argument it does not take', async () => {
    const io = memoryIo();
    expect(await runCli(['worker', 'now'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('unexpected argument "now"');
  });

  it('should run as the worker when serve is given --worker-only', async () => {
    const io = memoryIo({}, { SIGNET_WORKER: 'maybe' });
    expect(await runCli(['serve', '--worker-only'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('signet worker: SIGNET_WORKER must be "on" or "off", got "maybe"');
  });
});
