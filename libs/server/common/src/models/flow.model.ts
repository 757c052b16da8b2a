import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * One deployed version of a flow. `deployedBy`, `states` and `diagram` are resolved by the
 * definitions module from the stored record and its IR.
 */
@ObjectType({ description: 'One deployed version of a flow definition.' })
export class Flow {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  title!: string;

  @Field({ description: 'The .flow source as deployed.' })
  source!: string;

  @Field({ description: 'sha-256 of the compiled IR.' })
  hash!: string;

  @Field()
  deployedAt!: Date;
}
