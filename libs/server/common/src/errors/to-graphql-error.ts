import { GraphQLError } from 'graphql';
import { ApiErrorCode } from './api-error-code';
import type { ApiException } from './api.exception';
import { assertUnreachable } from './assert-unreachable';

/**
 * The single place an `ApiException` becomes what clients see: `extensions.code` plus the facts that
 * code promises (`diagnostics` for FLOW_INVALID, `fields` for BAD_USER_INPUT, `holder` for
 * BUSINESS_KEY_TAKEN). The switch is exhaustive, so a new code cannot ship unmapped.
 */
export function toGraphQLError(error: ApiException): GraphQLError {
  return new GraphQLError(error.message, { extensions: extensionsOf(error) });
}

function extensionsOf({ code, details }: ApiException): Record<string, unknown> {
  switch (code) {
    case ApiErrorCode.FLOW_INVALID:
      return { code, diagnostics: details.diagnostics ?? [] };
    case ApiErrorCode.BAD_USER_INPUT:
      return details.fields ? { code, fields: details.fields } : { code };
    case ApiErrorCode.BUSINESS_KEY_TAKEN:
      return details.holder ? { code, holder: details.holder } : { code };
    case ApiErrorCode.UNAUTHENTICATED:
    case ApiErrorCode.FORBIDDEN:
    case ApiErrorCode.SEPARATION_OF_DUTIES:
    case ApiErrorCode.NOT_FOUND:
    case ApiErrorCode.EVENT_NOT_ACCEPTED:
    case ApiErrorCode.CONFLICT:
    case ApiErrorCode.INTERNAL_SERVER_ERROR:
      return { code };
    default:
      return assertUnreachable(code);
  }
}
