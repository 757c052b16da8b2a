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

const user = (
  username: string,
  displayName: string,
  roles: string[],
  team: string,
  superior: string | null,
): DemoUser => ({ username, displayName, roles, team, superior });

export const demoUsers: DemoUser[] = [
  user('li.na', 'Li Na', ['consultant'], 'sunrise_sales', 'chen.jie'),
  user('wang.fang', 'Wang Fang', ['consultant'], 'sunrise_sales', 'chen.jie'),
  user('zhang.wei', 'Zhang Wei', ['consultant'], 'sunrise_sales', 'chen.jie'),
  user('chen.jie', 'Chen Jie', ['sales_manager'], 'sunrise_sales', 'liu.yang'),
  user('liu.yang', 'Liu Yang', ['sales_director'], 'sunrise_sales', 'huang.lei'),
  user('zhao.min', 'Zhao Min', ['sales_admin', 'flow_admin'], 'sales_admin', 'liu.yang'),
  user('sun.li', 'Sun Li', ['finance'], 'finance', 'zhou.qiang'),
  user('huang.lei', 'Huang Lei', ['vice_president'], 'executive', 'zhou.qiang'),
  user('zhou.qiang', 'Zhou Qiang', ['general_manager', 'flow_admin'], 'executive', null),
  user('wu.xia', 'Wu Xia', ['cs_agent'], 'customer_service', 'ma.lin'),
  user('xu.ting', 'Xu Ting', ['cs_agent'], 'customer_service', 'ma.lin'),
  user('ma.lin', 'Ma Lin', ['cs_supervisor'], 'customer_service', 'hu.jun'),
  user('hu.jun', 'Hu Jun', ['cs_manager'], 'customer_service', 'liu.yang'),
  user('guo.peng', 'Guo Peng', ['site_engineer'], 'project_a', 'he.bin'),
  user('he.bin', 'He Bin', ['project_manager'], 'project_a', 'lin.tao'),
  user('lin.tao', 'Lin Tao', ['chief_engineer'], 'engineering', 'zhou.qiang'),
  user('qian.hui', 'Qian Hui', ['auditor'], 'internal_audit', 'zhou.qiang'),
];
