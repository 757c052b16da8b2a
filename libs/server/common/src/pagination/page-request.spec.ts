import { ApiException } from '../errors/api.exception';
import { MAX_PAGE_SIZE, pageRequest } from './page-request';

describe('pageRequest', () => {
  it('should pass first and after through when they are given', () => {
    expect(pageRequest(10, 'cursor-1')).toEqual({ first: 10, after: 'cursor-1' });
  });

  it('should leave both out when GraphQL passes null', () => {
    expect(pageRequest(null, null)).toEqual({});
  });

  it.each([-1, MAX_PAGE_SIZE + 1])('should throw BAD_USER_INPUT naming "first" when it is %i', (first) => {
    expect(() => pageRequest(first, null)).toThrow(ApiException);
    expect(() => pageRequest(first, null)).toThrow(`"first" must be between 0 and ${MAX_PAGE_SIZE}`);
  });
});
