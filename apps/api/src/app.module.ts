import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { DurabilityMetrics, type AuditQueries, type SignetStore } from '@signet/persistence';
import { AuditModule } from '@signet/server-audit';
import { AuthModule } from '@signet/server-auth';
import { GraphqlErrorFilter, SignetStoreModule, formatGraphQLError } from '@signet/server-common';
import { DefinitionsModule } from '@signet/server-definitions';
import { InstancesModule } from '@signet/server-instances';
import { TasksModule } from '@signet/server-tasks';
import { DATABASE_PROBE, type DatabaseProbe } from './health/database-probe';
import { HealthController } from './health/health.controller';
import { DURABILITY_METRICS, MetricsController } from './metrics/metrics.controller';
import { noStorePlugin } from './no-store.plugin';

/** What the API needs from its host: the store, the JWT secret, and a way to ask the database if it is up. */
export interface AppOptions {
  store: SignetStore;
  /** The auditor's queries over the same database (`createAuditQueries(db)`). */
  audit: AuditQueries;
  jwtSecret: string;
  probeDatabase: DatabaseProbe;
  /** The counters `GET /metrics` shows: the process's timer worker and outbox relay (default: all zero). */
  metrics?: DurabilityMetrics;
}

/**
 * The whole API: code-first GraphQL (Apollo) over the feature modules, JWT auth on every operation,
 * coded errors, `GET /health` and `GET /metrics`. The host opens and closes the database; this module only uses it.
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
          // Apollo's cache-control plugin is on unless disabled: it hooks every field resolver of every
          // request (Apollo then wraps the whole schema's resolvers to call it), only to answer
          // `no-store` (we declare no cache hints); `noStorePlugin` sets that header once per answer.
          // Inline tracing is for federated subgraphs, which we are not. (docs/adr/0020-api-request-path.md)
          plugins: [
            ApolloServerPluginCacheControlDisabled(),
            ApolloServerPluginInlineTraceDisabled(),
            noStorePlugin(),
          ],
        }),
        AuthModule.forRoot({ secret: options.jwtSecret }),
        DefinitionsModule,
        InstancesModule,
        TasksModule,
        AuditModule.forQueries(options.audit),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: DATABASE_PROBE, useValue: options.probeDatabase },
        { provide: DURABILITY_METRICS, useValue: options.metrics ?? new DurabilityMetrics() },
        { provide: APP_FILTER, useClass: GraphqlErrorFilter },
      ],
    };
  }
}
