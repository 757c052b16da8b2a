/**
 * `npm run schema`: writes `apps/api/schema.gql` from the code-first resolvers. It boots the real
 * app (on a throwaway in-memory database, which schema building never queries), so the file is
 * exactly what the server serves.
 */
import * as fs from 'node:fs';
import { createAuditQueries, createStore, openDatabase } from '@signet/persistence';
import { createApiApp } from './create-api-app';
import { SCHEMA_FILE, schemaSdl } from './schema-sdl';

async function printSchemaFile(): Promise<void> {
  const db = await openDatabase({ inMemory: true });
  try {
    const app = await createApiApp(
      {
        store: createStore(db),
        audit: createAuditQueries(db),
        jwtSecret: 'schema-printing',
        probeDatabase: () => Promise.resolve(true),
      },
      ['error'],
    );
    await app.init();
    fs.writeFileSync(SCHEMA_FILE, schemaSdl(app));
    await app.close();
    console.log(`wrote ${SCHEMA_FILE}`);
  } finally {
    await db.close();
  }
}

printSchemaFile().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
