import type { InstanceView } from './support/operations';
import { START_INSTANCE } from './support/operations';
import { codesOf, startTestApi, type TestApi } from './support/test-api';

// The commission rules (PROCESSES.md §4, workflows/commission.flow) over GraphQL, on a fresh database
// (PostgreSQL on TEST_DATABASE_URL, or PGlite when SIGNET_TEST_DB=embedded). The `commission` query
// evaluates the deployed flow's tables; starting the flow computes the same figures into its context.
// Every expected figure was computed by hand from the text, to the fen.

const COMMISSION = `
  query Commission($contractValue: String!, $completion: String!, $listPrice: String!, $soldPrice: String!,
                   $authority: String!, $paymentMethod: String!, $collected: String!) {
    commission(contractValue: $contractValue, completion: $completion, listPrice: $listPrice,
               soldPrice: $soldPrice, authority: $authority, paymentMethod: $paymentMethod, collected: $collected) {
      tierRate tierCommission lowestAllowedPrice discountCommissionRate discountCommission totalCommission
      collectedShare releaseShare releasableNow flowKey flowVersion
    }
  }`;

type Figures = Record<string, string | number>;

const atList = {
  contractValue: '1850000.00',
  completion: '101%',
  listPrice: '1850000.00',
  soldPrice: '1850000.00',
  authority: '1%',
  paymentMethod: 'full',
  collected: '1850000.00',
};

describe('commission rules over GraphQL (test database)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  async function commission(vars: Record<string, string>, user = 'li.na'): Promise<Figures> {
    const r = await api.gql<{ commission: Figures }>(user, COMMISSION, vars);
    expect(r.errors).toBeUndefined();
    return r.data!.commission;
  }

  it('should pay a sale at the list price at 101 % of target the top tier and 8 % discount commission, all on the contract', async () => {
    expect(await commission(atList)).toEqual({
      tierRate: '0.21%',
      tierCommission: '3885.00',
      lowestAllowedPrice: '1831500.00',
      discountCommissionRate: '8%',
      discountCommission: '1480.00',
      totalCommission: '5365.00',
      collectedShare: '100%',
      releaseShare: '100%',
      releasableNow: '5365.00',
      flowKey: 'commission',
      flowVersion: 1,
    });
  });

  it('should pay 5 % of the unused authority and release half on a mortgage after the down payment', async () => {
    const f = await commission({
      ...atList,
      contractValue: '1840750.00',
      completion: '85%',
      soldPrice: '1840750.00',
      paymentMethod: 'mortgage',
      collected: '552225.00',
    });
    expect(f).toMatchObject({
      tierRate: '0.18%',
      tierCommission: '3313.35',
      discountCommissionRate: '5%',
      discountCommission: '462.50',
      totalCommission: '3775.85',
      releaseShare: '50%',
      releasableNow: '1887.93',
    });
  });

  it('should take the tier boundaries exactly (lower inclusive, upper exclusive)', async () => {
    const rates: Record<string, string> = {};
    for (const completion of ['59.99%', '60%', '79.99%', '80%', '100.99%', '101%']) {
      rates[completion] = String((await commission({ ...atList, completion })).tierRate);
    }
    expect(rates).toEqual({
      '59.99%': '0.16%',
      '60%': '0.17%',
      '79.99%': '0.17%',
      '80%': '0.18%',
      '100.99%': '0.18%',
      '101%': '0.21%',
    });
  });

  it('should release instalments at 0 / 50 % / all and nothing after a refund', async () => {
    const release = async (paymentMethod: string, collected: string) =>
      (await commission({ ...atList, paymentMethod, collected })).releasableNow;
    expect(await release('instalments', '924999.99')).toBe('0.00');
    expect(await release('instalments', '925000.00')).toBe('2682.50');
    expect(await release('instalments', '1850000.00')).toBe('5365.00');
    expect(await release('refunded', '1850000.00')).toBe('0.00');
  });

  it('should refuse a malformed argument with BAD_USER_INPUT naming it', async () => {
    const r = await api.gql('li.na', COMMISSION, { ...atList, completion: '85' });
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toContain('completion');
  });

  it('should refuse an anonymous caller', async () => {
    const r = await api.gql(null, COMMISSION, atList);
    expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
  });

  it('should compute the same figures when the commission flow is started from the API', async () => {
    const started = await api.gql<{ startInstance: InstanceView }>('li.na', START_INSTANCE, {
      flowKey: 'commission',
      input: atList,
    });
    expect(started.errors).toBeUndefined();
    const instance = started.data!.startInstance;
    expect(instance).toMatchObject({ status: 'COMPLETED', state: 'computed', tasks: [] });
    const { flowKey: _k, flowVersion: _v, ...figures } = await commission(atList);
    expect((instance.context as { vars: Figures }).vars).toEqual(figures);
  });
});
