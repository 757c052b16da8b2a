import type { InstanceView } from './support/operations';
import { INSTANCE, START_INSTANCE } from './support/operations';
import { codesOf, startTestApi, type TestApi } from './support/test-api';

// `use … from …` over GraphQL on a fresh database: a flow that uses the commission tier table of the
// deployed `commission` flow (shipped, deployed at start) is checked, deployed and started; the
// table is resolved from the LATEST DEPLOYED version of `commission` and copied into the new flow.

const DEPLOY = `mutation Deploy($source: String!) { deployFlow(source: $source) { key version } }`;
const CHECK = `query Check($source: String!) {
  checkFlow(source: $source) { ok diagnostics { severity code message line column hint } } }`;

const BONUS = `flow tier_preview v1 "Commission tier preview" {
  input { completion: percent, contractValue: money(CNY) }
  start by role(consultant, sales_manager)
  use tier from commission
  initial state computing {
    always -> done do set tierRate = tier(input.completion),
      set tierCommission = round(input.contractValue * var.tierRate, 2)
  }
  final state done
}`;

interface Diagnostics {
  checkFlow: { ok: boolean; diagnostics: { code: string; line: number; column: number; hint: string }[] };
}

describe('using the tables of another deployed flow (test database)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('should check a source that uses a deployed table without errors', async () => {
    const r = await api.gql<Diagnostics>('li.na', CHECK, { source: BONUS });
    expect(r.data!.checkFlow).toEqual({ ok: true, diagnostics: [] });
  });

  it('should report an unknown table of the used flow with its position and a hint', async () => {
    const r = await api.gql<Diagnostics>('li.na', CHECK, { source: BONUS.replace('use tier', 'use tiers') });
    expect(r.data!.checkFlow.ok).toBe(false);
    expect(r.data!.checkFlow.diagnostics[0]).toMatchObject({
      code: 'flow/use-unknown-table',
      line: 4,
      column: 7,
    });
    expect(r.data!.checkFlow.diagnostics[0].hint).toContain('tier');
  });

  it('should refuse to deploy a flow that uses a flow nobody deployed (FLOW_INVALID)', async () => {
    const r = await api.gql('zhao.min', DEPLOY, {
      source: BONUS.replace('from commission', 'from bonus_rules').replace('tier_preview', 'tier_preview_b'),
    });
    expect(codesOf(r)).toEqual(['FLOW_INVALID']);
    const diagnostics = r.errors![0].extensions['diagnostics'] as { code: string; line: number }[];
    expect(diagnostics[0]).toMatchObject({ code: 'flow/use-unknown-flow', line: 4 });
  });

  it('should deploy the flow and compute with the copied tier table when started', async () => {
    const deployed = await api.gql<{ deployFlow: { key: string; version: number } }>('zhao.min', DEPLOY, {
      source: BONUS,
    });
    expect(deployed.errors).toBeUndefined();
    expect(deployed.data!.deployFlow).toEqual({ key: 'tier_preview', version: 1 });
    const started = await api.gql<{ startInstance: InstanceView }>('li.na', START_INSTANCE, {
      flowKey: 'tier_preview',
      input: { completion: '85%', contractValue: '1840750.00' },
    });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startInstance.state).toBe('done');
    expect(started.data!.startInstance.context).toMatchObject({
      vars: { tierRate: '0.18%', tierCommission: '3313.35' },
    });
    // The audit trace of the table hit names where the rows came from.
    const read = await api.gql<{ instance: InstanceView }>('li.na', INSTANCE, {
      id: started.data!.startInstance.id,
    });
    const traces = (read.data!.instance.history ?? []).map((e) => JSON.stringify(e.trace));
    expect(traces.join(' ')).toContain('"origin":{"flow":"commission"');
    expect(traces.join(' ')).toMatch(/"table":"tier"/);
  });
});
