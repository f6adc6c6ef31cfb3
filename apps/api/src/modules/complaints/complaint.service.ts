import {
  defaultComplaintReason,
  formatComplaintPasteList,
  latestToday,
  parseMarketplaceUrl,
  toIsoDate,
  type Marketplace,
} from '@counterpoint/core';
import type { ComplaintDetail, ComplaintSummary, CreateComplaintBody } from '@counterpoint/core/contracts';
import { markSellersChanged, writeAudit, type Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { summarise, toDetail } from './complaint.mappers';
import { ComplaintRepository } from './complaint.repository';
import { assertIppReferenceFree } from './ipp-reference';
import { openCheckBackReminder } from './reminders';

const IPR_NOT_APPROVED: Record<string, string> = {
  not_submitted:
    'This design has no approved IPR on IPP yet. On IPP, submit an IPR for it (type Copyright, place of registration "Others", with your signed copyright claim statement and publication evidence), then record it here as pending and, once IPP approves it (usually 3–5 business days), as approved.',
  pending:
    "IPP is still reviewing this design's IPR (usually 3–5 business days). Complaints can be filed once it is approved: record the approval here when IPP shows it.",
  rejected:
    "IPP rejected this design's IPR. Check IPP's reason, resubmit the IPR (a registration number IPP has already seen, such as a repeated \"N/A\", is refused), and record it here once approved.",
};

/** Complaints: one artist, one approved design, one marketplace, 1–300 listings. */
export class ComplaintService {
  private readonly repository: ComplaintRepository;

  constructor(private readonly db: Db) {
    this.repository = new ComplaintRepository(db);
  }

  async create(artistId: string, body: CreateComplaintBody, ip: string, now: Date): Promise<ComplaintDetail> {
    const filedOn = body.status === 'submitted' ? (body.filedOn ?? toIsoDate(now)) : null;
    if (filedOn && filedOn > latestToday(now)) throw new AppError('validation_failed', `The filing date ${filedOn} is in the future.`);
    const parsedUrls = body.listingUrls.map((url) => ({ url, parsed: parseMarketplaceUrl(url) }));
    const bad = parsedUrls.find((entry) => !entry.parsed.ok || entry.parsed.kind !== 'listing');
    if (bad) {
      const message = bad.parsed.ok ? 'is not a listing link (a complaint names product listings).' : bad.parsed.message;
      throw new AppError('unprocessable', `"${bad.url}": ${message}`);
    }

    const complaintId = await this.db.transaction().execute(async (trx) => {
      const artwork = await trx.selectFrom('artworks').selectAll().where('id', '=', body.artworkId).where('artistId', '=', artistId).executeTakeFirst();
      if (!artwork) throw notFound('This design');
      if (artwork.iprStatus !== 'approved') {
        throw new AppError('ipr_not_approved', IPR_NOT_APPROVED[artwork.iprStatus] ?? 'This design has no approved IPR on IPP.', { iprStatus: artwork.iprStatus });
      }
      const listingIds = new Set(body.listingIds);
      for (const { parsed } of parsedUrls) {
        if (!parsed.ok) continue;
        const listing = await trx
          .insertInto('listings')
          .values({ marketplace: parsed.marketplace, itemId: parsed.id, canonicalUrl: parsed.canonicalUrl, createdBy: artistId })
          .onConflict((oc) => oc.columns(['marketplace', 'itemId']).doUpdateSet({ updatedAt: (eb) => eb.ref('listings.updatedAt') }))
          .returning('id')
          .executeTakeFirstOrThrow();
        listingIds.add(listing.id);
      }
      if (listingIds.size > 300) throw new AppError('validation_failed', 'IPP takes at most 300 listings per complaint; split them into several complaints.');
      const listings = await trx.selectFrom('listings').select(['id', 'marketplace', 'sellerId']).where('id', 'in', [...listingIds]).execute();
      if (listings.length !== listingIds.size) {
        const found = new Set(listings.map((listing) => listing.id));
        throw new AppError('not_found', `Unknown listing(s): ${[...listingIds].filter((id) => !found.has(id)).join(', ')}.`);
      }
      const marketplaces = [...new Set(listings.map((listing) => listing.marketplace))];
      if (marketplaces.length > 1) {
        throw new AppError('unprocessable', `A complaint is filed on one marketplace; these listings are on ${marketplaces.join(' and ')}. File one complaint per marketplace.`);
      }
      const marketplace = marketplaces[0] as Marketplace;
      await assertIppReferenceFree(trx, artistId, body.ippReference, null);
      const complaint = await trx
        .insertInto('complaints')
        .values({
          artistId,
          artworkId: artwork.id,
          marketplace,
          severity: body.severity,
          filedOn,
          ippReference: body.ippReference ?? null,
          reason: body.reason ?? defaultComplaintReason(artwork.title, artwork.iprType),
          visibility: body.visibility,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = await trx
        .insertInto('complaintListings')
        .values(listings.map((listing) => ({ complaintId: complaint.id, listingId: listing.id, sellerId: listing.sellerId, status: body.status, statusOn: filedOn })))
        .returning('id')
        .execute();
      await trx
        .insertInto('complaintStatusEvents')
        .values(rows.map((row) => ({ complaintListingId: row.id, fromStatus: null, toStatus: body.status, occurredOn: filedOn ?? toIsoDate(now), recordedBy: artistId })))
        .execute();
      if (filedOn) await openCheckBackReminder(trx, artistId, complaint.id, filedOn);
      await markSellersChanged(trx, listings.map((listing) => listing.sellerId));
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'complaint.created',
        subjectType: 'complaint',
        subjectId: complaint.id,
        after: { artworkId: artwork.id, marketplace, listings: listings.length, status: body.status, filedOn },
        ip,
      });
      return complaint.id;
    });
    return this.get(artistId, complaintId);
  }

  async get(viewerId: string, complaintId: string): Promise<ComplaintDetail> {
    const found = await this.repository.findVisibleWithListings(viewerId, complaintId);
    if (!found) throw notFound('This complaint');
    return toDetail(found.header, found.listings, found.listings.flatMap((listing) => listing.history));
  }

  async list(
    viewerId: string,
    query: { scope: 'mine' | 'shared'; status?: ComplaintSummary['status']; marketplace?: Marketplace; artworkId?: string; sellerId?: string; cursor?: string; limit: number },
  ) {
    const after = decodeCursor(query.cursor, ['string', 'string']) as [string, string] | null;
    const headers = await this.repository.list(viewerId, { ...query, after });
    const page = headers.slice(0, query.limit);
    const listings = await this.repository.listListings(page.map((header) => header.id));
    const last = page.at(-1);
    return {
      complaints: page.map((header) => summarise(header, listings.filter((listing) => listing.complaintId === header.id))),
      nextCursor: headers.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  async update(artistId: string, complaintId: string, changes: { ippReference?: string | null; reason?: string; visibility?: 'private' | 'collective' | 'public' }, ip: string) {
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('complaints').selectAll().where('id', '=', complaintId).where('artistId', '=', artistId).forUpdate().executeTakeFirst();
      if (!before) throw notFound('This complaint');
      await assertIppReferenceFree(trx, artistId, changes.ippReference, complaintId);
      await trx.updateTable('complaints').set({ ...changes, updatedAt: new Date() }).where('id', '=', complaintId).execute();
      if (changes.visibility && changes.visibility !== before.visibility) {
        const sellers = await trx.selectFrom('complaintListings').select('sellerId').where('complaintId', '=', complaintId).execute();
        await markSellersChanged(trx, sellers.map((row) => row.sellerId));
      }
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'complaint.updated',
        subjectType: 'complaint',
        subjectId: complaintId,
        before: { ippReference: before.ippReference, visibility: before.visibility },
        after: changes,
        ip,
      });
    });
    return this.get(artistId, complaintId);
  }

  /** Only drafts can be deleted; a filed complaint is history (withdraw it instead). */
  async remove(artistId: string, complaintId: string, ip: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const complaint = await trx.selectFrom('complaints').select(['id']).where('id', '=', complaintId).where('artistId', '=', artistId).forUpdate().executeTakeFirst();
      if (!complaint) throw notFound('This complaint');
      const listings = await trx.selectFrom('complaintListings').select(['status', 'sellerId']).where('complaintId', '=', complaintId).execute();
      if (listings.some((listing) => listing.status !== 'draft')) {
        throw new AppError('conflict', 'Only draft complaints can be deleted. Record it as withdrawn instead.');
      }
      await trx.deleteFrom('complaints').where('id', '=', complaintId).execute();
      await markSellersChanged(trx, listings.map((listing) => listing.sellerId));
      await writeAudit(trx, { actorArtistId: artistId, action: 'complaint.deleted', subjectType: 'complaint', subjectId: complaintId, ip });
    });
  }

  /** The text for IPP's "Option 2" field: canonical URLs, one a line, 300 per chunk. */
  async pasteList(artistId: string, complaintId: string) {
    const header = await this.repository.findVisible(artistId, complaintId);
    if (!header || header.relation !== 'self') throw notFound('This complaint');
    const listings = await this.repository.listListings([complaintId]);
    const result = formatComplaintPasteList(
      listings.map((listing) => listing.canonicalUrl),
      { marketplace: header.marketplace },
    );
    if (!result.ok) throw new AppError('unprocessable', result.message);
    return { marketplace: result.marketplace, chunks: result.chunks, urlCount: result.urls.length };
  }
}
