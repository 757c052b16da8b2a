import type { Diagnostic } from '@signet/dsl';
import { ApiErrorCode } from './api-error-code';

/** Structured facts that travel with an error into `extensions` (see `toGraphQLError`). */
export interface ApiErrorDetails {
  /** FLOW_INVALID: the source's diagnostics. */
  diagnostics?: Diagnostic[];
  /** BAD_USER_INPUT: which input fields are wrong and why. */
  fields?: { path: string; message: string }[];
  /** BUSINESS_KEY_TAKEN: the instance holding the key. */
  holder?: string;
}

/**
 * The one error type of the GraphQL API. Resolvers and guards throw it (or let the store's
 * `ProcessError` through); `toGraphQLError` maps its code to `extensions.code`. Build it with the
 * named factories so messages say what was wrong and how to fix it.
 */
export class ApiException extends Error {
  override readonly name = 'ApiException';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
  }

  static unauthenticated(reason: string): ApiException {
    return new ApiException(
      ApiErrorCode.UNAUTHENTICATED,
      `Not authenticated: ${reason}. Send "Authorization: Bearer <token>"; ` +
        'get a token with `signet token <username>`.',
    );
  }

  static forbidden(message: string): ApiException {
    return new ApiException(ApiErrorCode.FORBIDDEN, message);
  }

  static notFound(kind: string, id: string): ApiException {
    return new ApiException(ApiErrorCode.NOT_FOUND, `No ${kind} "${id}" exists that you may see.`);
  }

  static badUserInput(message: string, fields?: { path: string; message: string }[]): ApiException {
    return new ApiException(ApiErrorCode.BAD_USER_INPUT, message, fields ? { fields } : {});
  }

  static flowInvalid(diagnostics: Diagnostic[]): ApiException {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    const where = first ? `; first at ${first.line}:${first.column}: ${first.message}` : '';
    return new ApiException(
      ApiErrorCode.FLOW_INVALID,
      `The flow source has ${errors.length} error(s)${where}. Nothing was deployed; run checkFlow for all of them.`,
      { diagnostics },
    );
  }

  static internal(): ApiException {
    return new ApiException(
      ApiErrorCode.INTERNAL_SERVER_ERROR,
      'Internal server error; the server log has the details.',
    );
  }
}
