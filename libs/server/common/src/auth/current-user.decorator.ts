import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { DirectoryUser } from '@signet/engine';
import { ApiException } from '../errors/api.exception';
import type { GraphqlContext } from './authenticated-request';

/**
 * The authenticated caller of a resolver, as the global auth guard loaded them from the org
 * directory. Fails with UNAUTHENTICATED if the guard did not run (a bug in wiring, never silent).
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): DirectoryUser => {
    const { req } = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    if (!req.user) throw ApiException.unauthenticated('no authenticated user on this request');
    return req.user;
  },
);
