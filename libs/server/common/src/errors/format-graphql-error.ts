import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ApiException } from './api.exception';
import { toGraphQLError } from './to-graphql-error';
import { toApiException } from './translate-error';

const logger = new Logger('GraphQL');

/**
 * Apollo's `formatError`: the last word on every error in a response. Errors already coded (ours,
 * mapped by `GraphqlErrorFilter`, and GraphQL's own validation/coercion errors) keep their code;
 * errors that bypassed the filter (field resolvers) are translated the same way; nothing carries a
 * stack trace or an internal message out.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  let known = toApiException(original);
  if (!known) {
    logger.error(original instanceof Error ? (original.stack ?? original.message) : original);
    known = ApiException.internal();
  }
  const mapped = toGraphQLError(known);
  return {
    message: mapped.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: mapped.extensions,
  };
}
