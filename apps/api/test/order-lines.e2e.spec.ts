import type { InstanceView } from './support/operations';
import { DECIDE_TASK, INBOX, START_INSTANCE } from './support/operations';
import { codesOf, startTestApi, type TestApi } from './support/test-api';

// Record and list inputs end to end, and a parallel approval over a role's members.
const ORDER_SOURCE = `flow order_review v1 "Order review" {
  input {
    customer: record { name: string, vip: bool }
    lines: list(record { sku: string, qty: int, price: money(CNY) })
    tags: list(string)
  }

  initial state routing {
    always -> vote when len(input.lines) in [1 .. 10] and not input.customer.vip
    always -> accepted
  }
  state vote {
    task "Review the order" assignee role(cs_agent) approval all separateFrom requester sla 24h
    on approve -> accepted
    on reject -> refused
  }
  final state accepted
  final state refused
}`;

const DEPLOY = `mutation Deploy($source: String!) { deployFlow(source: $source) { key version } }`;
const OPEN_TASKS = `query Instance($id: ID!) {
  instance(id: $id) { tasks { id status candidateUsers candidateRoles } } }`;

const GOOD_INPUT = {
  customer: { name: 'Wang Fang', vip: false },
  lines: [
    { sku: 'A-1', qty: 2, price: '100' },
    { sku: 'B-7', qty: 1, price: 35.5 },
  ],
  tags: ['urgent'],
};

interface TaskView {
  id: string;
  status: string;
  candidateUsers: string[];
  candidateRoles: string[];
}

describe('record and list inputs, and approval over role members, over GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    const r = await api.gql('zhao.min', DEPLOY, { source: ORDER_SOURCE });
    expect(r.errors).toBeUndefined();
  });
  afterAll(() => api?.close());

  it('should answer BAD_USER_INPUT naming the path of a bad nested value', async () => {
    const lines = [...GOOD_INPUT.lines, { sku: 'C-2', qty: 1, price: 'abc' }];
    const r = await api.gql<unknown>('li.na', START_INSTANCE, {
      flowKey: 'order_review',
      input: { ...GOOD_INPUT, lines },
    });
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    const said = JSON.stringify(r.errors![0].extensions) + r.errors![0].message;
    expect(said).toContain('lines[2].price');
    expect(said).toContain('"abc"');
  });

  it('should keep the canonical nested input in the stored context and read it back', async () => {
    const r = await api.gql<{ startInstance: InstanceView }>('li.na', START_INSTANCE, {
      flowKey: 'order_review',
      input: GOOD_INPUT,
    });
    expect(r.errors).toBeUndefined();
    const started = r.data!.startInstance;
    expect(started.state).toBe('vote');
    expect((started.context as { input: unknown }).input).toEqual({
      customer: { name: 'Wang Fang', vip: false },
      lines: [
        { sku: 'A-1', qty: 2, price: '100.00' },
        { sku: 'B-7', qty: 1, price: '35.50' },
      ],
      tags: ['urgent'],
    });
  });

  it("should put the vote in every role member's inbox and decide when all of them approved", async () => {
    const r = await api.gql<{ startInstance: InstanceView }>('wu.xia', START_INSTANCE, {
      flowKey: 'order_review',
      input: GOOD_INPUT,
    });
    const id = r.data!.startInstance.id;
    const tasks = await api.gql<{ instance: { tasks: TaskView[] } }>('qian.hui', OPEN_TASKS, { id });
    const [task] = tasks.data!.instance.tasks;
    // wu.xia requested, so separateFrom leaves xu.ting as the only cs_agent voter.
    expect(task).toMatchObject({ status: 'OPEN', candidateUsers: ['xu.ting'], candidateRoles: [] });

    const inboxOf = async (user: string) =>
      (await api.gql<{ tasks: { edges: { node: { id: string } }[] } }>(user, INBOX)).data!.tasks.edges.map(
        (e) => e.node.id,
      );
    expect(await inboxOf('xu.ting')).toContain(task.id);
    expect(await inboxOf('wu.xia')).not.toContain(task.id);

    const refused = await api.gql('wu.xia', DECIDE_TASK, { taskId: task.id, decision: 'approve' });
    expect(codesOf(refused)).toEqual(['SEPARATION_OF_DUTIES']);
    const decided = await api.gql<{ decideTask: InstanceView }>('xu.ting', DECIDE_TASK, {
      taskId: task.id,
      decision: 'approve',
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideTask.state).toBe('accepted');
  });
});
