/**
 * Scenario replay for every shipped flow: compiles each `workflows/*.flow` and replays its
 * `<name>.scenarios.json` through the engine against the demo organisation (`runScenario`, the same
 * code `signet test` runs), checking the state, open tasks, effects, context, trace or error after the
 * start and after every event.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type FlowIR } from '@signet/dsl';
import { runScenario, type ScenarioFile } from '@signet/engine';

const dir = __dirname;
const flows = readdirSync(dir).filter((f) => f.endsWith('.flow'));

describe.each(flows)('%s', (flowFile) => {
  const compiled = compile(readFileSync(join(dir, flowFile), 'utf8'));
  const scenarioPath = join(dir, flowFile.replace(/\.flow$/, '.scenarios.json'));

  it('should compile without errors', () => {
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('should have a scenario file', () => {
    expect(readdirSync(dir)).toContain(flowFile.replace(/\.flow$/, '.scenarios.json'));
  });

  const file = JSON.parse(readFileSync(scenarioPath, 'utf8')) as ScenarioFile;
  const ir = compiled.ir as FlowIR;

  it('should name the flow the scenarios are for', () => {
    expect(ir.key).toBe(file.flow);
  });

  it.each(file.scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    expect(runScenario(ir, scenario).failures).toEqual([]);
  });
});
