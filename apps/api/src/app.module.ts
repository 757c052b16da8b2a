import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { SignetStore } from '@signet/persistence';
import { AuditModule } from '@signet/server-audit';
import { AuthModule } from '@signet/server-auth';
import { GraphqlErrorFilter, SignetStoreModule, formatGraphQLError } from '@signet/server-common';
import { DefinitionsModule } from '@signet/server-definitions';
import { InstancesModule } from '@signet/server-instances';
import { TasksModule } from '@signet/server-tasks';
import { DATABASE_PROBE, type DatabaseProbe } from './health/database-probe';
import { HealthController } from './health/health.controller';

/** What the API needs from its host: the store, the JWT secret, and a way to ask the database if it is up. */
export interface AppOptions {
  store: SignetStore;
  jwtSecret: string;
  probeDatabase: DatabaseProbe;
}

/**
 * The whole API: code-first GraphQL (Apollo) over the feature modules, JWT auth on every operation,
 * coded errors, and `GET /health`. The host opens and closes the database; this module only uses it.
 */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SignetStoreModule.forStore(options.store),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          buildSchemaOptions: { dateScalarMode: 'isoDate' },
          playground: false,
          graphiql: true,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          // Errors of field resolvers go through the same filter as those of root fields.
          fieldResolverEnhancers: ['filters'],
          formatError: formatGraphQLError,
        }),
        AuthModule.forRoot({ secret: options.jwtSecret }),
        DefinitionsModule,
        InstancesModule,
        TasksModule,
        AuditModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: DATABASE_PROBE, useValue: options.probeDatabase },
        { provide: APP_FILTER, useClass: GraphqlErrorFilter },
      ],
    };
  }
}
