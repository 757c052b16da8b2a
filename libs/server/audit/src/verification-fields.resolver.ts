import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { FullVerification } from '@signet/persistence';
import { AuditVerification } from '@signet/server-common';

/** The global-chain side of `verifyAudit` (ADR 0009), added to `AuditVerification`. */
@Resolver(() => AuditVerification)
export class VerificationFieldsResolver {
  @ResolveField(() => Boolean, {
    description: "Whether the global chain (for one instance: its events' links in it) is intact.",
  })
  globalChainOk(@Parent() v: FullVerification): boolean {
    return v.globalChainOk;
  }

  @ResolveField(() => Int, { description: 'Links of the global chain checked (0 for one instance).' })
  checkedLinks(@Parent() v: FullVerification): number {
    return v.checkedLinks;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "The global chain's head hash after a whole-log check: publish it to anchor the log.",
  })
  headHash(@Parent() v: FullVerification): string | null {
    return v.headHash;
  }
}
