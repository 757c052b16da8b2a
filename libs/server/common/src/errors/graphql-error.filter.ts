import type { ArgumentsHost } from '@nestjs/common';
import { Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ApiException } from './api.exception';
import { toGraphQLError } from './to-graphql-error';
import { toApiException } from './translate-error';

/**
 * Global filter: in GraphQL resolvers, every thrown error becomes a coded `GraphQLError` (unknown
 * ones are logged here and answered as INTERNAL_SERVER_ERROR without their message). Coded errors
 * are expected outcomes, so they are not logged. HTTP routes keep Nest's default handling.
 */
@Catch()
export class GraphqlErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') {
      super.catch(exception, host);
      return undefined;
    }
    if (exception instanceof GraphQLError) return exception;
    const known = toApiException(exception);
    if (known) return toGraphQLError(known);
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : exception);
    return toGraphQLError(ApiException.internal());
  }
}
