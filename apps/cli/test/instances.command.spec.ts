import { createStore } from '@signet/persistence';
import type { SignetStore } from '@signet/persistence';
import { createTestDatabase } from '@signet/persistence/testing';
import type { TestDatabase } from '@signet/persistence/testing';
import { runCli } from '../src/cli';
import { memoryIo } from './memory-io';

const V1 = `flow hold v1 "Unit hold" {
  input { unit: string }
  initial state requested {
    task "Approve the hold" assignee role(sales_manager) separateFrom requester sla 24h
    on approve -> held
  }
  state held {
    on release -> released
  }
  final state released
}`;
// v2 renames requested; it has no state "held", so instances waiting there cannot move.
const V2 = `flow hold v2 "Unit hold" {
  input { unit: string }
  migrate from v1 {
    requested -> manager_check
  }
  initial state manager_check {
    task "Approve the hold" assignee role(sales_manager) separateFrom requester sla 8h
    on approve -> on_hold
  }
  state on_hold {
    on release -> released
  }
  final state released
}`;

describe('signet instances migrate', () => {
  let test: TestDatabase;
  let store: SignetStore;
  let env: NodeJS.ProcessEnv;
  const ids: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase({ backend: 'postgres' });
    env = { DATABASE_URL: test.url };
    store = createStore(test.db);
    await store.deployFlow(V1, 'zhao.min');
    for (const unit of ['A-0101', 'A-0102', 'A-0103']) {
      ids.push((await store.startInstance({ flowKey: 'hold', input: { unit }, actor: 'li.na' })).id);
    }
    const [task] = await store.tasksOfInstance(ids[2], 'OPEN');
    await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'chen.jie' });
    await store.deployFlow(V2, 'zhao.min');
  });
  afterAll(() => test?.drop());

  const args = ['instances', 'migrate', '--flow', 'hold', '--from', '1', '--to', 'v2', '--as', 'zhao.min'];

  it('should report what would move on a dry run and write nothing', async () => {
    const io = memoryIo({}, env);
    expect(await runCli([...args, '--dry-run'], io)).toBe(1);
    expect(io.stdout).toEqual([
      `${ids[0]}  would migrate requested -> manager_check`,
      `${ids[1]}  would migrate requested -> manager_check`,
      expect.stringMatching(new RegExp(`^${ids[2]}  refused: .*has no state "held"`)) as string,
      'hold v1 -> v2: 2 would migrate, 1 refused (dry run: nothing written)',
    ]);
    const viewer = { username: 'qian.hui', roles: ['auditor'], team: null };
    expect(await store.getInstance(ids[0], viewer)).toMatchObject({ flowVersion: 1, version: 1 });
  });

  it('should move each instance in its own transaction and name the refused ones', async () => {
    const io = memoryIo({}, env);
    expect(await runCli(args, io)).toBe(1);
    expect(io.stdout.at(-1)).toBe('hold v1 -> v2: 2 migrated, 1 refused');
    const viewer = { username: 'qian.hui', roles: ['auditor'], team: null };
    expect(await store.getInstance(ids[0], viewer)).toMatchObject({ flowVersion: 2, state: 'manager_check' });
    expect(await store.getInstance(ids[2], viewer)).toMatchObject({ flowVersion: 1, state: 'held' });
    const again = memoryIo({}, env);
    expect(await runCli(args, again)).toBe(1);
    expect(again.stdout.at(-1)).toBe('hold v1 -> v2: 0 migrated, 1 refused');
  });

  it('should refuse a user without flow_admin and a bad command line', async () => {
    const io = memoryIo({}, env);
    expect(await runCli([...args.slice(0, -1), 'li.na'], io)).toBe(1);
    expect(io.stderr[0]).toContain('li.na may not migrate instances');
    const usage = memoryIo({}, env);
    expect(
      await runCli(
        ['instances', 'migrate', '--flow', 'hold', '--from', '2', '--to', '1', '--as', 'x'],
        usage,
      ),
    ).toBe(2);
    expect(usage.stderr[0]).toContain('--to v1 must be newer than --from v2');
    const missing = memoryIo({}, env);
    expect(
      await runCli(['instances', 'migrate', '--flow', 'hold', '--from', '1', '--to', '2'], missing),
    ).toBe(2);
    expect(missing.stderr[0]).toContain('--as <username> is required');
  });
});
