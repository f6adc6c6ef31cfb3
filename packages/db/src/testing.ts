import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest } from './migrator';
import { migrations } from './migrations/index';

/**
 * Test databases: each test file gets its own database, cloned from a template that
 * was migrated once. Cloning takes a few tens of milliseconds; migrating takes seconds.
 */

export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Changes whenever a migration's code changes, so a stale template is never reused. */
function templateName(): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(migrations).sort()) {
    hash.update(name);
    const migration = migrations[name];
    hash.update(migration ? `${migration.up.toString()}${migration.down?.toString() ?? ''}` : '');
  }
  return `counterpoint_template_${hash.digest('hex').slice(0, 12)}`;
}

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Builds the migrated template once per schema version; concurrent callers wait on a lock. */
export async function ensureTemplateDatabase(): Promise<string> {
  const name = templateName();
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock(4242001)');
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      await migrateToLatest(withDatabase(TEST_SERVER_URL, building));
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(4242001)');
    }
  });
  return name;
}

/**
 * Drops a test database. pg's `Pool.end()` resolves once its clients are told to close, not
 * once they have: the backends get a moment to leave on their own first, so that FORCE does
 * not cut a client off mid-goodbye (an error no test would catch).
 */
async function dropDatabase(name: string): Promise<void> {
  await withAdminClient(async (client) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const { rows } = await client.query<{ connected: number }>(
        'SELECT count(*)::int AS connected FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      if ((rows[0]?.connected ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplateDatabase();
  const name = `counterpoint_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: withDatabase(TEST_SERVER_URL, name),
    drop: () => dropDatabase(name),
  };
}

/** A fresh empty (unmigrated) database, for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `counterpoint_empty_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(TEST_SERVER_URL, name),
    drop: () => dropDatabase(name),
  };
}
