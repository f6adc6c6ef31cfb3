import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they see the database untyped (Kysely's guidance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

/*
 * A sighting belongs to the owner of its artwork: one foreign key on (artwork, artist) says
 * so, where two separate keys (artwork; artist) allowed a sighting of one artist's artwork to
 * be recorded under another. Deleting an artist still deletes their sightings, through their
 * artworks. One key check per row instead of two also makes bulk imports cheaper.
 */
export async function up(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    ALTER TABLE artworks ADD CONSTRAINT artworks_id_artist_key UNIQUE (id, artist_id);
    ALTER TABLE sightings
      DROP CONSTRAINT sightings_artist_id_fkey,
      DROP CONSTRAINT sightings_artwork_id_fkey,
      ADD CONSTRAINT sightings_artwork_owner_fkey FOREIGN KEY (artwork_id, artist_id)
        REFERENCES artworks (id, artist_id) ON DELETE CASCADE;
  `,
    )
    .execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    ALTER TABLE sightings
      DROP CONSTRAINT IF EXISTS sightings_artwork_owner_fkey,
      ADD CONSTRAINT sightings_artist_id_fkey FOREIGN KEY (artist_id)
        REFERENCES artists (id) ON DELETE CASCADE,
      ADD CONSTRAINT sightings_artwork_id_fkey FOREIGN KEY (artwork_id)
        REFERENCES artworks (id) ON DELETE CASCADE;
    ALTER TABLE artworks DROP CONSTRAINT IF EXISTS artworks_id_artist_key;
  `,
    )
    .execute(db);
}
