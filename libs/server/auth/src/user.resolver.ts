import { Inject } from '@nestjs/common';
import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { DirectoryUser } from '@signet/engine';
import type { SignetStore } from '@signet/persistence';
import { CurrentUser, SIGNET_STORE, User } from '@signet/server-common';

/** `me`, and the `User.superior` edge of the org directory. */
@Resolver(() => User)
export class UserResolver {
  constructor(@Inject(SIGNET_STORE) private readonly store: SignetStore) {}

  @Query(() => User, { description: 'The caller, as the org directory knows them now.' })
  me(@CurrentUser() user: DirectoryUser): DirectoryUser {
    return user;
  }

  @ResolveField(() => User, { nullable: true, description: 'Direct superior in the org directory.' })
  async superior(@Parent() user: DirectoryUser): Promise<DirectoryUser | null> {
    return user.superior ? this.store.getUser(user.superior) : null;
  }
}
