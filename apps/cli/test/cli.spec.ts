import { runCli } from '../src/cli';
import { memoryIo } from './memory-io';

describe('signet', () => {
  it('should list every command and exit 0 when asked for help', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const name of ['serve', 'token', 'check', 'compile', 'graph', 'migrate']) {
      expect(io.stdout.join('\n')).toContain(`  ${name}`);
    }
  });

  it('should exit 2 naming the command when the command is unknown', async () => {
    const io = memoryIo();
    expect(await runCli(['deploy'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('unknown command "deploy"');
  });

  it("should print the command's usage and exit 0 when given --help after a command", async () => {
    const io = memoryIo();
    expect(await runCli(['token', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('usage: signet token <username>');
  });

  it('should exit 2 with the usage when an option is unknown', async () => {
    const io = memoryIo();
    expect(await runCli(['serve', '--prot', '80'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('usage: signet serve');
  });

  it('should exit 2 when serve is given a port that is not a number', async () => {
    const io = memoryIo();
    expect(await runCli(['serve', '--port', 'http'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--port "http" is not a port number');
  });
});
