import type { DirectoryUser } from '@signet/engine';
import { mayDeployFlows } from './may-deploy-flows';

const user = (roles: string[]): DirectoryUser => ({
  username: 'u',
  displayName: 'U',
  roles,
  team: null,
  superior: null,
  discountAuthority: null,
});

describe('mayDeployFlows', () => {
  it('should allow when the user has flow_admin among other roles', () => {
    expect(mayDeployFlows(user(['sales_admin', 'flow_admin']))).toBe(true);
  });

  it('should refuse when the user has no flow_admin role, however senior', () => {
    expect(mayDeployFlows(user(['vice_president']))).toBe(false);
  });
});
