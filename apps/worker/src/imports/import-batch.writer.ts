import {
  addImportSummaries,
  countRowError,
  countStatusValue,
  createImportSummary,
  validateImportRow,
  type ImportRowContext,
  type ImportSummary,
  type ValidImportRow,
  type Visibility,
} from '@counterpoint/core';
import { markSellersChanged, type Db } from '@counterpoint/db';
import type { CsvRecord } from './csv-records';
import {
  marketplaceKey,
  type ImportProgress,
  type ImportRepository,
  type ListingInput,
  type RowErrorInput,
  type SellerInput,
  type SightingInput,
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

interface ListingRow {
  row: Extract<ValidImportRow, { kind: 'listing' }>;
  /** `marketplaceKey` of the listing and of its seller (null when unknown), computed once. */
  listingKey: string;
  sellerKey: string | null;
}

/** A batch after the checks, ready to be written. */
export interface CheckedBatch {
  rowCount: number;
  errors: RowErrorInput[];
  listingRows: ListingRow[];
  sellers: Map<string, SellerInput>;
  /** What the checks alone counted (errors, statuses, store rows). */
  summary: ImportSummary;
}

/**
 * Checks batches of rows (pure, in core) and writes each one, with its row errors, the
 * sellers to recompute and the import's counts, in ONE transaction.
 */
export class ImportBatchWriter {
  private readonly knownSellers = new Map<string, { id: string; hasName: boolean }>();

  constructor(
    private readonly db: Db,
    private readonly repository: ImportRepository,
    private readonly target: ImportTarget,
    private readonly now: () => Date,
  ) {}

  check(batch: CsvRecord[], context: ImportRowContext, base: ImportSummary): CheckedBatch {
    const summary = createImportSummary(base.delimiter, base.dateOrder);
    const errors: RowErrorInput[] = [];
    const listingRows: ListingRow[] = [];
    const sellers = new Map<string, SellerInput>();
    for (const { row: line, cells } of batch) {
      const result = validateImportRow(cells, context);
      if (!result.ok) {
        errors.push({ line, code: result.code, message: result.message });
        countRowError(summary, result.code);
        continue;
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
      if (row.kind === 'store') summary.storeRows += 1;
      else {
        listingRows.push({
          row,
          listingKey: marketplaceKey(row.marketplace, row.itemId),
          sellerKey,
        });
      }
    }
    return { rowCount: batch.length, errors, listingRows, sellers, summary };
  }

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
    const changedSellers = new Set<string>();

    // Sellers: only those this import has not saved yet (or can now name).
    const toSave: SellerInput[] = [];
    for (const [key, seller] of batch.sellers) {
      const known = this.knownSellers.get(key);
      if (!known || (!known.hasName && seller.name !== null)) toSave.push(seller);
    }
    const saved = await this.repository.upsertSellers(trx, artistId, toSave);
    part.sellersCreated += saved.created.size;
    for (const key of saved.created) changedSellers.add(saved.ids.get(key) as string);
    const savedSellers = new Map<string, { id: string; hasName: boolean }>();
    for (const seller of toSave) {
      const key = marketplaceKey(seller.marketplace, seller.storeId);
      const id = saved.ids.get(key);
      const hasName = seller.name !== null || (this.knownSellers.get(key)?.hasName ?? false);
      if (id) savedSellers.set(key, { id, hasName });
    }
    const sellerIdOf = (key: string | null): string | null =>
      key === null ? null : (savedSellers.get(key)?.id ?? this.knownSellers.get(key)?.id ?? null);

    // Listings: one per marketplace and item id; the first seller named wins.
    const listings = new Map<string, ListingInput>();
    for (const { row, listingKey, sellerKey } of batch.listingRows) {
      const known = listings.get(listingKey);
      if (!known) {
        listings.set(listingKey, {
          marketplace: row.marketplace,
          itemId: row.itemId,
          canonicalUrl: row.listingUrl,
          sellerId: sellerIdOf(sellerKey),
        });
      } else known.sellerId ??= sellerIdOf(sellerKey);
    }
    const savedListings = await this.repository.upsertListings(
      trx,
      artistId,
      [...listings.values()],
      this.now(),
    );
    const sellerOfListing = new Map<string, string | null>();
    for (const listing of savedListings.values()) {
      sellerOfListing.set(listing.id, listing.sellerId);
      if (listing.isNew) part.listingsCreated += 1;
      if (listing.isAttached) part.listingsLinkedToSeller += 1;
      if ((listing.isNew || listing.isAttached) && listing.sellerId) {
        changedSellers.add(listing.sellerId);
      }
    }

    // Sightings: one per design and listing, with the earliest date and the first note.
    const sightings = new Map<string, Map<string, SightingInput>>();
    for (const { row, listingKey, sellerKey } of batch.listingRows) {
      const listing = savedListings.get(listingKey);
      if (!listing) throw new Error(`listing ${listingKey} was not saved`);
      const sellerId = sellerIdOf(sellerKey);
      if (sellerId !== null && listing.sellerId !== null && sellerId !== listing.sellerId) {
        part.sellerConflicts += 1;
      }
      let byListing = sightings.get(row.artworkId);
      if (!byListing) sightings.set(row.artworkId, (byListing = new Map<string, SightingInput>()));
      const known = byListing.get(listing.id);
      if (!known) {
        byListing.set(listing.id, {
          artworkId: row.artworkId,
          listingId: listing.id,
          foundOn: row.foundOn,
          note: row.note,
        });
      } else {
        if (row.foundOn < known.foundOn) known.foundOn = row.foundOn;
        if (known.note === '') known.note = row.note;
      }
    }
    const changedSightings = await this.repository.upsertSightings(
      trx,
      artistId,
      visibility,
      [...sightings.values()].flatMap((byListing) => [...byListing.values()]),
      this.now(),
    );
    for (const sighting of changedSightings) {
      if (sighting.isNew) part.sightingsCreated += 1;
      else part.sightingsUpdated += 1;
      const sellerId = sellerOfListing.get(sighting.listingId);
      if (sellerId) changedSellers.add(sellerId);
    }
    part.rowsAlreadyRecorded += batch.listingRows.length - changedSightings.length;

    await markSellersChanged(trx, changedSellers);
    await this.repository.insertRowErrors(trx, importId, batch.errors);
    const after: ImportProgress = {
      processedRows: before.processedRows + batch.rowCount,
      importedRows: before.importedRows + batch.rowCount - batch.errors.length,
      errorRows: before.errorRows + batch.errors.length,
      summary: addImportSummaries(before.summary, part),
    };
    const isSaved = await this.repository.saveProgress(trx, importId, before.processedRows, after);
    if (!isSaved) throw new ImportSuperseded();
    return { after, savedSellers };
  }
}

/** Deadlocks and serialization failures: the batch is retried as a whole. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}
