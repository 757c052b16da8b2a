import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GqlAuthGuard } from './gql-auth.guard';
import { JWT_SECRET } from './jwt-secret.token';
import { UserResolver } from './user.resolver';

/** JWT bearer authentication for every GraphQL operation (a global guard), plus `me`. */
@Module({})
export class AuthModule {
  /** `secret`: the HS256 secret, normally from `resolveJwtSecret`. */
  static forRoot(options: { secret: string }): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: JWT_SECRET, useValue: options.secret },
        { provide: APP_GUARD, useClass: GqlAuthGuard },
        UserResolver,
      ],
    };
  }
}
