import type { DirectoryUser } from '../types';
import type { OrganisationData } from './in-memory-directory';

function user(
  username: string,
  displayName: string,
  roles: string[],
  team: string,
  superior: string | null,
): DirectoryUser {
  return { username, displayName, roles, team, superior, discountAuthority: null };
}

/**
 * The demo organisation of PROCESSES.md ("The demo organisation"), as directory data: who holds
 * which roles, in which team, under whom, and the roles' discount authorities (consultant 1 %,
 * sales manager 3 %, sales director 5 %, vice president and general manager unlimited).
 */
export const DEMO_ORGANISATION: OrganisationData = {
  users: [
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
  ],
  roleAuthorities: {
    consultant: '1%',
    sales_manager: '3%',
    sales_director: '5%',
    vice_president: null,
    general_manager: null,
  },
};
