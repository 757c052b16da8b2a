import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import type { GqlContextType } from '@nestjs/graphql';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from '@signet/server-common';
import { ApiException, SIGNET_STORE } from '@signet/server-common';
import type { SignetStore } from '@signet/persistence';
import { JWT_SECRET } from './jwt-secret.token';
import { bearerToken, hmacKey, verifyToken } from './verify-token';

/**
 * Global guard: every GraphQL operation needs a valid bearer token naming a user of the org
 * directory. The user (roles, team, superior) is loaded from the store on each request, never taken
 * from the token, so a role change takes effect at once. HTTP routes (`/health`) are public.
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  private readonly key: KeyObject;

  constructor(
    @Inject(JWT_SECRET) secret: string,
    @Inject(SIGNET_STORE) private readonly store: SignetStore,
  ) {
    this.key = hmacKey(secret);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const { req } = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    // One request may run several root fields; authenticate it once.
    if (req.user) return true;
    const bearer = bearerToken(req.headers['authorization']);
    if (!bearer.ok) throw ApiException.unauthenticated(bearer.reason);
    const token = verifyToken(this.key, bearer.token);
    if (!token.ok) throw ApiException.unauthenticated(token.reason);
    const user = await this.store.getUser(token.username);
    if (!user) throw ApiException.unauthenticated(`user "${token.username}" is not in the org directory`);
    req.user = user;
    return true;
  }
}
