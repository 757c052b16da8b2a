import { EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io';
import type { Command } from './command';
import { auditCommand } from './commands/audit.command';
import { checkCommand } from './commands/check.command';
import { compileCommand } from './commands/compile.command';
import { graphCommand } from './commands/graph.command';
import { instancesCommand } from './commands/instances.command';
import { migrateCommand } from './commands/migrate.command';
import { serveCommand } from './commands/serve.command';
import { simulateCommand } from './commands/simulate.command';
import { testCommand } from './commands/test.command';
import { tokenCommand } from './commands/token.command';
import { workerCommand } from './commands/worker.command';

/** Every command, in the order `signet --help` lists them. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  tokenCommand,
  checkCommand,
  compileCommand,
  graphCommand,
  simulateCommand,
  testCommand,
  migrateCommand,
  instancesCommand,
  workerCommand,
  auditCommand,
];

/** `signet <command> [args…]`: dispatches to a command and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`signet: unknown command "${name}"\n\n${helpText()}`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`usage: ${command.usage}\n\n${command.summary}`);
    return EXIT_OK;
  }
  return command.run(args, io);
}

/** The overview `signet --help` prints. */
export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: signet <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'signet <command> --help for its options.',
  ].join('\n');
}
