import { withoutNulls } from './to-store-filter';

describe('withoutNulls', () => {
  it('should drop null and undefined fields and keep false, 0 and empty strings', () => {
    expect(withoutNulls({ a: null, b: undefined, c: false, d: 0, e: '', f: 'x' })).toEqual({
      c: false,
      d: 0,
      e: '',
      f: 'x',
    });
  });

  it('should return an empty filter when the filter itself is null', () => {
    expect(withoutNulls(null)).toEqual({});
  });
});
