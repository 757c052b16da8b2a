import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/** Two reviews handing over to each other: every decision closes one task and opens the next. */
const PINGPONG = `flow e2e_pingpong v1 "Alternating reviews" {
  input { unit: string }
  initial state review_a {
    task "Review A" assignee role(sales_manager) separateFrom requester
    on approve -> review_b
  }
  state review_b {
    task "Review B" assignee role(sales_manager) separateFrom requester
    on approve -> review_a
    on reject -> rejected
  }
  final state rejected
}`;

interface TaskView {
  id: string;
  name: string;
  status: string;
}
interface Decided {
  decideTask: { id: string; state: string; open: TaskView[]; done: TaskView[]; all: TaskView[] };
}

const START = `mutation { startInstance(flowKey: "e2e_pingpong", input: { unit: "U-1" }) { id tasks(status: OPEN) { id } } }`;
// What the durable benchmark's client asks after a decision (bench/durable/http-client.ts), and more.
const DECIDE = `mutation Decide($taskId: ID!) {
  decideTask(taskId: $taskId, decision: "approve") {
    id state
    open: tasks(status: OPEN) { id name status }
    done: tasks(status: DONE) { id name status }
    all: tasks { id name status }
  }
}`;

describe('Instance.tasks(status:), filtered by the store', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await api.store.deployFlow(PINGPONG, 'zhao.min');
  });
  afterAll(() => api?.close());

  it('should answer only the open task after each decision while the instance gains a task per decision', async () => {
    const started = await api.gql<{ startInstance: { id: string; tasks: { id: string }[] } }>('li.na', START);
    expect(started.errors).toBeUndefined();
    let taskId = started.data!.startInstance.tasks[0].id;
    const tasksOfInstance = jest.spyOn(api.store, 'tasksOfInstance');
    try {
      for (let n = 1; n <= 3; n++) {
        const r = await api.gql<Decided>('chen.jie', DECIDE, { taskId });
        expect(r.errors).toBeUndefined();
        const { open, done, all } = r.data!.decideTask;
        expect(open).toEqual([
          { id: expect.any(String), name: n % 2 ? 'review_b' : 'review_a', status: 'OPEN' },
        ]);
        expect(done).toHaveLength(n);
        expect(done.every((t) => t.status === 'DONE')).toBe(true);
        expect(all.map((t) => t.id)).toEqual([...done.map((t) => t.id), open[0].id]);
        taskId = open[0].id;
      }
      // The status reaches the store, whose statement filters on it (no status: every task).
      const instanceId = tasksOfInstance.mock.calls[0][0];
      expect(tasksOfInstance.mock.calls.slice(0, 3)).toEqual([
        [instanceId, 'OPEN'],
        [instanceId, 'DONE'],
        [instanceId, undefined],
      ]);
    } finally {
      tasksOfInstance.mockRestore();
    }
  });
});
