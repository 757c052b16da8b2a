import { createStore } from '../src';
import type { SignetStore, Viewer } from '../src';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';
import { steppingClock } from './support/fixtures';

/** A task assigned to a list of users, two of three to approve (parallel approval). */
const BOARD_FLOW = `
flow board_sign_off v1 "Board sign-off" {
  input { subject: string }
  initial state sign_off {
    task "Board sign-off" assignee users("huang.lei", "zhou.qiang", "lin.tao") approval 2 of 3
      separateFrom requester sla 24h
    on approve -> approved
    on reject -> rejected
  }
  final state approved
  final state rejected
}`;

const viewer = (username: string, roles: string[], team: string): Viewer => ({ username, roles, team });
const HUANG = viewer('huang.lei', ['vice_president'], 'executive');
const LIN = viewer('lin.tao', ['chief_engineer'], 'engineering');
const CHEN = viewer('chen.jie', ['sales_manager'], 'sunrise_sales');

describe('tasks assigned to a list of users', () => {
  let test: TestDatabase;
  let store: SignetStore;

  beforeAll(async () => {
    test = await createTestDatabase();
    store = createStore(test.db, { now: steppingClock() });
    await store.deployFlow(BOARD_FLOW, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should put the task in the inbox of every listed user and no one else', async () => {
    const instance = await store.startInstance({
      flowKey: 'board_sign_off',
      input: { subject: 'x' },
      actor: 'he.bin',
    });
    const inbox = async (v: Viewer) =>
      (await store.listTasks(null, {}, v)).items.map((e) => e.node.instanceId);
    expect(await inbox(HUANG)).toContain(instance.id);
    expect(await inbox(LIN)).toContain(instance.id);
    expect(await inbox(CHEN)).not.toContain(instance.id);
    const [task] = await store.tasksOfInstance(instance.id, 'OPEN');
    expect(task.candidateUsers).toEqual(['huang.lei', 'zhou.qiang', 'lin.tao']);
  });

  it('should approve when two of the three listed users approve, dropping each voter from their inbox', async () => {
    const instance = await store.startInstance({
      flowKey: 'board_sign_off',
      input: { subject: 'y' },
      actor: 'he.bin',
    });
    const [task] = await store.tasksOfInstance(instance.id, 'OPEN');
    const first = await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'huang.lei' });
    expect(first.state).toBe('sign_off');
    // huang.lei has voted: the task leaves his inbox and stays in the others'.
    const inbox = async (v: Viewer) => (await store.listTasks(null, {}, v)).items.map((e) => e.node.id);
    expect(await inbox(HUANG)).not.toContain(task.id);
    expect(await inbox(LIN)).toContain(task.id);
    const second = await store.decideTask({ taskId: task.id, decision: 'approve', actor: 'lin.tao' });
    expect(second.state).toBe('approved');
  });
});
