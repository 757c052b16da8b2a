import * as fs from 'node:fs';
import * as path from 'node:path';
import { createStore } from '@signet/persistence';
import { createTestDatabase } from '@signet/persistence/testing';
import type { TestDatabase } from '@signet/persistence/testing';
import { runCli } from '../src/cli';
import { memoryIo } from './memory-io';

const flowSource = fs.readFileSync(path.join(__dirname, '../../../workflows/discount-approval.flow'), 'utf8');

describe('signet audit', () => {
  let test: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let instanceId: string;

  beforeAll(async () => {
    test = await createTestDatabase({ backend: 'postgres' });
    env = { DATABASE_URL: test.url };
    let t = Date.parse('2026-10-01T08:00:00.000Z');
    const store = createStore(test.db, { now: () => new Date((t += 1000)) });
    await store.deployFlow(flowSource, 'zhao.min');
    const input = { unit: 'A-0101', listPrice: '1850000.00', discount: '2%' };
    const started = await store.startInstance({ flowKey: 'discount_approval', input, actor: 'li.na' });
    instanceId = started.id;
    const [task] = await store.tasksOfInstance(started.id, 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'chen.jie' });
    await store.startInstance({
      flowKey: 'discount_approval',
      input: { ...input, discount: '0.5%' },
      actor: 'wang.fang',
    });
  });
  afterAll(() => test?.drop());

  it('should print ok with the global head when the log is intact', async () => {
    const io = memoryIo({}, env);
    expect(await runCli(['audit', 'verify'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(
      /^whole log: ok, 3 event\(s\) verified; global chain 3 link\(s\), head [0-9a-f]{64}$/,
    );
    const one = memoryIo({}, env);
    expect(await runCli(['audit', 'verify', '--instance', instanceId], one)).toBe(0);
    expect(one.stdout[0]).toBe(
      `instance ${instanceId}: ok, 2 event(s) verified; every event linked into the global chain`,
    );
  });

  it('should export JSON Lines and CSV for a flow and time range', async () => {
    const io = memoryIo({}, env);
    const args = [
      'audit',
      'export',
      '--flow',
      'discount_approval',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-02',
    ];
    expect(await runCli([...args, '--format', 'jsonl'], io)).toBe(0);
    const lines = io.stdout
      .join('\n')
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; actor: string });
    expect(lines.map((e) => [e.type, e.actor])).toEqual([
      ['start', 'li.na'],
      ['approve', 'chen.jie'],
      ['start', 'wang.fang'],
    ]);
    expect(io.stderr).toEqual(['exported 3 event(s)']);
    const csv = memoryIo({}, env);
    expect(await runCli([...args, '--format', 'csv'], csv)).toBe(0);
    const rows = csv.stdout.join('\n').split('\n');
    expect(rows[0]).toMatch(/^id,instanceId,flowKey,/);
    expect(rows).toHaveLength(4);
  });

  it('should refuse a bad format or time with the usage exit code', async () => {
    const io = memoryIo({}, env);
    expect(await runCli(['audit', 'export', '--format', 'xml'], io)).toBe(2);
    expect(io.stderr[0]).toBe('signet audit: --format must be csv or jsonl (got "xml")');
    expect(await runCli(['audit', 'export', '--from', 'yesterday'], io)).toBe(2);
    expect(await runCli(['audit'], io)).toBe(2);
  });

  it('should exit 1 naming the event when a superuser altered it', async () => {
    const em = test.db.orm.em.fork();
    await em.transactional(async (tx) => {
      await tx.execute('set local session_replication_role = replica');
      await tx.execute(`update instance_event set actor = 'liu.yang' where instance_id = ? and seq = 2`, [
        instanceId,
      ]);
    });
    const [{ id }] = await em.execute<{ id: string }[]>(
      'select id::text as id from instance_event where instance_id = ? and seq = 2',
      [instanceId],
    );
    const io = memoryIo({}, env);
    expect(await runCli(['audit', 'verify'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(new RegExp(`^whole log: BROKEN at event ${id} `));
  });
});
