import { addDuration, subtractDuration } from './business-calendar';
import { Duration, formatDuration, parseDuration } from './duration';
import { formatTimestamp, parseTimestamp } from './timestamp';

const at = (iso: string): number => parseTimestamp(iso)!;

describe('durations', () => {
  it('should parse every unit and print the canonical form', () => {
    expect(
      ['30s', '30m', '24h', '3d', '2 workdays', '1 workday'].map((t) => formatDuration(parseDuration(t)!)),
    ).toEqual(['30s', '30m', '24h', '3d', '2 workdays', '1 workdays']);
  });

  it('should refuse unknown units and fractions', () => {
    for (const bad of ['2 weeks', '1.5h', 'h', '24', '-1h', '2workdays'])
      expect(parseDuration(bad)).toBeUndefined();
  });
});

describe('timestamps', () => {
  it('should require an explicit zone and normalize to UTC', () => {
    expect(formatTimestamp(at('2026-11-23T17:30:00+08:00'))).toBe('2026-11-23T09:30:00.000Z');
    expect(parseTimestamp('2026-11-23T09:30:00')).toBeUndefined();
    expect(parseTimestamp('2026-13-40T09:30:00Z')).toBeUndefined();
  });
});

describe('business calendar', () => {
  it('should add fixed durations as milliseconds', () => {
    expect(formatTimestamp(addDuration(at('2026-11-23T09:00:00Z'), new Duration(24, 'h')))).toBe(
      '2026-11-24T09:00:00.000Z',
    );
  });

  it('should skip Saturday and Sunday when adding working days from a Friday', () => {
    // 2026-11-27 is a Friday.
    expect(formatTimestamp(addDuration(at('2026-11-27T10:00:00Z'), new Duration(1, 'workdays')))).toBe(
      '2026-11-30T10:00:00.000Z',
    );
    expect(formatTimestamp(addDuration(at('2026-11-27T10:00:00Z'), new Duration(2, 'workdays')))).toBe(
      '2026-12-01T10:00:00.000Z',
    );
  });

  it('should land on Monday when adding one working day on a Saturday', () => {
    expect(formatTimestamp(addDuration(at('2026-11-28T10:00:00Z'), new Duration(1, 'workdays')))).toBe(
      '2026-11-30T10:00:00.000Z',
    );
  });

  it('should walk backwards over the weekend when subtracting working days from a Monday', () => {
    expect(formatTimestamp(subtractDuration(at('2026-11-30T10:00:00Z'), new Duration(1, 'workdays')))).toBe(
      '2026-11-27T10:00:00.000Z',
    );
  });
});
