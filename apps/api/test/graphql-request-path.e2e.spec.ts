import { GraphQLSchemaHost } from '@nestjs/graphql';
import { signToken } from '@signet/server-auth';
import { START_INSTANCE, discountInput } from './support/operations';
import { TEST_SECRET, startTestApi, type TestApi } from './support/test-api';

// ADR 0020: Apollo's cache-control plugin is off (it wrapped every resolver of the schema to hook
// every field of every request); the answers still say `cache-control: no-store`.
describe('the GraphQL request path', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const post = (caller: string, query: string, variables: Record<string, unknown> = {}) =>
    fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${signToken(TEST_SECRET, caller, '1h')}`,
      },
      body: JSON.stringify({ query, variables }),
    });

  it('should answer queries, mutations and errors with cache-control: no-store', async () => {
    const query = await post('li.na', '{ me { username } }');
    expect(query.headers.get('cache-control')).toBe('no-store');
    expect(await query.json()).toEqual({ data: { me: { username: 'li.na' } } });
    const mutation = await post('li.na', START_INSTANCE, {
      flowKey: 'discount_approval',
      input: discountInput('2%'),
    });
    expect(mutation.headers.get('cache-control')).toBe('no-store');
    expect(((await mutation.json()) as { errors?: unknown }).errors).toBeUndefined();
    const refused = await post('li.na', '{ instance(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const answer = (await refused.json()) as { errors?: { extensions: { code: string } }[] };
    expect(answer.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
  });

  it("should leave the schema's resolvers unwrapped by Apollo after requests", async () => {
    await post('li.na', '{ me { username } }');
    const { schema } = api.app.get(GraphQLSchemaHost);
    const marks = Object.getOwnPropertySymbols(schema).map((s) => s.description);
    expect(marks).not.toContain('apolloServerPluginsEnabled');
  });
});
