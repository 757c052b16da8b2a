import { Field, Int, ObjectType } from '@nestjs/graphql';

/**
 * The commission of one sale under the rules of PROCESSES.md §4, as computed by the deployed
 * `commission` flow. Money is an exact decimal string in CNY ("3885.00"); percents are strings ("0.21%").
 */
@ObjectType()
export class Commission {
  @Field({ description: 'Tier rate by monthly target completion, e.g. "0.18%".' })
  tierRate!: string;

  @Field({ description: 'contractValue × tierRate, rounded half-up to the fen.' })
  tierCommission!: string;

  @Field({
    description: "The lowest price the consultant's authority allowed: listPrice × (100% − authority).",
  })
  lowestAllowedPrice!: string;

  @Field({ description: '"8%" at the list price, "5%" inside the authority, "0%" beyond it.' })
  discountCommissionRate!: string;

  @Field({
    description:
      'discountCommissionRate × (min(soldPrice, listPrice) − lowestAllowedPrice), rounded half-up to the fen; paid on top of the tier commission, never part of its base.',
  })
  discountCommission!: string;

  @Field({ description: 'tierCommission + discountCommission.' })
  totalCommission!: string;

  @Field({ description: 'collected ÷ contractValue, as a percent.' })
  collectedShare!: string;

  @Field({ description: 'The share of the commission releasable now: "0%", "50%" or "100%".' })
  releaseShare!: string;

  @Field({ description: 'totalCommission × releaseShare, rounded half-up to the fen.' })
  releasableNow!: string;

  @Field({ description: 'The key of the flow whose decision tables computed this ("commission").' })
  flowKey!: string;

  @Field(() => Int, { description: 'The version of that flow.' })
  flowVersion!: number;
}
