import { Field, ObjectType } from '@nestjs/graphql';

/** A user of the org directory. `superior` is resolved by the auth module from the directory. */
@ObjectType({
  description: 'A user of the org directory (roles, team and superior are data, read per request).',
})
export class User {
  @Field({ description: 'Stable login name, e.g. "li.na".' })
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => [String])
  roles!: string[];

  @Field(() => String, { nullable: true })
  team!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Personal discount authority ("1%") overriding the roles\', or null to use the roles\'.',
  })
  discountAuthority!: string | null;
}
