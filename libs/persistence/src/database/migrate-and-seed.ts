import { seedDemoOrganisation } from '../directory/seed-demo-organisation';
import type { SignetDatabase } from './open-database';

/**
 * First-start helper for the API and the CLI: applies pending migrations, then loads the demo
 * organisation (idempotent). Returns the names of the migrations it applied.
 */
export async function migrateAndSeed(db: SignetDatabase): Promise<string[]> {
  const applied = await db.migrate();
  await seedDemoOrganisation(db);
  return applied;
}
