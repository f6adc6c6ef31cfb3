import type {
  ImportHeaderMapping,
  ImportSummary,
  Marketplace,
  Visibility,
} from '@counterpoint/core';
import { sellersChangedFromParts, type Db } from '@counterpoint/db';
import { sql } from 'kysely';
import { MAX_ROWS_PER_PREFIX, timeOrderedIdPrefix } from './time-ordered-ids';

/*
 * All SQL of the CSV import. Rows go in as arrays (`unnest`), three statements per batch
 * (sellers; then listings, sightings, row errors and the sellers changed together; progress):
 * a batch of thousands of rows costs a handful of round trips, not thousands.
 * Rows are inserted in the order of their unique key, so that concurrent imports lock rows in
 * one order; new rows get ids of one batch prefix (`timeOrderedIdPrefix` + position in the
 * array), so they all land at the right edge of the primary-key index.
 */

export interface SellerInput {
  marketplace: Marketplace;
  storeId: string;
  storeUrl: string;
  name: string | null;
}

/** A batch's listings, one array literal (`pgArrayLiteral`) per column. */
export interface ListingColumns {
  count: number;
  marketplaces: string;
  itemIds: string;
  canonicalUrls: string;
  /** The seller each listing is given, as its index (from 1) in `sellers`; NULL when none. */
  sellerIndexes: string;
  /** The ids of the batch's sellers (no NULL: an index into it must be a direct lookup). */
  sellers: string;
}

/** A batch's sightings, one array literal per column; listings by their position in `ListingColumns`. */
export interface SightingColumns {
  count: number;
  artworkIds: string;
  /** The position (from 1) of each sighting's listing in the batch's listing columns. */
  listingPositions: string;
  foundOn: string;
  notes: string;
}

export interface RowErrorInput {
  line: number;
  code: string;
  message: string;
}

/** A batch's row errors, one array literal per column. */
export interface RowErrorColumns {
  count: number;
  lines: string;
  codes: string;
  messages: string;
}

export interface ImportProgress {
  processedRows: number;
  importedRows: number;
  errorRows: number;
  summary: ImportSummary;
}

/**
 * A listing of the batch was created by another import after the batch's statement began, so
 * the statement could not see it. Retrying the batch (a new statement) finds it.
 */
export class ListingRaceError extends Error {
  constructor() {
    super('a listing of the batch was created concurrently; the batch is retried');
    this.name = 'ListingRaceError';
  }
}

/** `marketplace|id`: how sellers and listings are keyed in memory during a batch. */
export const marketplaceKey = (marketplace: string, id: string) => `${marketplace}|${id}`;

/**
 * The order listings are written in: by marketplace, then item id, comparing UTF-16 code units
 * (the same as bytes for the ASCII these are made of). Every import writes in this order.
 */
export function compareListingKeys(
  a: { marketplace: string; itemId: string },
  b: { marketplace: string; itemId: string },
): number {
  if (a.marketplace !== b.marketplace) return a.marketplace < b.marketplace ? -1 : 1;
  if (a.itemId === b.itemId) return 0;
  return a.itemId < b.itemId ? -1 : 1;
}

const NEEDS_ESCAPE = /[\\"]/;

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of text values, sent as one text parameter and
 * cast in SQL (`::text[]`, `::uuid[]`, `::date[]`). Built by the batch's checks, while the
 * previous batch is being written, rather than by the driver inside the transaction.
 */
export function pgArrayLiteral(values: readonly (string | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (value === null || value === undefined) parts[index] = 'NULL';
    else if (NEEDS_ESCAPE.test(value)) parts[index] = `"${value.replace(/[\\"]/g, '\\$&')}"`;
    else parts[index] = `"${value}"`;
  }
  return `{${parts.join(',')}}`;
}

export class ImportRepository {
  constructor(private readonly db: Db) {}

  findImport(importId: string) {
    return this.db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst();
  }

  listArtworks(artistId: string) {
    return this.db
      .selectFrom('artworks')
      .select(['id', 'title'])
      .where('artistId', '=', artistId)
      .execute();
  }

  async markRunning(
    importId: string,
    values: { totalRows: number; headerMapping: ImportHeaderMapping; startedAt: Date },
  ): Promise<void> {
    await this.db
      .updateTable('imports')
      .set((eb) => ({
        status: 'running',
        totalRows: values.totalRows,
        headerMapping: JSON.stringify(values.headerMapping),
        startedAt: eb.fn.coalesce('startedAt', eb.val(values.startedAt)),
        failure: null,
      }))
      .where('id', '=', importId)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  }

  /**
   * Ends an import. A completed one's total becomes the rows it processed (the first pass
   * counted them the same way; this keeps the numbers shown consistent whatever happens).
   */
  async markFinished(
    importId: string,
    values: { status: 'completed' | 'failed'; failure: string | null; finishedAt: Date },
  ): Promise<void> {
    await this.db
      .updateTable('imports')
      .set((eb) => ({
        status: values.status,
        failure: values.failure,
        finishedAt: values.finishedAt,
        ...(values.status === 'completed' ? { totalRows: eb.ref('processedRows') } : {}),
      }))
      .where('id', '=', importId)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  }

  /**
   * Creates the sellers not known yet and names the known ones that have no name.
   * @returns The id of every seller given, by `marketplaceKey`, and the keys created now.
   */
  async upsertSellers(
    trx: Db,
    artistId: string,
    sellers: SellerInput[],
  ): Promise<{ ids: Map<string, string>; created: Set<string> }> {
    const ids = new Map<string, string>();
    const created = new Set<string>();
    if (sellers.length === 0) return { ids, created };
    const changed = await sql<{ id: string; marketplace: string; storeId: string; isNew: boolean }>`
      INSERT INTO sellers (marketplace, store_id, store_url, name, created_by)
      SELECT input.marketplace, input.store_id, input.store_url, input.name, ${artistId}::uuid
      FROM unnest(
        ${sellers.map((seller) => seller.marketplace)}::text[],
        ${sellers.map((seller) => seller.storeId)}::text[],
        ${sellers.map((seller) => seller.storeUrl)}::text[],
        ${sellers.map((seller) => seller.name)}::text[]
      ) AS input (marketplace, store_id, store_url, name)
      ORDER BY input.marketplace, input.store_id
      ON CONFLICT (marketplace, store_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
        WHERE sellers.name IS NULL AND EXCLUDED.name IS NOT NULL
      RETURNING id, marketplace, store_id, (xmax = 0) AS is_new
    `.execute(trx);
    for (const row of changed.rows) {
      const key = marketplaceKey(row.marketplace, row.storeId);
      ids.set(key, row.id);
      if (row.isNew) created.add(key);
    }
    const missing = sellers.filter(
      (seller) => !ids.has(marketplaceKey(seller.marketplace, seller.storeId)),
    );
    if (missing.length > 0) {
      const known = await sql<{ id: string; marketplace: string; storeId: string }>`
        SELECT sellers.id, sellers.marketplace, sellers.store_id
        FROM unnest(
          ${missing.map((seller) => seller.marketplace)}::text[],
          ${missing.map((seller) => seller.storeId)}::text[]
        ) AS input (marketplace, store_id)
        JOIN sellers ON sellers.marketplace = input.marketplace AND sellers.store_id = input.store_id
      `.execute(trx);
      for (const row of known.rows) ids.set(marketplaceKey(row.marketplace, row.storeId), row.id);
    }
    return { ids, created };
  }

  /**
   * Saves the rest of a batch in one statement: its listings, the artist's sightings of them,
   * its row errors, and the sellers it changed (version bump and outbox message, see
   * `sellersChangedFromParts`), whose ids never leave the database.
   *
   * Listings not known yet are created; known listings without a seller are attached to the
   * seller given; a listing's known seller is never replaced or removed. Sightings find their
   * listing by its position in the listing columns: a listing created now has the id this
   * statement gave it, one known before is looked up by marketplace and item id (as this
   * statement left it). A sighting already recorded keeps its visibility and note, takes the
   * earlier of the two dates, and takes the note only if it had none. The sellers changed are
   * those created by the batch, and those of the listings created, attached or newly or
   * newly-dated seen.
   *
   * The listings must come sorted by marketplace and item id (`compareListingKeys`): they are
   * inserted in that order, so concurrent imports lock rows in one order, and PostgreSQL's
   * sort finds them already in order. Joins are on positions (integers) and ids, never text.
   *
   * Throws `ListingRaceError` when a listing cannot be found: another import created it after
   * this statement began (its snapshot cannot see it); the batch is retried.
   */
  async writeBatch(
    trx: Db,
    input: {
      importId: string;
      artistId: string;
      visibility: Visibility;
      listings: ListingColumns;
      sightings: SightingColumns;
      errors: RowErrorColumns;
      /** Sellers the batch created: changed even if none of its listings names them. */
      createdSellerIds: string[];
      now: Date;
    },
  ): Promise<{
    listingsCreated: number;
    listingsAttached: number;
    sightingsCreated: number;
    sightingsUpdated: number;
    /** Listings known under another seller than the one given: seller id by listing position. */
    otherSellers: Map<number, string>;
  }> {
    const { importId, artistId, visibility, listings, sightings, errors, now } = input;
    const otherSellers = new Map<number, string>();
    if (listings.count === 0 && errors.count === 0 && input.createdSellerIds.length === 0) {
      return {
        listingsCreated: 0,
        listingsAttached: 0,
        sightingsCreated: 0,
        sightingsUpdated: 0,
        otherSellers,
      };
    }
    assertBatchSize(listings.count);
    assertBatchSize(sightings.count);
    const prefix = timeOrderedIdPrefix(now);
    const result = await sql<{
      listingsCreated: string;
      listingsAttached: string;
      found: string;
      sightingsCreated: string;
      sightingsUpdated: string;
      otherSellers: [number, string][] | null;
    }>`
      WITH listing_input AS (
        SELECT input.marketplace, input.item_id, input.canonical_url, input.position,
          (${listings.sellers}::uuid[])[input.seller_index] AS seller_id,
          (${prefix} || lpad(to_hex(input.position), 4, '0'))::uuid AS id
        FROM unnest(
          ${listings.marketplaces}::text[],
          ${listings.itemIds}::text[],
          ${listings.canonicalUrls}::text[],
          ${listings.sellerIndexes}::integer[]
        ) WITH ORDINALITY AS input (marketplace, item_id, canonical_url, seller_index, position)
      ),
      saved_listings AS (
        INSERT INTO listings (id, marketplace, item_id, canonical_url, seller_id, created_by)
        SELECT input.id, input.marketplace, input.item_id, input.canonical_url, input.seller_id,
          ${artistId}::uuid
        FROM listing_input AS input
        ORDER BY input.position
        ON CONFLICT (marketplace, item_id) DO UPDATE SET seller_id = EXCLUDED.seller_id, updated_at = now()
          WHERE listings.seller_id IS NULL AND EXCLUDED.seller_id IS NOT NULL
        RETURNING id, seller_id, (xmax = 0) AS is_new
      ),
      created_listings AS (
        SELECT id FROM saved_listings WHERE is_new
      ),
      batch_listings AS (
        SELECT input.position, input.id, input.seller_id
        FROM created_listings JOIN listing_input AS input USING (id)
        UNION ALL
        -- One index lookup per listing known before (LIMIT keeps it a lookup, not a join).
        SELECT input.position, known.id, COALESCE(saved.seller_id, known.seller_id)
        FROM listing_input AS input
        CROSS JOIN LATERAL (
          SELECT listings.id, listings.seller_id FROM listings
          WHERE listings.marketplace = input.marketplace AND listings.item_id = input.item_id
          LIMIT 1
        ) AS known
        LEFT JOIN saved_listings AS saved ON saved.id = known.id
        WHERE NOT EXISTS (SELECT FROM created_listings AS created WHERE created.id = input.id)
      ),
      sighting_input AS (
        SELECT input.*, listing.id AS listing_id, listing.seller_id
        FROM unnest(
          ${sightings.artworkIds}::uuid[],
          ${sightings.listingPositions}::bigint[],
          ${sightings.foundOn}::date[],
          ${sightings.notes}::text[]
        ) WITH ORDINALITY AS input (artwork_id, listing_position, found_on, note, position)
        JOIN batch_listings AS listing ON listing.position = input.listing_position
      ),
      saved_sightings AS (
        INSERT INTO sightings (id, artist_id, artwork_id, listing_id, found_on, note, visibility)
        SELECT (${prefix} || lpad(to_hex(input.position), 4, '0'))::uuid,
          ${artistId}::uuid, input.artwork_id, input.listing_id, input.found_on, input.note, ${visibility}
        FROM sighting_input AS input
        ORDER BY input.artwork_id, input.listing_id
        ON CONFLICT (artist_id, artwork_id, listing_id) DO UPDATE SET
          found_on = LEAST(sightings.found_on, EXCLUDED.found_on),
          note = CASE WHEN sightings.note = '' THEN EXCLUDED.note ELSE sightings.note END,
          updated_at = now()
          WHERE EXCLUDED.found_on < sightings.found_on OR (sightings.note = '' AND EXCLUDED.note <> '')
        RETURNING listing_id, (xmax = 0) AS is_new
      ),
      saved_errors AS (
        INSERT INTO import_row_errors (import_id, line, code, message)
        SELECT ${importId}::uuid, input.line, input.code, input.message
        FROM unnest(
          ${errors.lines}::integer[],
          ${errors.codes}::text[],
          ${errors.messages}::text[]
        ) AS input (line, code, message)
        ON CONFLICT (import_id, line) DO NOTHING
      ),
      changed_sellers AS (
        SELECT seller_id FROM saved_listings
        UNION ALL
        SELECT listing.seller_id FROM saved_sightings AS saved
        JOIN batch_listings AS listing ON listing.id = saved.listing_id
        UNION ALL
        SELECT unnest(${input.createdSellerIds}::uuid[])
      ),
      ${sellersChangedFromParts('changed_sellers')}
      SELECT
        (SELECT count(*) FILTER (WHERE is_new) FROM saved_listings) AS listings_created,
        (SELECT count(*) FILTER (WHERE NOT is_new) FROM saved_listings) AS listings_attached,
        (SELECT count(*) FROM sighting_input) AS found,
        (SELECT count(*) FILTER (WHERE is_new) FROM saved_sightings) AS sightings_created,
        (SELECT count(*) FILTER (WHERE NOT is_new) FROM saved_sightings) AS sightings_updated,
        (SELECT json_agg(json_build_array(listing.position, listing.seller_id))
          FROM batch_listings AS listing JOIN listing_input AS input USING (position)
          WHERE input.seller_id IS NOT NULL AND listing.seller_id <> input.seller_id) AS other_sellers
    `.execute(trx);
    const row = result.rows[0];
    if (!row) throw new Error('the batch statement returned no row');
    if (Number(row.found) !== sightings.count) throw new ListingRaceError();
    for (const [position, sellerId] of row.otherSellers ?? []) otherSellers.set(position, sellerId);
    return {
      listingsCreated: Number(row.listingsCreated),
      listingsAttached: Number(row.listingsAttached),
      sightingsCreated: Number(row.sightingsCreated),
      sightingsUpdated: Number(row.sightingsUpdated),
      otherSellers,
    };
  }

  /**
   * Saves the counts after a batch, in the batch's transaction. Guarded by the count the
   * batch started from: if another run of the same import moved on meanwhile, nothing is
   * saved and the caller rolls its batch back.
   */
  async saveProgress(
    trx: Db,
    importId: string,
    fromProcessedRows: number,
    progress: ImportProgress,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('imports')
      .set({
        processedRows: progress.processedRows,
        importedRows: progress.importedRows,
        errorRows: progress.errorRows,
        summary: JSON.stringify(progress.summary),
      })
      .where('id', '=', importId)
      .where('status', '=', 'running')
      .where('processedRows', '=', fromProcessedRows)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}

function assertBatchSize(rows: number): void {
  if (rows > MAX_ROWS_PER_PREFIX)
    throw new Error(`a batch holds at most ${MAX_ROWS_PER_PREFIX} rows`);
}
