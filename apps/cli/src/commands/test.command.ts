import { runScenario, type ScenarioFile } from '@signet/engine';
import { EXIT_FAILED, EXIT_OK } from '../cli-io';
import { parseCommandArgs, usageError, type Command } from '../command';
import { compileOrReport } from './compile-or-report';

/**
 * `signet test <file.flow> [--scenarios <file.json>]`: replays the flow's scenario file (by default
 * `<name>.scenarios.json` next to it) through the engine, as `npm test` does, and prints ✓/✗ per
 * scenario with every unmet expectation. Exit 1 if any scenario fails.
 */
export const testCommand: Command = {
  name: 'test',
  summary: "replay a .flow file's scenario file and report pass/fail",
  usage: 'signet test <file.flow> [--scenarios <file.scenarios.json>]',
  run(args, io) {
    const parsed = parseCommandArgs(args, { scenarios: { type: 'string' } });
    if (!parsed.ok) return Promise.resolve(usageError(io, this, parsed.message));
    if (parsed.positionals.length !== 1)
      return Promise.resolve(usageError(io, this, 'give exactly one file'));
    const flowFile = parsed.positionals[0];
    const scenarioFile = parsed.values.scenarios ?? flowFile.replace(/\.flow$/, '') + '.scenarios.json';
    const ir = compileOrReport(io, flowFile);
    if (!ir) return Promise.resolve(EXIT_FAILED);
    let file: ScenarioFile;
    try {
      file = JSON.parse(io.readFile(scenarioFile)) as ScenarioFile;
    } catch (error) {
      io.err(`${scenarioFile}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
      return Promise.resolve(EXIT_FAILED);
    }
    if (file.flow !== ir.key) {
      io.err(`${scenarioFile}: the scenarios are for flow "${file.flow}", not "${ir.key}"`);
      return Promise.resolve(EXIT_FAILED);
    }
    let failed = 0;
    for (const scenario of file.scenarios) {
      const { name, failures } = runScenario(ir, scenario);
      io.out(`${failures.length ? '✗' : '✓'} ${name}`);
      for (const f of failures) io.out(`    ${f}`);
      if (failures.length) failed++;
    }
    io.out(`${file.scenarios.length - failed} passed, ${failed} failed`);
    return Promise.resolve(failed ? EXIT_FAILED : EXIT_OK);
  },
};
