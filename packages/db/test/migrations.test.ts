import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToEmpty, migrateToLatest, migrationNames } from '../src/migrator';
import { createEmptyDatabase, type TestDatabase } from '../src/testing';

let database: TestDatabase;

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%' ORDER BY 1",
    );
    return result.rows.map((row) => row.tablename);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(() => database.drop());

describe('migrations', () => {
  it('go up, down to empty, and up again on an empty database', async () => {
    const up = await migrateToLatest(database.url);
    expect(up.results?.map((result) => result.migrationName)).toEqual(migrationNames);
    const created = await tables(database.url);
    expect(created).toEqual(
      expect.arrayContaining([
        'artists',
        'sellers',
        'listings',
        'complaints',
        'complaint_listings',
        'campaigns',
        'seller_standings',
        'outbox',
        'audit_events',
      ]),
    );

    await migrateToEmpty(database.url);
    expect(await tables(database.url)).toEqual([]);

    await migrateToLatest(database.url);
    expect(await tables(database.url)).toEqual(created);
  });

  it('reverts the latest migration on its own', async () => {
    await migrateToLatest(database.url);
    const result = await migrateDown(database.url);
    expect(result.results?.[0]?.migrationName).toBe(migrationNames.at(-1));
    await migrateToLatest(database.url);
  });

  it('enforces enumerations and uniqueness in the schema itself', async () => {
    await migrateToLatest(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await expect(
        client.query(
          "INSERT INTO sellers (marketplace, store_id, store_url) VALUES ('ebay', '1', 'x')",
        ),
      ).rejects.toThrow(/check constraint/);
      await client.query(
        "INSERT INTO sellers (marketplace, store_id, store_url) VALUES ('aliexpress', '42', 'x')",
      );
      await expect(
        client.query(
          "INSERT INTO sellers (marketplace, store_id, store_url) VALUES ('aliexpress', '42', 'y')",
        ),
      ).rejects.toThrow(/duplicate key/);
      await expect(
        client.query(
          "INSERT INTO artists (email, display_name, password_hash) VALUES ('Upper@Example.com', 'A', 'h')",
        ),
      ).rejects.toThrow(/check constraint/);
    } finally {
      await client.end();
    }
  });
});
