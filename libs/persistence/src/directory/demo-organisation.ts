import { DEMO_ORGANISATION } from '@signet/engine';

/**
 * The demo organisation of PROCESSES.md ("The demo organisation"): teams, roles with their titles
 * and discount authorities, and users with team, superior and roles. Usernames are stable; the rest
 * is data an operator may edit after seeding.
 */
export interface DemoRole {
  key: string;
  title: string;
  /** Percent (`3` = 3 %), `'unlimited'`, or absent when the role grants no discount authority. */
  discountAuthority?: number | 'unlimited';
}

export interface DemoUser {
  username: string;
  displayName: string;
  team: string;
  superior: string | null;
  roles: string[];
}

export const demoTeams: { key: string; title: string }[] = [
  { key: 'sunrise_sales', title: 'Sunrise sales office' },
  { key: 'sales_admin', title: 'Sales management department' },
  { key: 'finance', title: 'Finance' },
  { key: 'executive', title: 'Executive office' },
  { key: 'customer_service', title: 'Customer service department' },
  { key: 'project_a', title: 'Project A' },
  { key: 'engineering', title: 'Engineering department' },
  { key: 'internal_audit', title: 'Internal audit' },
];

export const demoRoles: DemoRole[] = [
  { key: 'consultant', title: 'sales consultant', discountAuthority: 1 },
  { key: 'sales_manager', title: 'sales (project) manager', discountAuthority: 3 },
  { key: 'sales_director', title: 'sales director / marketing manager', discountAuthority: 5 },
  { key: 'sales_admin', title: 'sales management department' },
  { key: 'auditor', title: 'internal auditor (reads all history, decides nothing)' },
  { key: 'flow_admin', title: 'may deploy flow definitions' },
  { key: 'vice_president', title: 'vice president (directly in charge)', discountAuthority: 'unlimited' },
  { key: 'general_manager', title: 'general manager', discountAuthority: 'unlimited' },
  { key: 'finance', title: 'cashier / accountant' },
  { key: 'cs_agent', title: 'customer-service agent' },
  { key: 'cs_supervisor', title: 'customer-service supervisor' },
  { key: 'cs_manager', title: 'customer-service department manager' },
  { key: 'project_manager', title: 'engineering project manager' },
  { key: 'chief_engineer', title: 'chief engineer' },
  { key: 'site_engineer', title: 'site / contractor engineer raising a change' },
];

/** The users, from the engine's copy of the same table (the one list both the seed and the tests use). */
export const demoUsers: DemoUser[] = DEMO_ORGANISATION.users.map((u) => ({
  username: u.username,
  displayName: u.displayName,
  roles: [...u.roles],
  team: requireTeam(u.username, u.team),
  superior: u.superior,
}));

function requireTeam(username: string, team: string | null): string {
  if (team === null) throw new Error(`demo user ${username} has no team`);
  return team;
}
