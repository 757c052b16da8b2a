import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import * as path from 'node:path';
import { printSchema } from 'graphql';
import { PROJECT_ROOT } from './project-root';

/** Where the committed schema lives (API.md: kept fresh by a test). */
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'apps/api/schema.gql');

/** The SDL an initialised app serves, as committed in `schema.gql` (sorted, with a header). */
export function schemaSdl(app: INestApplication): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return (
    '# The Signet GraphQL API, generated from the code-first resolvers by `npm run schema`.\n' +
    '# Do not edit; a test fails when this file is stale. The contract behind it is API.md.\n\n' +
    `${printSchema(schema)}\n`
  );
}
