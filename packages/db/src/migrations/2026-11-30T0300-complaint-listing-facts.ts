import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time, so they see the database untyped (Kysely's guidance).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

/*
 * A seller's standing is recomputed from every listing-in-a-complaint against it, and the
 * public watchlist from every established one. Each of those rows needed its complaint (the
 * artist, design, severity, filing date, visibility) and the design's IPR type: one index
 * descent and one heap page per row, on tables larger than the buffer cache. The rows now
 * carry those facts themselves, kept equal to their complaint's by triggers (so no write path
 * can forget them), and the seller index covers them: a seller's whole history is read from
 * a few adjacent index pages.
 *
 * A listing's seller index also covers its removal date, for the active/removed counts.
 */
export async function up(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    ALTER TABLE complaint_listings
      ADD COLUMN artist_id uuid,
      ADD COLUMN artwork_id uuid,
      ADD COLUMN ipr_type text,
      ADD COLUMN severity text,
      ADD COLUMN filed_on date,
      ADD COLUMN visibility text;

    UPDATE complaint_listings cl
       SET artist_id = c.artist_id, artwork_id = c.artwork_id, ipr_type = a.ipr_type,
           severity = c.severity, filed_on = c.filed_on, visibility = c.visibility
      FROM complaints c JOIN artworks a ON a.id = c.artwork_id
     WHERE c.id = cl.complaint_id;

    ALTER TABLE complaint_listings
      ALTER COLUMN artist_id SET NOT NULL,
      ALTER COLUMN artwork_id SET NOT NULL,
      ALTER COLUMN ipr_type SET NOT NULL,
      ALTER COLUMN severity SET NOT NULL,
      ALTER COLUMN visibility SET NOT NULL;

    -- A listing-in-a-complaint takes its complaint's facts when written, whatever it was given.
    CREATE FUNCTION complaint_listings_take_complaint_facts() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      SELECT c.artist_id, c.artwork_id, a.ipr_type, c.severity, c.filed_on, c.visibility
        INTO NEW.artist_id, NEW.artwork_id, NEW.ipr_type, NEW.severity, NEW.filed_on, NEW.visibility
        FROM complaints c JOIN artworks a ON a.id = c.artwork_id
       WHERE c.id = NEW.complaint_id;
      RETURN NEW;
    END $$;
    CREATE TRIGGER complaint_listings_complaint_facts
      BEFORE INSERT OR UPDATE OF complaint_id, artist_id, artwork_id, ipr_type, severity, filed_on, visibility
      ON complaint_listings FOR EACH ROW EXECUTE FUNCTION complaint_listings_take_complaint_facts();

    -- A complaint's change reaches its listings.
    CREATE FUNCTION complaints_share_facts() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE complaint_listings
         SET artist_id = NEW.artist_id, artwork_id = NEW.artwork_id, severity = NEW.severity,
             filed_on = NEW.filed_on, visibility = NEW.visibility
       WHERE complaint_id = NEW.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER complaints_share_facts
      AFTER UPDATE OF artist_id, artwork_id, severity, filed_on, visibility ON complaints
      FOR EACH ROW
      WHEN ((OLD.artist_id, OLD.artwork_id, OLD.severity, OLD.filed_on, OLD.visibility)
            IS DISTINCT FROM (NEW.artist_id, NEW.artwork_id, NEW.severity, NEW.filed_on, NEW.visibility))
      EXECUTE FUNCTION complaints_share_facts();

    -- A design's IPR type reaches the listings of its complaints.
    CREATE FUNCTION artworks_share_ipr_type() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE complaint_listings SET ipr_type = NEW.ipr_type
       WHERE complaint_id IN (SELECT id FROM complaints WHERE artwork_id = NEW.id);
      RETURN NULL;
    END $$;
    CREATE TRIGGER artworks_share_ipr_type
      AFTER UPDATE OF ipr_type ON artworks
      FOR EACH ROW WHEN (OLD.ipr_type IS DISTINCT FROM NEW.ipr_type)
      EXECUTE FUNCTION artworks_share_ipr_type();

    DROP INDEX complaint_listings_seller_idx;
    CREATE INDEX complaint_listings_seller_idx ON complaint_listings (seller_id, status, established_on)
      INCLUDE (id, complaint_id, listing_id, artist_id, artwork_id, ipr_type, severity, filed_on, visibility);

    DROP INDEX listings_seller_idx;
    CREATE INDEX listings_seller_idx ON listings (seller_id) INCLUDE (removed_on);
  `,
    )
    .execute(db);
}

export async function down(db: AnyDatabase): Promise<void> {
  await sql
    .raw(
      `
    DROP INDEX listings_seller_idx;
    CREATE INDEX listings_seller_idx ON listings (seller_id);
    DROP INDEX complaint_listings_seller_idx;
    CREATE INDEX complaint_listings_seller_idx ON complaint_listings (seller_id, status, established_on);
    DROP TRIGGER artworks_share_ipr_type ON artworks;
    DROP FUNCTION artworks_share_ipr_type();
    DROP TRIGGER complaints_share_facts ON complaints;
    DROP FUNCTION complaints_share_facts();
    DROP TRIGGER complaint_listings_complaint_facts ON complaint_listings;
    DROP FUNCTION complaint_listings_take_complaint_facts();
    ALTER TABLE complaint_listings
      DROP COLUMN artist_id, DROP COLUMN artwork_id, DROP COLUMN ipr_type,
      DROP COLUMN severity, DROP COLUMN filed_on, DROP COLUMN visibility;
  `,
    )
    .execute(db);
}
