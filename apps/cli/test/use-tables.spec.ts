import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../src/cli';
import { memoryIo } from './memory-io';

// `use … from <key>` in the CLI: the used flow is read from `<key>.flow` next to the file (then from
// the checkout's `workflows/`), and `signet test` replays a scenario through the copied table.

const root = path.resolve(__dirname, '../../..');
const COMMISSION = fs.readFileSync(path.join(root, 'workflows/commission.flow'), 'utf8');
const PREVIEW = `flow tier_preview v1 "Commission tier preview" {
  input { completion: percent, contractValue: money(CNY) }
  use tier from commission
  initial state computing {
    always -> done do set tierRate = tier(input.completion),
      set tierCommission = round(input.contractValue * var.tierRate, 2)
  }
  final state done
}`;
const SCENARIOS = JSON.stringify({
  flow: 'tier_preview',
  scenarios: [
    {
      name: '85 % of target: the 0.18 % tier of the commission rules',
      requester: 'li.na',
      at: '2026-11-23T09:00:00Z',
      input: { completion: '85%', contractValue: '1840750.00' },
      events: [],
      expect: {
        state: 'done',
        status: 'COMPLETED',
        context: { vars: { tierRate: '0.18%', tierCommission: '3313.35' } },
        trace: { tables: [{ table: 'tier', inputs: ['85%'], rows: [{ row: 2 }], output: '0.18%' }] },
      },
    },
  ],
});

describe('flows using the tables of another flow in the CLI', () => {
  it('should check a flow whose used flow lies next to it', async () => {
    const io = memoryIo({ 'flows/preview.flow': PREVIEW, 'flows/commission.flow': COMMISSION });
    expect(await runCli(['check', 'flows/preview.flow'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('flows/preview.flow: ok');
  });

  it('should replay the scenario through the copied table with `signet test`', async () => {
    const io = memoryIo({
      'flows/preview.flow': PREVIEW,
      'flows/preview.scenarios.json': SCENARIOS,
      'flows/commission.flow': COMMISSION,
    });
    expect(await runCli(['test', 'flows/preview.flow'], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe('1 passed, 0 failed');
  });

  it('should take the rules of the flow next to the file, so changed rows change the result', async () => {
    const io = memoryIo({
      'flows/preview.flow': PREVIEW,
      'flows/preview.scenarios.json': SCENARIOS,
      'flows/commission.flow': COMMISSION.replace('| [80% .. 101%)  | 0.18% |', '| [80% .. 101%)  | 0.19% |'),
    });
    expect(await runCli(['test', 'flows/preview.flow'], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain('expected "0.18%", got "0.19%"');
  });

  it('should report an unknown used flow with its position and exit 1', async () => {
    const io = memoryIo({ 'flows/preview.flow': PREVIEW.replace('from commission', 'from comission') });
    expect(await runCli(['check', 'flows/preview.flow'], io)).toBe(1);
    expect(io.stdout.join('\n') + io.stderr.join('\n')).toContain(
      'flows/preview.flow:3:17 error flow/use-unknown-flow',
    );
  });
});
