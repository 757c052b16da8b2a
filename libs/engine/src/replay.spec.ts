import { replay } from './replay';
import { DISCOUNT_FLOW_IR, engineContext, sequentialIds } from './testing';

describe('replay', () => {
  it('should walk a request through refused and accepted decisions, keeping the state after refusals', () => {
    const newId = sequentialIds();
    const at = (actor: string | null, now: string) => engineContext({ actor, now, newId });
    const { states, results } = replay(
      DISCOUNT_FLOW_IR,
      { unit: 'A-0101', listPrice: '1850000.00', discount: '4%' },
      [{ type: 'approve' }, { type: 'approve' }, { type: 'reject', comment: 'too deep' }],
      [
        at('li.na', '2026-11-23T09:00:00Z'),
        at('li.na', '2026-11-23T10:00:00Z'),
        at('chen.jie', '2026-11-23T11:00:00Z'),
        at('liu.yang', '2026-11-23T12:00:00Z'),
      ],
    );
    expect(states).toEqual(['director_review', 'director_review', 'director_review', 'rejected']);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'SEPARATION_OF_DUTIES',
      'FORBIDDEN',
      'ok',
    ]);
  });

  it('should stop after a refused start', () => {
    const r = replay(
      DISCOUNT_FLOW_IR,
      { unit: 'A-0101' },
      [{ type: 'approve' }],
      [engineContext(), engineContext()],
    );
    expect(r.states).toEqual(['']);
    expect(r.results[0]).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
