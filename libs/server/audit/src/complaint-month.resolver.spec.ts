import type { DirectoryUser } from '@signet/engine';
import type { AuditQueries, ComplaintMonthRow } from '@signet/persistence';
import { ComplaintMonthResolver } from './complaint-month.resolver';

const user = (roles: string[]): DirectoryUser => ({
  username: 'u',
  displayName: 'U',
  roles,
  team: null,
  superior: null,
  discountAuthority: null,
});

const month = { month: '2026-08' } as ComplaintMonthRow;

describe('ComplaintMonth.openComplaints', () => {
  it('should ask for the open complaints recorded in the parent month, at most `first`', async () => {
    const openComplaints = jest.fn<
      ReturnType<AuditQueries['openComplaints']>,
      Parameters<AuditQueries['openComplaints']>
    >(() => Promise.resolve([]));
    const resolver = new ComplaintMonthResolver({ openComplaints } as unknown as AuditQueries);
    await resolver.openComplaints(user(['auditor']), month, 20);
    expect(openComplaints).toHaveBeenCalledWith({
      from: new Date('2026-08-01T00:00:00.000Z'),
      to: new Date('2026-08-01T00:00:00.000Z'),
      first: 20,
    });
  });

  it('should refuse with FORBIDDEN when the user is neither auditor nor flow admin', () => {
    const openComplaints = jest.fn();
    const resolver = new ComplaintMonthResolver({ openComplaints } as unknown as AuditQueries);
    expect(() => resolver.openComplaints(user(['cs_agent']), month, 20)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }) as Error,
    );
    expect(openComplaints).not.toHaveBeenCalled();
  });
});
