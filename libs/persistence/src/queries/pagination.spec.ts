import { ProcessError } from '../errors/process-error';
import { decodeCursor, encodeCursor, isDigits, isIsoTime, pageSize, toPage } from './pagination';

describe('pagination', () => {
  it('should read back the position when a cursor of the same list is decoded', () => {
    const cursor = encodeCursor('audit', ['42']);
    expect(decodeCursor(cursor, 'audit', [isDigits])).toEqual(['42']);
    expect(decodeCursor(undefined, 'audit', [isDigits])).toBeNull();
  });

  it.each([
    ['a cursor of another list', encodeCursor('tasks', ['42'])],
    ['a position that fails its check', encodeCursor('audit', ['1; drop table task'])],
    ['text that is not a cursor', 'not-a-cursor'],
  ])('should refuse %s with BAD_USER_INPUT', (_what, cursor) => {
    expect(() => decodeCursor(cursor, 'audit', [isDigits])).toThrow(ProcessError);
    try {
      decodeCursor(cursor, 'audit', [isDigits]);
    } catch (error) {
      expect((error as ProcessError).code).toBe('BAD_USER_INPUT');
    }
  });

  it('should clamp the page size and refuse a negative one when asked', () => {
    expect(pageSize({})).toBe(50);
    expect(pageSize({ first: 10_000 })).toBe(500);
    expect(() => pageSize({ first: -1 })).toThrow(/first must be a whole number/);
  });

  it('should report a next page only when the extra row came back', () => {
    const page = toPage([1, 2, 3], 2, 7, (n) => `c${n}`);
    expect(page).toEqual({
      items: [
        { cursor: 'c1', node: 1 },
        { cursor: 'c2', node: 2 },
      ],
      totalCount: 7,
      hasNextPage: true,
      endCursor: 'c2',
    });
    expect(toPage([1], 2, 1, String).hasNextPage).toBe(false);
    expect(toPage([], 2, 0, String).endCursor).toBeNull();
  });

  it('should accept only UTC ISO times as time positions', () => {
    expect(isIsoTime('2026-11-23T08:00:00.000Z')).toBe(true);
    expect(isIsoTime('2026-11-23 08:00')).toBe(false);
  });
});
