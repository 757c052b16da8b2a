import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ApiException } from './api.exception';
import { formatGraphQLError } from './format-graphql-error';

/** What graphql-js produces for an error thrown in a resolver at `path`. */
function resolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['instance'], originalError: original });
}

describe('formatGraphQLError', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('should answer INTERNAL_SERVER_ERROR without the message when the error is unknown', () => {
    const error = resolverError(new Error('connect ECONNREFUSED 10.0.0.5:5432'));
    const formatted = formatGraphQLError({ message: error.message, path: ['instance'] }, error);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toContain('ECONNREFUSED');
    expect(formatted.path).toEqual(['instance']);
  });

  it('should map an ApiException when a field resolver threw it past the filter', () => {
    const error = resolverError(ApiException.notFound('instance', 'i-1'));
    const formatted = formatGraphQLError({ message: error.message }, error);
    expect(formatted.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it("should keep Apollo's code and drop the stack trace when the error is GraphQL's own", () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = formatGraphQLError(
      { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at …'] } },
      error,
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
