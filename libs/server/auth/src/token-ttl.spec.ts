import { parseTtl } from './token-ttl';

describe('parseTtl', () => {
  it.each([
    ['30s', 30],
    ['15m', 900],
    ['8h', 28800],
    ['7d', 604800],
  ])('should read %s as %i seconds when well formed', (ttl, seconds) => {
    expect(parseTtl(ttl)).toBe(seconds);
  });

  it.each(['', '8', 'h', '8 hours', '-1h', '0h', '1.5h'])(
    'should refuse "%s" when malformed or zero',
    (ttl) => {
      expect(parseTtl(ttl)).toBeUndefined();
    },
  );
});
