import { csvHeader, formatEvent } from '../../src';
import type { ExportedEvent } from '../../src';
import { auditFixture, requestDiscount } from './support';
import type { AuditFixture } from './support';

async function collect(batches: AsyncGenerator<ExportedEvent[]>): Promise<ExportedEvent[][]> {
  const out: ExportedEvent[][] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

describe('exportEvents', () => {
  let f: AuditFixture;

  beforeAll(async () => {
    f = await auditFixture();
    f.setClock('2026-10-01T09:00:00.000Z');
    for (const who of ['li.na', 'wang.fang', 'zhang.wei']) {
      const { taskId } = await requestDiscount(f.store, who, '2%');
      await f.store.decideTask({ taskId: taskId!, decision: 'approve', actor: 'chen.jie' });
    }
    f.setClock('2026-11-01T09:00:00.000Z');
    await requestDiscount(f.store, 'li.na', '0.5%');
    await f.store.startInstance({ flowKey: 'peer_review', input: { unit: 'A-0102' }, actor: 'li.na' });
  });
  afterAll(() => f?.test.drop());

  it('should stream every matching event oldest first in batches when the export is larger than a batch', async () => {
    const batches = await collect(f.audit.exportEvents({ flowKey: 'discount_approval' }, 2));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 1]);
    const ids = batches.flat().map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(batches.flat().every((e) => e.flowKey === 'discount_approval')).toBe(true);
  });

  it('should keep only the time range when from and to are given', async () => {
    const batches = await collect(
      f.audit.exportEvents({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') }),
    );
    expect(batches.flat().map((e) => [e.flowKey, e.type])).toEqual([
      ['discount_approval', 'start'],
      ['peer_review', 'start'],
    ]);
  });

  it('should write CSV with quoted JSON columns and JSON Lines that parse back', async () => {
    const [[event]] = await collect(f.audit.exportEvents({ flowKey: 'peer_review' }));
    const csv = formatEvent(event, 'csv');
    expect(csvHeader()).toBe(
      'id,instanceId,flowKey,flowVersion,seq,type,actor,at,fromState,toState,payload,trace,hash\n',
    );
    expect(csv).toMatch(
      /^\d+,[0-9a-f-]{36},peer_review,1,1,start,li\.na,2026-11-01T09:00:0\d\.000Z,,review,"\{""/,
    );
    expect(csv.endsWith('\n')).toBe(true);
    expect(JSON.parse(formatEvent(event, 'jsonl'))).toEqual(event);
  });

  it('should neutralise a spreadsheet formula when a value starts with =', () => {
    const event = { id: '1', type: '=HYPERLINK("x")', payload: {} } as unknown as ExportedEvent;
    expect(formatEvent(event, 'csv')).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
