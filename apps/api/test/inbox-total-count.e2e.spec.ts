import { START_INSTANCE, discountInput } from './support/operations';
import type { InstanceView } from './support/operations';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

interface Page {
  tasks: { totalCount?: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
}

const PAGE = `query { tasks(first: 2) { edges { node { id } } pageInfo { hasNextPage } } }`;
const PAGE_AND_TOTAL = `query { tasks(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`;

// ADR 0011: the inbox's exact count runs only when a client selects `totalCount`.
describe('tasks totalCount, counted on demand', () => {
  let api: TestApi;
  let countTasks: jest.SpyInstance;

  beforeAll(async () => {
    api = await startTestApi();
    for (let i = 0; i < 3; i++) {
      const r = await api.gql<{ startInstance: InstanceView }>('li.na', START_INSTANCE, {
        flowKey: 'discount_approval',
        input: discountInput('2%'),
      });
      expect(r.errors).toBeUndefined();
    }
    countTasks = jest.spyOn(api.store, 'countTasks');
  });
  afterAll(() => api?.close());
  beforeEach(() => countTasks.mockClear());

  it('should page the inbox without counting when totalCount is not selected', async () => {
    const r = await api.gql<Page>('chen.jie', PAGE);
    expect(r.errors).toBeUndefined();
    expect(r.data!.tasks.edges).toHaveLength(2);
    expect(r.data!.tasks.pageInfo.hasNextPage).toBe(true);
    expect(countTasks).not.toHaveBeenCalled();
  });

  it('should give the exact count across all pages when totalCount is selected', async () => {
    const r = await api.gql<Page>('chen.jie', PAGE_AND_TOTAL);
    expect(r.errors).toBeUndefined();
    expect(r.data!.tasks).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(r.data!.tasks.edges).toHaveLength(2);
    expect(countTasks).toHaveBeenCalledTimes(1);
  });

  it('should count a filtered list within what the caller may see', async () => {
    const filtered = `query { tasks(filter: { status: OPEN }, first: 1) { totalCount } }`;
    const requester = await api.gql<Page>('li.na', filtered);
    expect(requester.data!.tasks.totalCount).toBe(3);
    const stranger = await api.gql<Page>('zhou.qiang', filtered);
    expect(stranger.data!.tasks.totalCount).toBe(0);
  });
});
