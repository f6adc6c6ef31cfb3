import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they see the database untyped (Kysely's guidance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

/*
 * `sightings_artwork_idx (artwork_id)` duplicates what the unique key
 * `(artist_id, artwork_id, listing_id)` already serves: every read of a design's sightings
 * names its owner too (an artwork has one artist), and the cascade from `artworks` looks rows
 * up by (artwork_id, artist_id). The extra index only cost writes: with a handful of designs
 * per artist, each of its keys is shared by tens of thousands of rows, and a bulk import paid
 * for it on every sighting.
 */
export async function up(db: AnyDatabase): Promise<void> {
  await sql`DROP INDEX sightings_artwork_idx`.execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await sql`CREATE INDEX sightings_artwork_idx ON sightings (artwork_id)`.execute(db);
}
