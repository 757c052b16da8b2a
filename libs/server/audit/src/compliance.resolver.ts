import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { DirectoryUser } from '@signet/engine';
import type { AuditQueries, AuditWindow, ComplaintMonthRow } from '@signet/persistence';
import { ApiException, CurrentUser } from '@signet/server-common';
import { AUDIT_QUERIES } from './audit-queries.token';
import { ComplaintMonth } from './complaint-report.models';
import {
  DiscountAboveAuthority,
  Refusal,
  SlaBreaches,
  SoftConflict,
  TimeInState,
  UserActivity,
} from './compliance.models';
import { requireAuditRole } from './require-audit-role';

const windowArgs = {
  from: () => Args('from', { type: () => Date, nullable: true, description: 'Inclusive.' }),
  to: () => Args('to', { type: () => Date, nullable: true, description: 'Exclusive.' }),
  first: () => Args('first', { type: () => Int, nullable: true, description: 'At most this many (≤ 500).' }),
};

function window(from?: Date | null, to?: Date | null, first?: number | null): AuditWindow {
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(first != null ? { first } : {}) };
}

/** The compliance questions of `docs/audit.md` (auditors and flow admins only), newest first. */
@Resolver()
export class ComplianceResolver {
  constructor(@Inject(AUDIT_QUERIES) private readonly audit: AuditQueries) {}

  @Query(() => [DiscountAboveAuthority], {
    description:
      "Discounts approved above the requester's own authority, with who signed and at which level.",
  })
  discountsAboveAuthority(
    @CurrentUser() user: DirectoryUser,
    @windowArgs.from() from?: Date | null,
    @windowArgs.to() to?: Date | null,
    @windowArgs.first() first?: number | null,
  ): Promise<DiscountAboveAuthority[]> {
    requireAuditRole(user, 'discountsAboveAuthority');
    return this.audit.discountsAboveAuthority(window(from, to, first));
  }

  @Query(() => [Refusal], { description: 'Attempts refused by a four-eyes rule (separateFrom).' })
  fourEyesRefusals(
    @CurrentUser() user: DirectoryUser,
    @windowArgs.from() from?: Date | null,
    @windowArgs.to() to?: Date | null,
    @windowArgs.first() first?: number | null,
  ): Promise<Refusal[]> {
    requireAuditRole(user, 'fourEyesRefusals');
    return this.audit.fourEyesRefusals(window(from, to, first));
  }

  @Query(() => [SoftConflict], {
    description: 'Decisions where approver and requester share a superior chain.',
  })
  softConflicts(
    @CurrentUser() user: DirectoryUser,
    @windowArgs.from() from?: Date | null,
    @windowArgs.to() to?: Date | null,
    @windowArgs.first() first?: number | null,
  ): Promise<SoftConflict[]> {
    requireAuditRole(user, 'softConflicts');
    return this.audit.softConflicts(window(from, to, first));
  }

  @Query(() => [SlaBreaches], { description: 'SLA breaches per flow, escalation level and month.' })
  slaBreaches(
    @CurrentUser() user: DirectoryUser,
    @Args('flowKey', { type: () => String, nullable: true }) flowKey?: string | null,
    @Args('from', { type: () => Date, nullable: true, description: 'From the month of this time.' })
    from?: Date | null,
    @Args('to', {
      type: () => Date,
      nullable: true,
      description: 'Up to and including the month of this time.',
    })
    to?: Date | null,
  ): Promise<SlaBreaches[]> {
    requireAuditRole(user, 'slaBreaches');
    return this.audit.slaBreaches({ ...(flowKey != null ? { flowKey } : {}), ...window(from, to) });
  }

  @Query(() => [TimeInState], { description: 'Time-in-state percentiles per flow, state and role.' })
  timeInState(
    @CurrentUser() user: DirectoryUser,
    @Args('flowKey', { type: () => String, nullable: true }) flowKey?: string | null,
  ): Promise<TimeInState[]> {
    requireAuditRole(user, 'timeInState');
    return this.audit.timeInState(flowKey ?? undefined);
  }

  @Query(() => [ComplaintMonth], {
    description:
      'The monthly complaint report: counts by category and severity, reply-time p50/p90, breaches per escalation level, open items; newest month first.',
  })
  complaintReport(
    @CurrentUser() user: DirectoryUser,
    @Args('from', { type: () => Date, nullable: true, description: 'From the month of this time.' })
    from?: Date | null,
    @Args('to', {
      type: () => Date,
      nullable: true,
      description: 'Up to and including the month of this time.',
    })
    to?: Date | null,
  ): Promise<ComplaintMonthRow[]> {
    requireAuditRole(user, 'complaintReport');
    if (from && to && from > to) {
      throw ApiException.badUserInput(`"from" (${from.toISOString()}) is after "to" (${to.toISOString()}).`, [
        { path: 'from', message: 'must not be after "to"' },
      ]);
    }
    return this.audit.complaintReport(window(from, to));
  }

  @Query(() => [UserActivity], { description: 'Everything a user did in a time range, newest first.' })
  userActivity(
    @CurrentUser() user: DirectoryUser,
    @Args('username') username: string,
    @windowArgs.from() from?: Date | null,
    @windowArgs.to() to?: Date | null,
    @windowArgs.first() first?: number | null,
  ): Promise<UserActivity[]> {
    requireAuditRole(user, 'userActivity');
    return this.audit.userActivity(username, window(from, to, first));
  }
}
