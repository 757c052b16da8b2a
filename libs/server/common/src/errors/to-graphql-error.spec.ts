import { ProcessError } from '@signet/persistence';
import { ApiErrorCode } from './api-error-code';
import { ApiException } from './api.exception';
import { toGraphQLError } from './to-graphql-error';
import { toApiException } from './translate-error';

const diagnostic = {
  severity: 'error' as const,
  code: 'flow/unknown-state',
  message: 'Unknown state "aproved"',
  line: 4,
  column: 10,
  endLine: 4,
  endColumn: 17,
};

describe('toGraphQLError', () => {
  it.each(Object.values(ApiErrorCode))('should put %s in extensions.code when thrown with it', (code) => {
    expect(toGraphQLError(new ApiException(code, 'm')).extensions['code']).toBe(code);
  });

  it('should carry the diagnostics when the code is FLOW_INVALID', () => {
    const error = toGraphQLError(ApiException.flowInvalid([diagnostic]));
    expect(error.extensions).toEqual({ code: 'FLOW_INVALID', diagnostics: [diagnostic] });
    expect(error.message).toContain('4:10');
  });

  it('should name the fields when the code is BAD_USER_INPUT', () => {
    const fields = [{ path: 'discount', message: 'a percent is written "2%"' }];
    expect(toGraphQLError(ApiException.badUserInput('bad input', fields)).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields,
    });
  });
});

describe('toApiException', () => {
  it('should keep code, message and details when given a ProcessError', () => {
    const translated = toApiException(ProcessError.flowInvalid([diagnostic]));
    expect(translated).toMatchObject({
      code: ApiErrorCode.FLOW_INVALID,
      details: { diagnostics: [diagnostic] },
    });
  });

  it('should map BUSINESS_KEY_TAKEN with its holder when given a ProcessError', () => {
    const translated = toApiException(ProcessError.businessKeyTaken('unit_confirmation', 'A-0101', 'inst-1'));
    expect(toGraphQLError(translated!).extensions).toEqual({ code: 'BUSINESS_KEY_TAKEN', holder: 'inst-1' });
  });

  it('should return undefined when given an unknown error', () => {
    expect(toApiException(new TypeError('x is undefined'))).toBeUndefined();
  });
});
