import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index';

class StaticMigrationProvider {
  getMigrations() {
    return Promise.resolve(migrations);
  }
}

function createMigrator(db: Kysely<unknown>): Migrator {
  return new Migrator({ db, provider: new StaticMigrationProvider() });
}

/** Name of the database a connection string points at. */
export function databaseName(connectionString: string): string {
  const name = decodeURIComponent(new URL(connectionString).pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  return name;
}

/** The same server, but the maintenance database `postgres`. */
export function maintenanceUrl(connectionString: string): string {
  const url = new URL(connectionString);
  url.pathname = '/postgres';
  return url.toString();
}

/** Creates the database named by the connection string when it does not exist yet. */
export async function ensureDatabaseExists(connectionString: string): Promise<boolean> {
  const name = databaseName(connectionString);
  const client = new pg.Client({ connectionString: maintenanceUrl(connectionString) });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    return true;
  } catch (error) {
    // Two processes may race to create it; the loser sees duplicate_database.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}

function withOwnKysely<T>(connectionString: string, run: (db: Kysely<unknown>) => Promise<T>) {
  const pool = new pg.Pool({ connectionString, max: 1 });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return run(db).finally(() => db.destroy());
}

function unwrap(result: MigrationResultSet): MigrationResultSet {
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
  return result;
}

/** Applies every pending migration. Safe to run concurrently: Kysely takes a lock. */
export async function migrateToLatest(connectionString: string): Promise<MigrationResultSet> {
  return withOwnKysely(connectionString, async (db) =>
    unwrap(await createMigrator(db).migrateToLatest()),
  );
}

/** Reverts the latest migration. */
export async function migrateDown(connectionString: string): Promise<MigrationResultSet> {
  return withOwnKysely(connectionString, async (db) =>
    unwrap(await createMigrator(db).migrateDown()),
  );
}

/** Reverts every migration. */
export async function migrateToEmpty(connectionString: string): Promise<MigrationResultSet> {
  return withOwnKysely(connectionString, async (db) => {
    const { NO_MIGRATIONS } = await import('kysely');
    return unwrap(await createMigrator(db).migrateTo(NO_MIGRATIONS));
  });
}

export const migrationNames = Object.keys(migrations).sort();
