import { ensureDatabaseExists, migrateDown, migrateToEmpty, migrateToLatest } from '../migrator';

/*
 * pnpm db:migrate [latest|down|reset]
 * Creates the database named by DATABASE_URL when it is missing, then migrates.
 */
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/counterpoint';
const command = process.argv[2] ?? 'latest';

async function main() {
  if (await ensureDatabaseExists(url)) console.log('Created the database.');
  const run = { latest: migrateToLatest, down: migrateDown, reset: migrateToEmpty }[command];
  if (!run) throw new Error(`Unknown command "${command}". Use latest, down or reset.`);
  const result = await run(url);
  const applied = result.results ?? [];
  if (applied.length === 0) console.log('Nothing to do: the schema is up to date.');
  for (const migration of applied) {
    console.log(
      `${migration.direction === 'Up' ? 'applied' : 'reverted'} ${migration.migrationName}: ${migration.status}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
