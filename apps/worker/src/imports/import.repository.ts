import type {
  ImportHeaderMapping,
  ImportSummary,
  Marketplace,
  Visibility,
} from '@counterpoint/core';
import type { Db } from '@counterpoint/db';
import { sql } from 'kysely';
import { MAX_ROWS_PER_PREFIX, timeOrderedIdPrefix } from './time-ordered-ids';

/*
 * All SQL of the CSV import. Rows go in as arrays (`unnest`), one statement per table per
 * batch: a batch of thousands of rows costs a handful of round trips, not thousands.
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

export interface ListingInput {
  marketplace: Marketplace;
  itemId: string;
  canonicalUrl: string;
  sellerId: string | null;
}

export interface SightingInput {
  artworkId: string;
  listingId: string;
  foundOn: string;
  note: string;
}

export interface RowErrorInput {
  line: number;
  code: string;
  message: string;
}

export interface ImportProgress {
  processedRows: number;
  importedRows: number;
  errorRows: number;
  summary: ImportSummary;
}

/** `marketplace|id`: how sellers and listings are keyed in memory during a batch. */
export const marketplaceKey = (marketplace: string, id: string) => `${marketplace}|${id}`;

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
   * Creates the listings not known yet and attaches known listings without a seller to the
   * seller given; a listing's known seller is never replaced or removed.
   * @returns Every listing given, by `marketplaceKey`: its id, its seller now, and whether
   *   it was created or attached to its seller by this call.
   */
  async upsertListings(
    trx: Db,
    artistId: string,
    listings: ListingInput[],
    now: Date,
  ): Promise<
    Map<string, { id: string; sellerId: string | null; isNew: boolean; isAttached: boolean }>
  > {
    const result = new Map<
      string,
      { id: string; sellerId: string | null; isNew: boolean; isAttached: boolean }
    >();
    if (listings.length === 0) return result;
    assertBatchSize(listings.length);
    const changed = await sql<{
      id: string;
      marketplace: string;
      itemId: string;
      sellerId: string | null;
      isNew: boolean;
    }>`
      INSERT INTO listings (id, marketplace, item_id, canonical_url, seller_id, created_by)
      SELECT (${timeOrderedIdPrefix(now)} || lpad(to_hex(input.position), 4, '0'))::uuid,
        input.marketplace, input.item_id, input.canonical_url, input.seller_id, ${artistId}::uuid
      FROM unnest(
        ${listings.map((listing) => listing.marketplace)}::text[],
        ${listings.map((listing) => listing.itemId)}::text[],
        ${listings.map((listing) => listing.canonicalUrl)}::text[],
        ${listings.map((listing) => listing.sellerId)}::uuid[]
      ) WITH ORDINALITY AS input (marketplace, item_id, canonical_url, seller_id, position)
      ORDER BY input.marketplace, input.item_id
      ON CONFLICT (marketplace, item_id) DO UPDATE SET seller_id = EXCLUDED.seller_id, updated_at = now()
        WHERE listings.seller_id IS NULL AND EXCLUDED.seller_id IS NOT NULL
      RETURNING id, marketplace, item_id, seller_id, (xmax = 0) AS is_new
    `.execute(trx);
    for (const row of changed.rows) {
      result.set(marketplaceKey(row.marketplace, row.itemId), {
        id: row.id,
        sellerId: row.sellerId,
        isNew: row.isNew,
        isAttached: !row.isNew,
      });
    }
    const missing = listings.filter(
      (listing) => !result.has(marketplaceKey(listing.marketplace, listing.itemId)),
    );
    if (missing.length > 0) {
      const known = await sql<{
        id: string;
        marketplace: string;
        itemId: string;
        sellerId: string | null;
      }>`
        SELECT listings.id, listings.marketplace, listings.item_id, listings.seller_id
        FROM unnest(
          ${missing.map((listing) => listing.marketplace)}::text[],
          ${missing.map((listing) => listing.itemId)}::text[]
        ) AS input (marketplace, item_id)
        JOIN listings ON listings.marketplace = input.marketplace AND listings.item_id = input.item_id
      `.execute(trx);
      for (const row of known.rows) {
        result.set(marketplaceKey(row.marketplace, row.itemId), {
          id: row.id,
          sellerId: row.sellerId,
          isNew: false,
          isAttached: false,
        });
      }
    }
    return result;
  }

  /**
   * Records the artist's sightings. A sighting already recorded keeps its visibility and
   * note, takes the earlier of the two dates, and takes the note only if it had none.
   * @returns The sightings created or changed, by listing id.
   */
  async upsertSightings(
    trx: Db,
    artistId: string,
    visibility: Visibility,
    sightings: SightingInput[],
    now: Date,
  ): Promise<{ listingId: string; isNew: boolean }[]> {
    if (sightings.length === 0) return [];
    assertBatchSize(sightings.length);
    const changed = await sql<{ listingId: string; isNew: boolean }>`
      INSERT INTO sightings (id, artist_id, artwork_id, listing_id, found_on, note, visibility)
      SELECT (${timeOrderedIdPrefix(now)} || lpad(to_hex(input.position), 4, '0'))::uuid,
        ${artistId}::uuid, input.artwork_id, input.listing_id, input.found_on, input.note, ${visibility}
      FROM unnest(
        ${sightings.map((sighting) => sighting.artworkId)}::uuid[],
        ${sightings.map((sighting) => sighting.listingId)}::uuid[],
        ${sightings.map((sighting) => sighting.foundOn)}::date[],
        ${sightings.map((sighting) => sighting.note)}::text[]
      ) WITH ORDINALITY AS input (artwork_id, listing_id, found_on, note, position)
      ORDER BY input.artwork_id, input.listing_id
      ON CONFLICT (artist_id, artwork_id, listing_id) DO UPDATE SET
        found_on = LEAST(sightings.found_on, EXCLUDED.found_on),
        note = CASE WHEN sightings.note = '' THEN EXCLUDED.note ELSE sightings.note END,
        updated_at = now()
        WHERE EXCLUDED.found_on < sightings.found_on OR (sightings.note = '' AND EXCLUDED.note <> '')
      RETURNING listing_id, (xmax = 0) AS is_new
    `.execute(trx);
    return changed.rows;
  }

  async insertRowErrors(trx: Db, importId: string, errors: RowErrorInput[]): Promise<void> {
    if (errors.length === 0) return;
    await sql`
      INSERT INTO import_row_errors (import_id, line, code, message)
      SELECT ${importId}::uuid, input.line, input.code, input.message
      FROM unnest(
        ${errors.map((error) => error.line)}::integer[],
        ${errors.map((error) => error.code)}::text[],
        ${errors.map((error) => error.message)}::text[]
      ) AS input (line, code, message)
      ON CONFLICT (import_id, line) DO NOTHING
    `.execute(trx);
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
