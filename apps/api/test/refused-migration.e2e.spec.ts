import { START_INSTANCE, discountInput } from './support/operations';
import { codesOf, startTestApi, type TestApi } from './support/test-api';

const MIGRATE = `mutation Migrate($id: ID!, $toVersion: Int!) {
  migrateInstance(id: $id, toVersion: $toVersion) { id } }`;
const ACTIVITY = `query Activity($username: String!) {
  userActivity(username: $username) { kind action instanceId code } }`;

interface Activity {
  userActivity: { kind: string; action: string; instanceId: string | null; code: string | null }[];
}

// A refused migrateInstance is kept in refusal_log like the other guarded mutations, with the
// instance its `id` argument names (the interceptor used to read only an `instanceId` argument).
describe('a refused migrateInstance', () => {
  let api: TestApi;
  afterAll(() => api?.close());

  it('should be in the refusal log with its instance', async () => {
    api = await startTestApi();
    const started = await api.gql<{ startInstance: { id: string } }>('li.na', START_INSTANCE, {
      flowKey: 'discount_approval',
      input: discountInput('2%'),
    });
    const instanceId = started.data!.startInstance.id;
    const refused = await api.gql('li.na', MIGRATE, { id: instanceId, toVersion: 2 });
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
    const activity = await api.gql<Activity>('zhao.min', ACTIVITY, { username: 'li.na' });
    expect(activity.errors).toBeUndefined();
    expect(activity.data!.userActivity.filter((a) => a.kind === 'refusal')).toEqual([
      { kind: 'refusal', action: 'migrateInstance', instanceId, code: 'FORBIDDEN' },
    ]);
  });
});
