import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jwt from 'jsonwebtoken';
import { signToken } from '@signet/server-auth';
import { SCHEMA_FILE, schemaSdl } from '../src/schema-sdl';
import type { AuditVerificationView, Connection, InstanceView } from './support/operations';
import { DECIDE_TASK, INSTANCE, START_INSTANCE, VERIFY_AUDIT, discountInput } from './support/operations';
import { TEST_SECRET, codesOf, startTestApi, type TestApi } from './support/test-api';

const DISCOUNT_SOURCE = fs.readFileSync(
  path.resolve(__dirname, '../../../workflows/discount-approval.flow'),
  'utf8',
);
// The shipped flow with its final state misspelt in one transition: a located, coded error.
const BROKEN_SOURCE = DISCOUNT_SOURCE.replace(/on approve\s*->\s*approved/, 'on approve -> aproved');

const ME = `query { me { username displayName roles team superior { username } } }`;
const FLOWS = `query { flows { key version hash states diagram deployedBy { username } } }`;
const DEPLOY = `mutation Deploy($source: String!) { deployFlow(source: $source) { key version } }`;
const CHECK = `query Check($source: String!) {
  checkFlow(source: $source) { ok diagnostics { severity code message line column endLine endColumn hint } } }`;
interface DiagnosticView {
  severity: string;
  code: string;
  message: string;
  line: number;
  column: number;
}
interface FlowCheckView {
  ok: boolean;
  diagnostics: DiagnosticView[];
}
interface FlowView {
  key: string;
  version: number;
  states: string[];
  diagram: string;
  deployedBy: { username: string } | null;
}

const SEND_EVENT = `mutation Send($instanceId: ID!, $type: String!) {
  sendEvent(instanceId: $instanceId, type: $type) { id state } }`;
const INSTANCES = `query { instances(first: 50) { totalCount edges { node { id startedBy { username } } } } }`;

describe('API rules over GraphQL: identity, errors, visibility, schema', () => {
  let api: TestApi;
  let linasInstance: InstanceView;
  beforeAll(async () => {
    api = await startTestApi();
    const r = await api.gql<{ startInstance: InstanceView }>('li.na', START_INSTANCE, {
      flowKey: 'discount_approval',
      input: discountInput('2%'),
    });
    linasInstance = r.data!.startInstance;
  });
  afterAll(() => api?.close());

  describe('identity', () => {
    it('should answer me from the org directory when the token is valid', async () => {
      const r = await api.gql<{ me: unknown }>('li.na', ME);
      expect(r.data!.me).toEqual({
        username: 'li.na',
        displayName: expect.any(String),
        roles: ['consultant'],
        team: 'sunrise_sales',
        superior: { username: 'chen.jie' },
      });
    });

    it.each([
      ['there is no token', null],
      ['the token is garbage', { token: 'not-a-jwt' }],
      ['the token is signed with another secret', { token: signToken('another-secret', 'li.na', '1h') }],
      [
        'the token has expired',
        { token: jwt.sign({ sub: 'li.na', exp: Math.floor(Date.now() / 1000) - 60 }, TEST_SECRET) },
      ],
      ['the user is not in the org directory', 'no.such.user'],
    ])('should answer UNAUTHENTICATED when %s', async (_case, caller) => {
      const r = await api.gql<unknown>(caller, ME);
      expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
      expect(r.data).toBeNull();
    });
  });

  describe('flow definitions', () => {
    it('should list the shipped discount flow with its states and diagram when asked for flows', async () => {
      const r = await api.gql<{ flows: FlowView[] }>('li.na', FLOWS);
      const discount = r.data!.flows.find((f) => f.key === 'discount_approval')!;
      expect(discount.states).toEqual(expect.arrayContaining(['manager_review', 'approved', 'rejected']));
      expect(discount.diagram).toContain('stateDiagram-v2');
      expect(discount.deployedBy).toEqual({ username: 'zhou.qiang' });
    });

    it('should return located diagnostics when checkFlow is given a source with an error', async () => {
      const broken = await api.gql<{ checkFlow: FlowCheckView }>('li.na', CHECK, { source: BROKEN_SOURCE });
      expect(broken.data!.checkFlow.ok).toBe(false);
      const [first] = broken.data!.checkFlow.diagnostics;
      expect(first).toMatchObject({
        severity: 'error',
        line: expect.any(Number),
        column: expect.any(Number),
      });
      expect(first.line).toBeGreaterThan(1);

      const fine = await api.gql<{ checkFlow: FlowCheckView }>('li.na', CHECK, { source: DISCOUNT_SOURCE });
      expect(fine.data!.checkFlow.ok).toBe(true);
    });

    it('should answer FLOW_INVALID with diagnostics and deploy nothing when the source has an error', async () => {
      const before = await api.gql<{ flows: FlowView[] }>('zhao.min', FLOWS);
      const r = await api.gql<unknown>('zhao.min', DEPLOY, { source: BROKEN_SOURCE });
      expect(codesOf(r)).toEqual(['FLOW_INVALID']);
      const diagnostics = r.errors![0].extensions['diagnostics'] as DiagnosticView[];
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics[0]).toMatchObject({
        severity: 'error',
        line: expect.any(Number),
        column: expect.any(Number),
      });
      expect(await api.gql<{ flows: FlowView[] }>('zhao.min', FLOWS)).toEqual(before);
    });

    it('should deploy a new version and keep the old one when a flow admin deploys a changed source', async () => {
      const v2 = DISCOUNT_SOURCE.replace('flow discount_approval v1', 'flow discount_approval v2');
      const r = await api.gql<{ deployFlow: { key: string; version: number } }>('zhao.min', DEPLOY, {
        source: v2,
      });
      expect(r.data!.deployFlow).toEqual({ key: 'discount_approval', version: 2 });
      const latest = await api.gql<{ flows: FlowView[] }>('li.na', FLOWS);
      expect(latest.data!.flows.find((f) => f.key === 'discount_approval')).toMatchObject({
        version: 2,
        deployedBy: { username: 'zhao.min' },
      });
      const v1 = await api.gql<{ flow: { version: number } }>(
        'li.na',
        `query { flow(key: "discount_approval", version: 1) { version } }`,
      );
      expect(v1.data!.flow).toEqual({ version: 1 });
    });

    it('should answer FORBIDDEN when someone without flow_admin deploys', async () => {
      const r = await api.gql<unknown>('li.na', DEPLOY, { source: DISCOUNT_SOURCE });
      expect(codesOf(r)).toEqual(['FORBIDDEN']);
    });

    it('should answer NOT_FOUND when the flow does not exist', async () => {
      const r = await api.gql<unknown>('li.na', `query { flow(key: "no_such_flow") { key } }`);
      expect(codesOf(r)).toEqual(['NOT_FOUND']);
    });
  });

  describe('input and lookups', () => {
    it('should answer BAD_USER_INPUT naming the field when the discount is a bare number', async () => {
      const r = await api.gql<unknown>('li.na', START_INSTANCE, {
        flowKey: 'discount_approval',
        input: { unit: 'A-0102', listPrice: '1850000.00', discount: 2 },
      });
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
      const named = JSON.stringify(r.errors![0].extensions['fields'] ?? []) + r.errors![0].message;
      expect(named).toContain('discount');
    });

    it('should answer NOT_FOUND when the instance does not exist', async () => {
      const r = await api.gql<unknown>('qian.hui', INSTANCE, { id: '00000000-0000-4000-8000-000000000000' });
      expect(codesOf(r)).toEqual(['NOT_FOUND']);
      expect(r.data).toEqual({ instance: null });
    });

    it('should answer BAD_USER_INPUT when an event is one the flow never accepts', async () => {
      const r = await api.gql<unknown>('chen.jie', SEND_EVENT, {
        instanceId: linasInstance.id,
        type: 'no_such_event',
      });
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    });

    it("should keep GraphQL's own code when the query is invalid", async () => {
      const r = await api.gql<unknown>('li.na', `query { me { nope } }`);
      expect(codesOf(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });
  });

  describe('visibility', () => {
    it('should let the auditor read any instance and its log when she is not involved', async () => {
      const r = await api.gql<{ instance: InstanceView }>('qian.hui', INSTANCE, { id: linasInstance.id });
      expect(r.data!.instance).toMatchObject({ id: linasInstance.id, state: 'manager_review' });
      const list = await api.gql<{ instances: Connection<InstanceView> }>('qian.hui', INSTANCES);
      expect(list.data!.instances.edges.map((e) => e.node.id)).toContain(linasInstance.id);
      const verified = await api.gql<{ verifyAudit: AuditVerificationView }>('qian.hui', VERIFY_AUDIT, {});
      expect(verified.data!.verifyAudit.ok).toBe(true);
    });

    it('should answer FORBIDDEN when the auditor tries to decide', async () => {
      const r = await api.gql<unknown>('qian.hui', DECIDE_TASK, {
        taskId: linasInstance.tasks[0].id,
        decision: 'approve',
      });
      expect(codesOf(r)).toEqual(['FORBIDDEN']);
    });

    it("should hide another consultant's instance when wang.fang asks for it", async () => {
      const r = await api.gql<unknown>('wang.fang', INSTANCE, { id: linasInstance.id });
      expect(codesOf(r)).toEqual(['NOT_FOUND']);
      const list = await api.gql<{ instances: Connection<InstanceView> }>('wang.fang', INSTANCES);
      expect(list.data!.instances.edges.map((e) => e.node.id)).not.toContain(linasInstance.id);
    });

    it('should answer FORBIDDEN when a consultant verifies the whole log', async () => {
      const r = await api.gql<unknown>('wang.fang', VERIFY_AUDIT, {});
      expect(codesOf(r)).toEqual(['FORBIDDEN']);
    });
  });

  describe('transport', () => {
    it('should answer GET /health with the database up when it is reachable', async () => {
      const response = await fetch(`${api.baseUrl}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
    });

    it('should serve exactly the committed schema.gql when the app boots (run `npm run schema` if not)', () => {
      expect(schemaSdl(api.app)).toBe(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    });
  });
});
