import { Inject } from '@nestjs/common';
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { DirectoryUser } from '@signet/engine';
import type { AuditQueries, ComplaintMonthRow, OpenComplaintRow } from '@signet/persistence';
import { CurrentUser } from '@signet/server-common';
import { AUDIT_QUERIES } from './audit-queries.token';
import { ComplaintMonth, OpenComplaint } from './complaint-report.models';
import { requireAuditRole } from './require-audit-role';

/**
 * `ComplaintMonth.openComplaints`: the month's open items one by one, read only when selected (the
 * counts of the report do not need them).
 */
@Resolver(() => ComplaintMonth)
export class ComplaintMonthResolver {
  constructor(@Inject(AUDIT_QUERIES) private readonly audit: AuditQueries) {}

  @ResolveField(() => [OpenComplaint], {
    description:
      'The complaints of this month still open now, oldest first, with the task each waits on; at most `first` (`openItems` is how many there are).',
  })
  openComplaints(
    @CurrentUser() user: DirectoryUser,
    @Parent() month: ComplaintMonthRow,
    @Args('first', { type: () => Int, defaultValue: 50, description: 'At most this many (≤ 500).' })
    first: number,
  ): Promise<OpenComplaintRow[]> {
    requireAuditRole(user, 'complaintReport');
    const start = new Date(`${month.month}-01T00:00:00.000Z`);
    return this.audit.openComplaints({ from: start, to: start, first });
  }
}
