import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditVerificationView, InstanceView } from './support/operations';
import { DECIDE_TASK, INSTANCE, START_INSTANCE, VERIFY_AUDIT, discountInput } from './support/operations';
import { INSTANCE_FIELDS } from './support/operations';
import { codesOf, startTestApi, type TestApi } from './support/test-api';

const V1 = fs.readFileSync(path.resolve(__dirname, '../../../workflows/discount-approval.flow'), 'utf8');
// v2 renames the director's review and says where v1 instances waiting there continue.
const V2 = V1.replace('flow discount_approval v1', 'flow discount_approval v2')
  .replaceAll('director_review', 'director_sign_off')
  .replace(
    '  const REVIEW_SLA = 24h',
    '  const REVIEW_SLA = 24h\n\n  migrate from v1 {\n    director_review -> director_sign_off\n  }',
  );

const DEPLOY = `mutation Deploy($source: String!) { deployFlow(source: $source) { key version } }`;
const MIGRATE = `mutation Migrate($id: ID!, $toVersion: Int!, $expectedVersion: Int) {
  migrateInstance(id: $id, toVersion: $toVersion, expectedVersion: $expectedVersion) { ${INSTANCE_FIELDS} } }`;

describe('migrateInstance over GraphQL', () => {
  let api: TestApi;
  let waiting: InstanceView;

  beforeAll(async () => {
    api = await startTestApi();
    // 4 % is above a sales manager's authority: the v1 instance waits for the sales director.
    const started = await api.gql<{ startInstance: InstanceView }>('li.na', START_INSTANCE, {
      flowKey: 'discount_approval',
      input: discountInput('4%'),
    });
    waiting = started.data!.startInstance;
    const deployed = await api.gql<{ deployFlow: { version: number } }>('zhao.min', DEPLOY, { source: V2 });
    expect(deployed.errors).toBeUndefined();
    expect(deployed.data!.deployFlow.version).toBe(2);
  });
  afterAll(() => api?.close());

  it('should refuse callers without flow_admin, unknown instances, stale versions and refused migrations', async () => {
    const vars = { id: waiting.id, toVersion: 2 };
    const forbidden = await api.gql('li.na', MIGRATE, vars);
    expect(codesOf(forbidden)).toEqual(['FORBIDDEN']);
    expect(forbidden.errors![0].message).toContain('flow_admin');
    const missing = await api.gql('zhao.min', MIGRATE, {
      ...vars,
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(codesOf(missing)).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.gql('zhao.min', MIGRATE, { ...vars, expectedVersion: 9 }))).toEqual([
      'CONFLICT',
    ]);
    const backwards = await api.gql('zhao.min', MIGRATE, { ...vars, toVersion: 1 });
    expect(codesOf(backwards)).toEqual(['BAD_USER_INPUT']);
    expect(backwards.errors![0].message).toContain('v1 is not a newer version');
    expect(codesOf(await api.gql('zhao.min', MIGRATE, { ...vars, toVersion: 3 }))).toEqual(['NOT_FOUND']);
  });

  it('should move the waiting instance to v2, where the director decides it, with the chain intact', async () => {
    const moved = await api.gql<{ migrateInstance: InstanceView }>('zhao.min', MIGRATE, {
      id: waiting.id,
      toVersion: 2,
      expectedVersion: waiting.version,
    });
    expect(moved.errors).toBeUndefined();
    const instance = moved.data!.migrateInstance;
    expect(instance).toMatchObject({
      state: 'director_sign_off',
      status: 'ACTIVE',
      flowVersion: 2,
      flow: { key: 'discount_approval', version: 2 },
      version: waiting.version + 1,
    });
    expect(instance.tasks.map((t) => [t.name, t.status])).toEqual([
      ['director_review', 'CANCELLED'],
      ['director_sign_off', 'OPEN'],
    ]);

    const open = instance.tasks[1];
    const decided = await api.gql<{ decideTask: InstanceView }>('liu.yang', DECIDE_TASK, {
      taskId: open.id,
      decision: 'approve',
    });
    expect(decided.data?.decideTask).toMatchObject({
      state: 'approved',
      status: 'COMPLETED',
      flowVersion: 2,
    });

    const read = await api.gql<{ instance: InstanceView }>('qian.hui', INSTANCE, { id: waiting.id });
    expect(read.data!.instance.history!.map((e) => [e.type, e.flowVersion, e.actor?.username])).toEqual([
      ['start', 1, 'li.na'],
      ['instance.migrated', 2, 'zhao.min'],
      ['approve', 2, 'liu.yang'],
    ]);
    const verified = await api.gql<{ verifyAudit: AuditVerificationView }>('qian.hui', VERIFY_AUDIT, {
      instanceId: waiting.id,
    });
    expect(verified.data!.verifyAudit).toEqual({ ok: true, checkedEvents: 3, firstBrokenEventId: null });

    const again = await api.gql('zhao.min', MIGRATE, { id: waiting.id, toVersion: 2 });
    expect(codesOf(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0].message).toContain('COMPLETED');
  });
});
