import { eventHash } from './event-hash';
import type { HashedEventFields } from './event-hash';

const fields: HashedEventFields = {
  instanceId: '00000000-0000-4000-8000-000000000002',
  seq: 2,
  type: 'approve',
  actor: 'chen.jie',
  at: '2026-11-23T08:00:00.000Z',
  flowVersion: 1,
  definitionHash: 'abc',
  fromState: 'manager_review',
  toState: 'approved',
  payload: { taskId: 't1', comment: 'ok' },
  trace: { guards: [], tables: [] },
};

describe('eventHash', () => {
  it('should be a sha-256 hex digest that is stable when computed twice', () => {
    const hash = eventHash('prev', fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash('prev', { ...fields })).toBe(hash);
  });

  it('should not depend on key order when jsonb hands keys back reordered', () => {
    const reordered = { ...fields, payload: { comment: 'ok', taskId: 't1' } };
    expect(eventHash('prev', reordered)).toBe(eventHash('prev', fields));
  });

  it.each(Object.keys(fields) as (keyof HashedEventFields)[])(
    'should change when the field %s changes',
    (key) => {
      const changed = { ...fields, [key]: typeof fields[key] === 'number' ? 99 : 'tampered' };
      expect(eventHash('prev', changed)).not.toBe(eventHash('prev', fields));
    },
  );

  it('should change when the previous hash changes, chaining each event to the one before', () => {
    expect(eventHash('other', fields)).not.toBe(eventHash('prev', fields));
    expect(eventHash(null, fields)).not.toBe(eventHash('prev', fields));
  });
});
