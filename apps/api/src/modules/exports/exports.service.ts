import {
  COMPLAINTS_EXPORT_COLUMNS,
  LISTINGS_EXPORT_COLUMNS,
  SIGHTINGS_EXPORT_COLUMNS,
} from '@counterpoint/core/contracts';
import type { Db } from '@counterpoint/db';
import { EXPORT_PAGE_SIZE, ExportsRepository } from './exports.repository';

type Record<Columns extends readonly string[]> = {
  [Column in Columns[number]]: string | number | boolean | Date | null;
};

export interface CsvExport<Columns extends readonly string[]> {
  /** The download's file name, e.g. `counterpoint-sightings-2026-06-15.csv`. */
  filename: string;
  columns: Columns;
  records: AsyncIterable<Record<Columns>>;
}

/** Reads pages until one comes back short; `next` gives the key to start the next page after. */
async function* paged<Row, Key>(
  fetch: (after: Key | null) => Promise<Row[]>,
  next: (row: Row) => Key,
): AsyncGenerator<Row> {
  let after: Key | null = null;
  for (;;) {
    const rows = await fetch(after);
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < EXPORT_PAGE_SIZE || last === undefined) return;
    after = next(last);
  }
}

/**
 * CSV exports of the artist's own data. Records are produced page by page as the response is
 * written, so an export of any size holds one page in memory.
 */
export class ExportsService {
  private readonly repository: ExportsRepository;

  constructor(db: Db) {
    this.repository = new ExportsRepository(db);
  }

  listings(artistId: string, today: string): CsvExport<typeof LISTINGS_EXPORT_COLUMNS> {
    const repository = this.repository;
    async function* records() {
      const rows = paged(
        (after: string | null) => repository.listingsPage(artistId, after),
        (row) => row.id,
      );
      for await (const row of rows) {
        yield {
          marketplace: row.marketplace,
          item_id: row.itemId,
          listing_url: row.listingUrl,
          seller_store_id: row.sellerStoreId,
          seller_name: row.sellerName,
          seller_store_url: row.sellerStoreUrl,
          title: row.title,
          removed_on: row.removedOn,
          designs: row.designs,
          first_found_on: row.firstFoundOn,
          last_found_on: row.lastFoundOn,
          my_sightings: row.mySightings,
          my_complaints: row.myComplaints,
          latest_complaint_status: row.latestComplaintStatus,
        };
      }
    }
    return {
      filename: `counterpoint-listings-${today}.csv`,
      columns: LISTINGS_EXPORT_COLUMNS,
      records: records(),
    };
  }

  sightings(artistId: string, today: string): CsvExport<typeof SIGHTINGS_EXPORT_COLUMNS> {
    const repository = this.repository;
    async function* records() {
      const rows = paged(
        (after: { artworkId: string; listingId: string } | null) =>
          repository.sightingsPage(artistId, after),
        (row) => ({ artworkId: row.artworkId, listingId: row.listingId }),
      );
      for await (const row of rows) {
        yield {
          found_on: row.foundOn,
          design: row.design,
          marketplace: row.marketplace,
          item_id: row.itemId,
          listing_url: row.listingUrl,
          seller_store_id: row.sellerStoreId,
          seller_name: row.sellerName,
          seller_store_url: row.sellerStoreUrl,
          note: row.note,
          visibility: row.visibility,
          has_evidence: row.hasEvidence,
          sighting_id: row.sightingId,
          created_at: row.createdAt,
        };
      }
    }
    return {
      filename: `counterpoint-sightings-${today}.csv`,
      columns: SIGHTINGS_EXPORT_COLUMNS,
      records: records(),
    };
  }

  complaints(artistId: string, today: string): CsvExport<typeof COMPLAINTS_EXPORT_COLUMNS> {
    const repository = this.repository;
    async function* records() {
      const rows = paged(
        (after: { complaintId: string; complaintListingId: string } | null) =>
          repository.complaintsPage(artistId, after),
        (row) => ({ complaintId: row.complaintId, complaintListingId: row.complaintListingId }),
      );
      for await (const row of rows) {
        yield {
          complaint_id: row.complaintId,
          filed_on: row.filedOn,
          ipp_reference: row.ippReference,
          design: row.design,
          marketplace: row.marketplace,
          severity: row.severity,
          reason: row.reason,
          item_id: row.itemId,
          listing_url: row.listingUrl,
          seller_store_id: row.sellerStoreId,
          seller_name: row.sellerName,
          status: row.status,
          status_on: row.statusOn,
          established_on: row.establishedOn,
          counter_notice_on: row.counterNoticeOn,
          response_due_on: row.responseDueOn,
          visibility: row.visibility,
          created_at: row.createdAt,
        };
      }
    }
    return {
      filename: `counterpoint-complaints-${today}.csv`,
      columns: COMPLAINTS_EXPORT_COLUMNS,
      records: records(),
    };
  }
}
