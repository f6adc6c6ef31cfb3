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

/** The id a `… RETURNING id` statement gave back. */
async function insertedId(client: pg.Client, text: string, values: unknown[]): Promise<string> {
  return (await client.query<{ id: string }>(text, values)).rows[0]?.id as string;
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
    const one = (text: string, values: unknown[] = []) => insertedId(client, text, values);
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

  it("keeps each listing-in-a-complaint carrying its complaint's facts, from the backfill on", async () => {
    await migrateToLatest(database.url);
    // Data written before the facts were copied is backfilled when the migration runs.
    for (;;) {
      const reverted = await migrateDown(database.url);
      if (reverted.results?.[0]?.migrationName === '2026-11-30T0300-complaint-listing-facts') break;
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const one = (text: string, values: unknown[] = []) => insertedId(client, text, values);
    const facts = async (id: string) =>
      (
        await client.query(
          'SELECT artist_id, artwork_id, ipr_type, severity, filed_on::text, visibility FROM complaint_listings WHERE id = $1',
          [id],
        )
      ).rows[0] as Record<string, string>;
    try {
      const artist = await one(
        "INSERT INTO artists (email, display_name, password_hash) VALUES ('facts@example.test', 'F', 'h') RETURNING id",
      );
      const artwork = await one(
        "INSERT INTO artworks (artist_id, title, ipr_type) VALUES ($1, 'Heron', 'copyright') RETURNING id",
        [artist],
      );
      const complaint = await one(
        `INSERT INTO complaints (artist_id, artwork_id, marketplace, severity, filed_on, reason, visibility)
         VALUES ($1, $2, 'aliexpress', 'serious', '2026-11-02', 'copy', 'collective') RETURNING id`,
        [artist, artwork],
      );
      const listing = (item: string) =>
        one(
          "INSERT INTO listings (marketplace, item_id, canonical_url) VALUES ('aliexpress', $1, $1) RETURNING id",
          [item],
        );
      const before = await one(
        'INSERT INTO complaint_listings (complaint_id, listing_id) VALUES ($1, $2) RETURNING id',
        [complaint, await listing('101')],
      );
      await migrateToLatest(database.url);
      const expected = {
        artist_id: artist,
        artwork_id: artwork,
        ipr_type: 'copyright',
        severity: 'serious',
        filed_on: '2026-11-02',
        visibility: 'collective',
      };
      expect(await facts(before)).toEqual(expected);

      const after = await one(
        'INSERT INTO complaint_listings (complaint_id, listing_id) VALUES ($1, $2) RETURNING id',
        [complaint, await listing('102')],
      );
      expect(await facts(after)).toEqual(expected);

      await client.query("UPDATE complaints SET visibility = 'public' WHERE id = $1", [complaint]);
      await client.query("UPDATE artworks SET ipr_type = 'trademark' WHERE id = $1", [artwork]);
      const changed = { ...expected, visibility: 'public', ipr_type: 'trademark' };
      expect(await facts(before)).toEqual(changed);
      expect(await facts(after)).toEqual(changed);

      // A copy cannot be edited away from its complaint.
      await client.query("UPDATE complaint_listings SET visibility = 'private', severity = 'general' WHERE id = $1", [
        before,
      ]);
      expect(await facts(before)).toEqual(changed);
    } finally {
      await client.end();
    }
  });
});
