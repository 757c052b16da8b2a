import { compile, type FlowIR } from '@signet/dsl';
import { start } from '../start';
import { step } from '../step';
import { engineContext } from '../testing';
import type { PersistedSnapshot, StepOk, StepResult } from '../types';
import { needed } from './tally-vote';

function ok(r: StepResult): StepOk {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

function flowWith(policy: string): FlowIR {
  const r = compile(`flow board_t v1 "Board" {
  input { title: string }
  initial state board {
    task "Board sign-off" assignee users("huang.lei", "zhou.qiang", "lin.tao") approval ${policy}
      separateFrom requester sla 24h
    on approve -> approved
    on reject -> rejected
  }
  state approved {
    task assignee role(finance) separateFrom deciders sla 24h
    on book -> booked
  }
  final state booked
  final state rejected
}`);
  if (!r.ir) throw new Error(JSON.stringify(r.diagnostics));
  return r.ir;
}

function votes(ir: FlowIR, ballots: [string, string][]): StepResult[] {
  let snapshot: PersistedSnapshot = ok(
    start(ir, { title: 'x' }, engineContext({ actor: 'liu.yang' })),
  ).snapshot;
  return ballots.map(([type, actor]) => {
    const r = step(ir, snapshot, { type }, engineContext({ actor }));
    if (r.ok) snapshot = r.snapshot;
    return r;
  });
}

describe('parallel approval (approval all | any | N of M | P%)', () => {
  it('should name every voter on the open task', () => {
    const first = ok(start(flowWith('all'), { title: 'x' }, engineContext({ actor: 'liu.yang' })));
    expect(first.effects[0]).toMatchObject({
      type: 'openTask',
      assignee: null,
      candidateUsers: ['huang.lei', 'zhou.qiang', 'lin.tao'],
    });
  });

  it('should stay with the task open until everyone approved under `all`', () => {
    const [a, b, c] = votes(flowWith('all'), [
      ['approve', 'huang.lei'],
      ['approve', 'zhou.qiang'],
      ['approve', 'lin.tao'],
    ]);
    expect([a, b, c].map((r) => ok(r).state)).toEqual(['board', 'board', 'approved']);
    expect(ok(a).effects).toEqual([]);
    expect(ok(a).trace.checks.at(-1)?.detail).toBe(
      'vote approve by huang.lei: 1 of 3 approved, 3 needed (all): still open',
    );
    expect(ok(c).effects[0]).toMatchObject({ type: 'closeTask', status: 'DONE', decidedBy: 'lin.tao' });
  });

  it('should fail at once on a reject under `all`', () => {
    const [a, b] = votes(flowWith('all'), [
      ['approve', 'huang.lei'],
      ['reject', 'zhou.qiang'],
    ]);
    expect([ok(a).state, ok(b).state]).toEqual(['board', 'rejected']);
  });

  it('should leave on the first approval under `any` and only when all rejected otherwise', () => {
    expect(votes(flowWith('any'), [['approve', 'lin.tao']]).map((r) => ok(r).state)).toEqual(['approved']);
    const rejects = votes(flowWith('any'), [
      ['reject', 'lin.tao'],
      ['reject', 'huang.lei'],
      ['reject', 'zhou.qiang'],
    ]);
    expect(rejects.map((r) => ok(r).state)).toEqual(['board', 'board', 'rejected']);
  });

  it('should decide `2 of 3` on the second approval, or once two rejected', () => {
    expect(
      votes(flowWith('2 of 3'), [
        ['reject', 'lin.tao'],
        ['approve', 'huang.lei'],
        ['approve', 'zhou.qiang'],
      ]).map((r) => ok(r).state),
    ).toEqual(['board', 'board', 'approved']);
    expect(
      votes(flowWith('2 of 3'), [
        ['reject', 'lin.tao'],
        ['reject', 'huang.lei'],
      ]).map((r) => ok(r).state),
    ).toEqual(['board', 'rejected']);
  });

  it('should refuse a second vote by the same user and a vote by a non-voter', () => {
    const [, again, stranger] = votes(flowWith('all'), [
      ['approve', 'lin.tao'],
      ['approve', 'lin.tao'],
      ['approve', 'he.bin'],
    ]);
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('already voted') },
    });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('should keep every vote in the decision so that `separateFrom deciders` excludes all voters', () => {
    const [, , last] = votes(flowWith('all'), [
      ['approve', 'huang.lei'],
      ['approve', 'zhou.qiang'],
      ['approve', 'lin.tao'],
    ]);
    expect(ok(last).context).toMatchObject({
      decisions: {
        board: {
          by: 'lin.tao',
          votes: { 'huang.lei': 'approve', 'zhou.qiang': 'approve', 'lin.tao': 'approve' },
        },
      },
    });
    expect(ok(last).effects[1]).toMatchObject({
      type: 'openTask',
      excludedUsers: ['lin.tao', 'huang.lei', 'zhou.qiang'],
    });
  });

  it('should round a percentage of the voters up', () => {
    expect(needed({ policy: 'percent', percent: '60%' }, 5)).toBe(3);
    expect(needed({ policy: 'percent', percent: '60%' }, 3)).toBe(2);
    expect(needed({ policy: 'percent', percent: '100%' }, 3)).toBe(3);
    expect(
      votes(flowWith('60%'), [
        ['approve', 'lin.tao'],
        ['approve', 'huang.lei'],
      ]).map((r) => ok(r).state),
    ).toEqual(['board', 'approved']);
  });
});
