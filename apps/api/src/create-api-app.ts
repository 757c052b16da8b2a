import type { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, type AppOptions } from './app.module';

/**
 * Builds the Nest application (not yet listening). Used by `serve`, the schema printer and the
 * e2e tests, so all three serve exactly the same schema.
 */
export async function createApiApp(
  options: AppOptions,
  // Nest's start-up chatter (module and route listings) stays out of the console by default.
  logger: LoggerService | LogLevel[] | false = ['warn', 'error'],
): Promise<INestApplication> {
  return NestFactory.create(AppModule.forRoot(options), { logger, abortOnError: false });
}
