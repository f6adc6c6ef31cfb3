import { ensureDatabaseExists, migrateToLatest } from '../migrator';
import { seedDemoData } from '../seed/seed';

/*
 * pnpm db:seed [--if-empty]
 * Migrates, then loads the demo data. Without --if-empty it refuses a database that
 * already has artists, rather than mixing demo data into real data.
 */
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/counterpoint';

async function main() {
  await ensureDatabaseExists(url);
  await migrateToLatest(url);
  const result = await seedDemoData(url, { onlyIfEmpty: true });
  if (!result) {
    console.log('The database already has artists; the demo data was not loaded.');
    return;
  }
  console.log(`Demo data loaded. Sign in as ${result.email} with password "${result.password}".`);
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
