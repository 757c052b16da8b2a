import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import type { SignetStore } from '@signet/persistence';
import { ApiException, SIGNET_STORE } from '@signet/server-common';
import { Commission } from './commission.model';
import { applyCommissionRules, COMMISSION_FLOW_KEY } from './commission-rules';

/**
 * The commission rules of PROCESSES.md §4 as a query. The rules are the decision tables of the
 * deployed `commission` flow (workflows/commission.flow), evaluated without starting an instance, so
 * the query and the flow can never disagree. Any signed-in user may ask: it reads no instance data.
 */
@Resolver(() => Commission)
export class CommissionResolver {
  constructor(@Inject(SIGNET_STORE) private readonly store: SignetStore) {}

  @Query(() => Commission, {
    description:
      'The commission of one sale by the rules of the latest deployed `commission` flow: tier rate and ' +
      'commission (contract value × tier rate by monthly target completion: ≥101% 0.21%, 80–101% 0.18%, ' +
      '60–80% 0.17%, <60% 0.16%), discount commission (8% of list − lowest price the authority allowed when ' +
      'sold at list price; 5% of the unused part of the authority inside it; nothing beyond it — computed ' +
      'from listPrice and soldPrice, not from contractValue, and paid on top of the tier commission), and ' +
      'the amount releasable now (full: all, on the signed contract; mortgage: 50% once a down payment is ' +
      'collected, all once the whole contract value is; instalments: nothing below 50% collected, 50% from ' +
      '50%, all when fully paid; refunded: nothing, paid commission is clawed back). Money in CNY as exact ' +
      'decimal strings ("1850000.00"), percents as "2%". BAD_USER_INPUT names a malformed argument.',
  })
  async commission(
    @Args('contractValue', { description: 'Value of the signed purchase contract, CNY ("1850000.00").' })
    contractValue: string,
    @Args('completion', { description: 'The consultant\'s monthly target completion ("85%").' })
    completion: string,
    @Args('listPrice', { description: 'The unit list price, CNY.' }) listPrice: string,
    @Args('soldPrice', { description: 'The price the unit was sold at, CNY.' }) soldPrice: string,
    @Args('authority', { description: 'The consultant\'s discount authority ("1%").' }) authority: string,
    @Args('paymentMethod', { description: '"full", "mortgage", "instalments" or "refunded".' })
    paymentMethod: string,
    @Args('collected', { description: 'Money collected on the contract so far, CNY.' }) collected: string,
  ): Promise<Commission> {
    const flow = await this.store.getFlow(COMMISSION_FLOW_KEY);
    if (!flow) throw ApiException.notFound('flow', COMMISSION_FLOW_KEY);
    const input = { contractValue, completion, listPrice, soldPrice, authority, paymentMethod, collected };
    const outcome = applyCommissionRules(flow.ir, input);
    if (!outcome.ok && outcome.kind === 'input') {
      const first = outcome.errors[0];
      throw ApiException.badUserInput(
        `Invalid commission argument ${first?.path}: ${first?.message}`,
        outcome.errors,
      );
    }
    if (!outcome.ok) throw ApiException.badUserInput(`The commission rules failed: ${outcome.message}`);
    return { ...outcome.figures, flowKey: flow.key, flowVersion: flow.version };
  }
}
