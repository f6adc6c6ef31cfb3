import {
  addImportSummaries,
  countRowError,
  countStatusValue,
  createImportSummary,
  validateImportRow,
  type ImportRowContext,
  type ImportSummary,
  type Visibility,
} from '@counterpoint/core';
import type { Db } from '@counterpoint/db';
import { sql } from 'kysely';
import type { CsvRecord } from './csv-records';
import {
  compareListingKeys,
  ListingRaceError,
  marketplaceKey,
  pgArrayLiteral,
  type ImportProgress,
  type ImportRepository,
  type ListingColumns,
  type RowErrorColumns,
  type RowErrorInput,
  type SellerInput,
  type SightingColumns,
} from './import.repository';

const MAX_ATTEMPTS_PER_BATCH = 3;
/** Sellers remembered between batches; past this the memory is cleared (it only saves queries). */
const MAX_KNOWN_SELLERS = 100_000;

/** Another run of the same import got ahead of this one: this run stops and leaves it be. */
export class ImportSuperseded extends Error {}

export interface ImportTarget {
  importId: string;
  artistId: string;
  visibility: Visibility;
}

/** A listing of a batch: its first row's link, and the first seller its rows name. */
interface BatchListing {
  /** `marketplaceKey` of the listing. */
  key: string;
  marketplace: string;
  itemId: string;
  sellerKey: string | null;
  /** Its place (from 1) in the batch's listings, once sorted (`compareListingKeys`). */
  position: number;
}

/** A sighting of a batch: one per design and listing, with the earliest date and the first note. */
interface BatchSighting {
  artworkId: string;
  listing: BatchListing;
  foundOn: string;
  note: string;
}

/** A batch after the checks, ready to be written. */
export interface CheckedBatch {
  rowCount: number;
  errorCount: number;
  errorColumns: RowErrorColumns;
  sellers: Map<string, SellerInput>;
  /** The batch's listings, in the order they are written, and their columns but seller ids. */
  listings: BatchListing[];
  listingColumns: Omit<ListingColumns, 'sellers'>;
  sightingColumns: SightingColumns;
  /** Rows that name a seller: their listing and seller, to count rows naming another seller. */
  namedSellers: { listing: BatchListing; sellerKey: string }[];
  /** Rows naming another seller than the first one the batch named for their listing. */
  sellerConflicts: number;
  listingRowCount: number;
  /** What the checks alone counted (errors, statuses, store rows). */
  summary: ImportSummary;
}

/**
 * One batch being checked: each row is validated (pure, in core) as the file is read, so the
 * checks run in small steps between the reads and the writes of the previous batch; `finish`
 * merges the batch's duplicates and builds the SQL's array literals.
 */
export class BatchCheck {
  rowCount = 0;
  private readonly summary: ImportSummary;
  private readonly errors: RowErrorInput[] = [];
  private readonly sellers = new Map<string, SellerInput>();
  private readonly listings = new Map<string, BatchListing & { canonicalUrl: string }>();
  private readonly sightings = new Map<string, BatchSighting>();
  private readonly namedSellers: { listing: BatchListing; sellerKey: string }[] = [];
  private listingRowCount = 0;

  constructor(
    private readonly context: ImportRowContext,
    base: ImportSummary,
  ) {
    this.summary = createImportSummary(base.delimiter, base.dateOrder);
  }

  add({ row: line, cells }: CsvRecord): void {
    const { summary, sellers, listings, sightings } = this;
    this.rowCount += 1;
    const result = validateImportRow(cells, this.context);
    if (!result.ok) {
      this.errors.push({ line, code: result.code, message: result.message });
      countRowError(summary, result.code);
      return;
    }
    const { row } = result;
    if (row.status !== null) countStatusValue(summary, row.status);
    let sellerKey: string | null = null;
    if (row.store) {
      sellerKey = marketplaceKey(row.marketplace, row.store.storeId);
      const known = sellers.get(sellerKey);
      if (!known) {
        sellers.set(sellerKey, {
          marketplace: row.marketplace,
          storeId: row.store.storeId,
          storeUrl: row.store.storeUrl,
          name: row.store.name,
        });
      } else known.name ??= row.store.name;
    }
    if (row.kind === 'store') {
      summary.storeRows += 1;
      return;
    }
    this.listingRowCount += 1;
    const listingKey = marketplaceKey(row.marketplace, row.itemId);
    let listing = listings.get(listingKey);
    if (!listing) {
      listing = {
        key: listingKey,
        marketplace: row.marketplace,
        itemId: row.itemId,
        canonicalUrl: row.listingUrl,
        sellerKey,
        position: 0,
      };
      listings.set(listingKey, listing);
    } else listing.sellerKey ??= sellerKey;
    if (sellerKey !== null) this.namedSellers.push({ listing, sellerKey });
    const sightingKey = `${row.artworkId}|${listingKey}`;
    const sighting = sightings.get(sightingKey);
    if (!sighting) {
      sightings.set(sightingKey, {
        artworkId: row.artworkId,
        listing,
        foundOn: row.foundOn,
        note: row.note,
      });
    } else {
      if (row.foundOn < sighting.foundOn) sighting.foundOn = row.foundOn;
      if (sighting.note === '') sighting.note = row.note;
    }
  }

  finish(): CheckedBatch {
    const listingList = [...this.listings.values()].sort(compareListingKeys);
    for (let index = 0; index < listingList.length; index += 1)
      (listingList[index] as BatchListing).position = index + 1;
    // Listings name their seller by its place (from 1) in the batch's sellers, whose ids are
    // only known once the transaction has saved them.
    const sellerIndexes = new Map<string, number>();
    for (const key of this.sellers.keys()) sellerIndexes.set(key, sellerIndexes.size + 1);
    const sightingList = [...this.sightings.values()];
    let sellerConflicts = 0;
    for (const { listing, sellerKey } of this.namedSellers)
      if (sellerKey !== listing.sellerKey) sellerConflicts += 1;
    const { errors } = this;
    return {
      rowCount: this.rowCount,
      errorCount: errors.length,
      errorColumns: {
        count: errors.length,
        lines: `{${errors.map((error) => error.line).join(',')}}`,
        codes: pgArrayLiteral(errors.map((error) => error.code)),
        messages: pgArrayLiteral(errors.map((error) => error.message)),
      },
      sellers: this.sellers,
      listings: listingList,
      listingColumns: {
        count: listingList.length,
        marketplaces: pgArrayLiteral(listingList.map((listing) => listing.marketplace)),
        itemIds: pgArrayLiteral(listingList.map((listing) => listing.itemId)),
        canonicalUrls: pgArrayLiteral(listingList.map((listing) => listing.canonicalUrl)),
        sellerIndexes: `{${listingList
          .map((listing) =>
            listing.sellerKey === null ? 'NULL' : sellerIndexes.get(listing.sellerKey),
          )
          .join(',')}}`,
      },
      sightingColumns: {
        count: sightingList.length,
        artworkIds: pgArrayLiteral(sightingList.map((sighting) => sighting.artworkId)),
        listingPositions: `{${sightingList.map((sighting) => sighting.listing.position).join(',')}}`,
        foundOn: pgArrayLiteral(sightingList.map((sighting) => sighting.foundOn)),
        notes: pgArrayLiteral(sightingList.map((sighting) => sighting.note)),
      },
      namedSellers: this.namedSellers,
      sellerConflicts,
      listingRowCount: this.listingRowCount,
      summary: this.summary,
    };
  }
}

/**
 * Checks batches of rows (pure, in core) and writes each one, with its row errors, the
 * sellers to recompute and the import's counts, in ONE transaction.
 *
 * The checks (`BatchCheck`) also merge the batch's duplicates, sort its listings and build the
 * SQL's array literals, so that they run while the previous batch is being written. The
 * transaction is three statements: the sellers; then the listings, sightings, row errors and
 * sellers changed (sightings name their listing by its position in the sorted listings,
 * listings their seller by its place in the batch's sellers), with only counts coming back;
 * then the import's counts.
 */
export class ImportBatchWriter {
  private readonly knownSellers = new Map<string, { id: string; hasName: boolean }>();

  constructor(
    private readonly db: Db,
    private readonly repository: ImportRepository,
    private readonly target: ImportTarget,
    private readonly now: () => Date,
  ) {}

  /** Writes a checked batch; retried as a whole on a deadlock. Returns the counts after it. */
  async write(batch: CheckedBatch, before: ImportProgress): Promise<ImportProgress> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { after, savedSellers } = await this.db
          .transaction()
          .execute((trx) => this.writeOnce(trx, batch, before));
        // Remembered only once committed: a rolled-back seller does not exist.
        if (this.knownSellers.size + savedSellers.size > MAX_KNOWN_SELLERS)
          this.knownSellers.clear();
        for (const [key, seller] of savedSellers) this.knownSellers.set(key, seller);
        return after;
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS_PER_BATCH || !isTransient(error)) throw error;
      }
    }
  }

  private async writeOnce(trx: Db, batch: CheckedBatch, before: ImportProgress) {
    const { artistId, importId, visibility } = this.target;
    const part = structuredClone(batch.summary);
    // The batch statement joins sets whose sizes the planner can only guess; a guess high enough
    // would have it compile the statement (JIT), which costs more than running it.
    await sql`SET LOCAL jit = off`.execute(trx);

    // Sellers: only those this import has not saved yet (or can now name).
    const toSave: SellerInput[] = [];
    for (const [key, seller] of batch.sellers) {
      const known = this.knownSellers.get(key);
      if (!known || (!known.hasName && seller.name !== null)) toSave.push(seller);
    }
    const sellers = await this.repository.upsertSellers(trx, artistId, toSave);
    part.sellersCreated += sellers.created.size;
    const savedSellers = new Map<string, { id: string; hasName: boolean }>();
    for (const seller of toSave) {
      const key = marketplaceKey(seller.marketplace, seller.storeId);
      const id = sellers.ids.get(key);
      const hasName = seller.name !== null || (this.knownSellers.get(key)?.hasName ?? false);
      if (id) savedSellers.set(key, { id, hasName });
    }
    const sellerIdOf = (key: string): string => {
      const id = savedSellers.get(key)?.id ?? this.knownSellers.get(key)?.id;
      if (id === undefined) throw new Error(`seller ${key} was saved but has no id`);
      return id;
    };

    // Listings (one per marketplace and item id; the first seller named wins), sightings (one
    // per design and listing), row errors and the sellers changed, in one statement.
    const saved = await this.repository.writeBatch(trx, {
      importId,
      artistId,
      visibility,
      listings: {
        ...batch.listingColumns,
        sellers: pgArrayLiteral([...batch.sellers.keys()].map(sellerIdOf)),
      },
      sightings: batch.sightingColumns,
      errors: batch.errorColumns,
      createdSellerIds: [...sellers.created].map(sellerIdOf),
      now: this.now(),
    });
    part.listingsCreated += saved.listingsCreated;
    part.listingsLinkedToSeller += saved.listingsAttached;
    part.sightingsCreated += saved.sightingsCreated;
    part.sightingsUpdated += saved.sightingsUpdated;
    part.rowsAlreadyRecorded +=
      batch.listingRowCount - saved.sightingsCreated - saved.sightingsUpdated;

    // Rows naming another seller than the listing's: the first one the batch named (counted by
    // the checks), or the seller the listing was known under before.
    part.sellerConflicts += batch.sellerConflicts;
    if (saved.otherSellers.size > 0) {
      for (const { listing, sellerKey } of batch.namedSellers) {
        const knownSeller = saved.otherSellers.get(listing.position);
        if (knownSeller === undefined) continue;
        if (sellerKey !== listing.sellerKey) part.sellerConflicts -= 1;
        if (sellerIdOf(sellerKey) !== knownSeller) part.sellerConflicts += 1;
      }
    }

    const after: ImportProgress = {
      processedRows: before.processedRows + batch.rowCount,
      importedRows: before.importedRows + batch.rowCount - batch.errorCount,
      errorRows: before.errorRows + batch.errorCount,
      summary: addImportSummaries(before.summary, part),
    };
    const isSaved = await this.repository.saveProgress(trx, importId, before.processedRows, after);
    if (!isSaved) throw new ImportSuperseded();
    return { after, savedSellers };
  }
}

/** Deadlocks, serialization failures and listing races: the batch is retried as a whole. */
function isTransient(error: unknown): boolean {
  if (error instanceof ListingRaceError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}
