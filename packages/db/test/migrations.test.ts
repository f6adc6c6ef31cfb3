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

  it('keeps a sighting with the owner of its artwork, and deletes it with the artist', async () => {
    await migrateToLatest(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const one = async (text: string, values: unknown[] = []) =>
      (await client.query<{ id: string }>(text, values)).rows[0]?.id as string;
    try {
      const owner = await one(
        "INSERT INTO artists (email, display_name, password_hash) VALUES ('owner@example.test', 'O', 'h') RETURNING id",
      );
      const other = await one(
        "INSERT INTO artists (email, display_name, password_hash) VALUES ('other@example.test', 'P', 'h') RETURNING id",
      );
      const artwork = await one(
        "INSERT INTO artworks (artist_id, title) VALUES ($1, 'Moth') RETURNING id",
        [owner],
      );
      const listing = await one(
        "INSERT INTO listings (marketplace, item_id, canonical_url) VALUES ('aliexpress', '77', 'x') RETURNING id",
      );
      const insertSighting = (artist: string) =>
        client.query(
          'INSERT INTO sightings (artist_id, artwork_id, listing_id, found_on) VALUES ($1, $2, $3, current_date)',
          [artist, artwork, listing],
        );
      await expect(insertSighting(other)).rejects.toThrow(/sightings_artwork_owner_fkey/);
      await insertSighting(owner);
      await client.query('DELETE FROM artists WHERE id = $1', [owner]);
      const left = await client.query('SELECT 1 FROM sightings WHERE listing_id = $1', [listing]);
      expect(left.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
