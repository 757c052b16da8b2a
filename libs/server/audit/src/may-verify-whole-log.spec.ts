import type { DirectoryUser } from '@signet/engine';
import { mayVerifyWholeLog } from './may-verify-whole-log';

const user = (roles: string[]): DirectoryUser => ({
  username: 'u',
  displayName: 'U',
  roles,
  team: null,
  superior: null,
  discountAuthority: null,
});

describe('mayVerifyWholeLog', () => {
  it('should allow when the user is an auditor or a flow admin', () => {
    expect(mayVerifyWholeLog(user(['auditor']))).toBe(true);
    expect(mayVerifyWholeLog(user(['general_manager', 'flow_admin']))).toBe(true);
  });

  it('should refuse when the user only works in the processes', () => {
    expect(mayVerifyWholeLog(user(['consultant']))).toBe(false);
  });
});
