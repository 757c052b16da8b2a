import type { ProcessError, ProcessErrorCode } from '@signet/persistence';
import { ApiErrorCode } from './api-error-code';
import { ApiException } from './api.exception';
import { assertUnreachable } from './assert-unreachable';

/** The store's coded failure becomes the API's, keeping its message and details (diagnostics, fields, holder). */
export function fromProcessError(error: ProcessError): ApiException {
  return new ApiException(apiCodeOf(error.code), error.message, error.details ?? {});
}

function apiCodeOf(code: ProcessErrorCode): ApiErrorCode {
  switch (code) {
    case 'NOT_FOUND':
      return ApiErrorCode.NOT_FOUND;
    case 'BAD_USER_INPUT':
      return ApiErrorCode.BAD_USER_INPUT;
    case 'FLOW_INVALID':
      return ApiErrorCode.FLOW_INVALID;
    case 'EVENT_NOT_ACCEPTED':
      return ApiErrorCode.EVENT_NOT_ACCEPTED;
    case 'FORBIDDEN':
      return ApiErrorCode.FORBIDDEN;
    case 'SEPARATION_OF_DUTIES':
      return ApiErrorCode.SEPARATION_OF_DUTIES;
    case 'CONFLICT':
      return ApiErrorCode.CONFLICT;
    case 'BUSINESS_KEY_TAKEN':
      return ApiErrorCode.BUSINESS_KEY_TAKEN;
    default:
      return assertUnreachable(code);
  }
}
