import type { Db } from '@counterpoint/db';
import { sql } from 'kysely';

/** Rows fetched per query while an export streams. */
export const EXPORT_PAGE_SIZE = 1000;

const NO_ID = '00000000-0000-0000-0000-000000000000';

export interface ListingExportRow {
  id: string;
  marketplace: string;
  itemId: string;
  listingUrl: string;
  sellerStoreId: string | null;
  sellerName: string | null;
  sellerStoreUrl: string | null;
  title: string | null;
  removedOn: string | null;
  designs: string | null;
  firstFoundOn: string | null;
  lastFoundOn: string | null;
  mySightings: number;
  myComplaints: number;
  latestComplaintStatus: string | null;
}

export interface SightingExportRow {
  sightingId: string;
  artworkId: string;
  listingId: string;
  foundOn: string;
  design: string;
  marketplace: string;
  itemId: string;
  listingUrl: string;
  sellerStoreId: string | null;
  sellerName: string | null;
  sellerStoreUrl: string | null;
  note: string;
  visibility: string;
  hasEvidence: boolean;
  createdAt: Date;
}

export interface ComplaintExportRow {
  complaintId: string;
  complaintListingId: string;
  filedOn: string | null;
  ippReference: string | null;
  design: string;
  marketplace: string;
  severity: string;
  reason: string;
  itemId: string;
  listingUrl: string;
  sellerStoreId: string | null;
  sellerName: string | null;
  status: string;
  statusOn: string | null;
  establishedOn: string | null;
  counterNoticeOn: string | null;
  responseDueOn: string | null;
  visibility: string;
  createdAt: Date;
}

/**
 * The artist's own data, page by page in a stable key order (keyset pagination: each page
 * starts after the last key of the previous one). Every query is scoped to the artist:
 * their sightings, their complaints, and the shared listing and seller facts those point at.
 */
export class ExportsRepository {
  constructor(private readonly db: Db) {}

  /** Listings the artist sighted or complained about, with their own counts only. */
  async listingsPage(artistId: string, afterListingId: string | null): Promise<ListingExportRow[]> {
    const after = afterListingId ?? NO_ID;
    const result = await sql<ListingExportRow>`
      SELECT l.id, l.marketplace, l.item_id, l.canonical_url AS listing_url,
        s.store_id AS seller_store_id, s.name AS seller_name, s.store_url AS seller_store_url,
        l.title, l.removed_on,
        mine.designs, mine.first_found_on, mine.last_found_on, mine.sightings::int AS my_sightings,
        filed.complaints::int AS my_complaints, filed.latest_status AS latest_complaint_status
      FROM (
        SELECT listing_id FROM sightings WHERE artist_id = ${artistId} AND listing_id > ${after}
        UNION
        SELECT cl.listing_id FROM complaint_listings cl JOIN complaints c ON c.id = cl.complaint_id
        WHERE c.artist_id = ${artistId} AND cl.listing_id > ${after}
        ORDER BY 1
        LIMIT ${EXPORT_PAGE_SIZE}
      ) page
      JOIN listings l ON l.id = page.listing_id
      LEFT JOIN sellers s ON s.id = l.seller_id
      CROSS JOIN LATERAL (
        SELECT string_agg(DISTINCT a.title, '; ' ORDER BY a.title) AS designs,
          min(si.found_on) AS first_found_on, max(si.found_on) AS last_found_on, count(*) AS sightings
        FROM sightings si JOIN artworks a ON a.id = si.artwork_id
        WHERE si.listing_id = l.id AND si.artist_id = ${artistId}
      ) mine
      CROSS JOIN LATERAL (
        SELECT count(*) AS complaints,
          (array_agg(cl.status ORDER BY coalesce(cl.status_on, c.filed_on) DESC NULLS LAST, c.created_at DESC))[1] AS latest_status
        FROM complaint_listings cl JOIN complaints c ON c.id = cl.complaint_id
        WHERE cl.listing_id = l.id AND c.artist_id = ${artistId}
      ) filed
      ORDER BY l.id
    `.execute(this.db);
    return result.rows;
  }

  /** The artist's sightings, in the order of their unique key (design, listing). */
  async sightingsPage(
    artistId: string,
    after: { artworkId: string; listingId: string } | null,
  ): Promise<SightingExportRow[]> {
    const result = await sql<SightingExportRow>`
      SELECT si.id AS sighting_id, si.artwork_id, si.listing_id, si.found_on, a.title AS design,
        l.marketplace, l.item_id, l.canonical_url AS listing_url,
        s.store_id AS seller_store_id, s.name AS seller_name, s.store_url AS seller_store_url,
        si.note, si.visibility, si.evidence_key IS NOT NULL AS has_evidence, si.created_at
      FROM sightings si
      JOIN artworks a ON a.id = si.artwork_id
      JOIN listings l ON l.id = si.listing_id
      LEFT JOIN sellers s ON s.id = l.seller_id
      WHERE si.artist_id = ${artistId}
        AND (si.artwork_id, si.listing_id) > (${after?.artworkId ?? NO_ID}::uuid, ${after?.listingId ?? NO_ID}::uuid)
      ORDER BY si.artwork_id, si.listing_id
      LIMIT ${EXPORT_PAGE_SIZE}
    `.execute(this.db);
    return result.rows;
  }

  /** The artist's complaints, one row per listing, in complaint then listing order. */
  async complaintsPage(
    artistId: string,
    after: { complaintId: string; complaintListingId: string } | null,
  ): Promise<ComplaintExportRow[]> {
    const result = await sql<ComplaintExportRow>`
      SELECT c.id AS complaint_id, cl.id AS complaint_listing_id, c.filed_on, c.ipp_reference,
        a.title AS design, c.marketplace, c.severity, c.reason, l.item_id, l.canonical_url AS listing_url,
        s.store_id AS seller_store_id, s.name AS seller_name,
        cl.status, cl.status_on, cl.established_on, cl.counter_notice_on, cl.response_due_on,
        c.visibility, c.created_at
      FROM complaints c
      JOIN complaint_listings cl ON cl.complaint_id = c.id
      JOIN artworks a ON a.id = c.artwork_id
      JOIN listings l ON l.id = cl.listing_id
      LEFT JOIN sellers s ON s.id = coalesce(cl.seller_id, l.seller_id)
      WHERE c.artist_id = ${artistId}
        AND (c.id, cl.id) > (${after?.complaintId ?? NO_ID}::uuid, ${after?.complaintListingId ?? NO_ID}::uuid)
      ORDER BY c.id, cl.id
      LIMIT ${EXPORT_PAGE_SIZE}
    `.execute(this.db);
    return result.rows;
  }
}
