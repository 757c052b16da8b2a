import { start } from './start';
import { DISCOUNT_FLOW_IR, engineContext, flowVariant } from './testing';
import type { OpenTaskEffect, StepOk, StepResult } from './types';

const request = (discount: string) => ({ unit: 'A-0101', listPrice: '1850000.00', discount });

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

describe('start (discount approval)', () => {
  it('should approve at once when the discount is within the requester’s own authority', () => {
    const r = ok(start(DISCOUNT_FLOW_IR, request('0.5%'), engineContext()));
    expect(r.state).toBe('approved');
    expect(r.status).toBe('COMPLETED');
    expect(r.effects).toEqual([]);
    expect(r.trace.tables).toEqual([
      { table: 'route', hit: 'first', inputs: [true, '0.5%'], rows: [{ row: 1, line: 8 }], output: 'auto' },
    ]);
  });

  it('should open a manager review for role sales_manager, excluding the requester, when the discount is 2%', () => {
    const r = ok(start(DISCOUNT_FLOW_IR, request('2%'), engineContext()));
    expect(r.state).toBe('manager_review');
    expect(r.status).toBe('ACTIVE');
    expect(r.effects).toEqual<OpenTaskEffect[]>([
      {
        type: 'openTask',
        taskId: 'id-1',
        name: 'manager_review',
        state: 'manager_review',
        title: 'Discount review',
        decisions: ['approve', 'reject'],
        assignee: null,
        candidateRoles: ['sales_manager'],
        candidateTeam: null,
        excludedUsers: ['li.na'],
        dueAt: '2026-11-24T09:00:00.000Z',
      },
    ]);
    expect(r.context).toMatchObject({ openTask: { id: 'id-1', name: 'manager_review' }, requester: 'li.na' });
  });

  it('should route 4% to the director and 8% to the vice president', () => {
    const director = ok(start(DISCOUNT_FLOW_IR, request('4%'), engineContext()));
    expect(director.state).toBe('director_review');
    expect(director.effects[0]).toMatchObject({ type: 'openTask', candidateRoles: ['sales_director'] });
    const vp = ok(start(DISCOUNT_FLOW_IR, request('8%'), engineContext()));
    expect(vp.state).toBe('vp_review');
    expect(vp.effects[0]).toMatchObject({
      type: 'openTask',
      candidateRoles: ['vice_president', 'general_manager'],
    });
  });

  it('should name the table row and the guard values that routed the request in the trace', () => {
    const r = ok(start(DISCOUNT_FLOW_IR, request('4%'), engineContext()));
    expect(r.trace).toMatchObject({
      flow: { key: 'discount_approval', version: 1, hash: 'fixture:discount_approval:v1' },
      event: 'start',
      from: 'submitted',
      to: 'director_review',
    });
    expect(r.trace.tables).toEqual([
      {
        table: 'route',
        hit: 'first',
        inputs: [false, '4%'],
        rows: [{ row: 3, line: 10 }],
        output: 'director',
      },
    ]);
    expect(r.trace.guards.filter((g) => g.guard)).toEqual([
      {
        state: 'routing',
        event: null,
        target: 'approved',
        guard: 'var.reviewer == auto',
        result: false,
        values: { 'var.reviewer': 'director' },
      },
      {
        state: 'routing',
        event: null,
        target: 'manager_review',
        guard: 'var.reviewer == manager',
        result: false,
        values: { 'var.reviewer': 'director' },
      },
      {
        state: 'routing',
        event: null,
        target: 'director_review',
        guard: 'var.reviewer == director',
        result: true,
        values: { 'var.reviewer': 'director' },
      },
    ]);
    expect(r.trace.actions).toContainEqual({
      state: 'submitted',
      action: 'set var.reviewer',
      value: 'director',
      values: {
        'input.discount': '4%',
        requester: 'li.na',
        'authority(requester)': '1%',
        'authority(role(sales_manager))': '3%',
        'authority(role(sales_director))': '5%',
      },
    });
  });

  it('should compute the net price exactly when the request starts', () => {
    const r = ok(
      start(DISCOUNT_FLOW_IR, { unit: 'A-0101', listPrice: 1234567.89, discount: '3.33%' }, engineContext()),
    );
    expect(r.context).toMatchObject({ vars: { netPrice: '1193456.78' }, input: { listPrice: '1234567.89' } });
  });

  it('should refuse input that does not match the declared fields, with a detail per field', () => {
    const r = start(
      DISCOUNT_FLOW_IR,
      { unit: 'A-0101', listPrice: '1850000.001', discount: 2 },
      engineContext(),
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: expect.stringContaining('listPrice') as string,
        details: [
          { path: 'listPrice', message: '"1850000.001" has 3 decimal places; CNY allows at most 2' },
          { path: 'discount', message: 'write "2%" — a bare 2 could mean 2 % or 200 %' },
        ],
      },
    });
  });

  it('should refuse a starter without one of the start roles when the flow declares them', () => {
    const onlyConsultants = flowVariant(DISCOUNT_FLOW_IR, (ir) => (ir.startRoles = ['consultant']));
    expect(ok(start(onlyConsultants, request('2%'), engineContext({ actor: 'li.na' }))).state).toBe(
      'manager_review',
    );
    const r = start(onlyConsultants, request('2%'), engineContext({ actor: 'sun.li' }));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'sun.li may not start discount_approval: it needs one of the roles consultant',
      },
    });
  });

  it('should refuse a start without an actor', () => {
    expect(start(DISCOUNT_FLOW_IR, request('2%'), engineContext({ actor: null }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('should throw when the caller passes a time without a zone, which is a bug in the caller', () => {
    expect(() => start(DISCOUNT_FLOW_IR, request('2%'), engineContext({ now: '2026-11-23 09:00' }))).toThrow(
      /ISO-8601/,
    );
  });
});
