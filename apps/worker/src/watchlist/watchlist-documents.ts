import { createHash } from 'node:crypto';
import type { PublishedFacts } from '@counterpoint/core';
import {
  publicSellerSchema,
  publicWatchlistEntrySchema,
  type PublicSeller,
  type PublicWatchlistEntry,
} from '@counterpoint/core/contracts';
import type { DisputeRow, SellerRow, StandingSummaryRow } from './watchlist.repository';

export interface SellerDocuments {
  entry: string;
  entryHash: string;
  page: string;
  pageHash: string;
}

/** A strong validator for a document: its SHA-256, base64url, 27 characters (160 bits). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 27);
}

/** The public path of a seller's page (the web app mirrors it under /watchlist). */
export function publicSellerPath(marketplace: string, storeId: string): string {
  return `/public/v1/sellers/${marketplace}/${encodeURIComponent(storeId)}`;
}

const day = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * The two public documents of a listed seller: its watchlist entry and its page. Each is
 * parsed with its public schema before it is stored, so only the fields the contract lists
 * are ever served, and serialised once here: the API sends the stored text as it is.
 */
export function buildSellerDocuments(input: {
  seller: SellerRow;
  standing: StandingSummaryRow;
  facts: PublishedFacts;
  disputes: DisputeRow[];
  hasOpenDispute: boolean;
  listedAt: Date;
}): SellerDocuments {
  const { seller, standing, facts } = input;
  const path = publicSellerPath(seller.marketplace, seller.storeId);
  const entry: PublicWatchlistEntry = publicWatchlistEntrySchema.parse({
    marketplace: seller.marketplace,
    storeId: seller.storeId,
    name: seller.name,
    storeUrl: seller.storeUrl,
    path,
    isEstimate: true,
    rulesetId: standing.rulesetId,
    confirmedPoints: standing.confirmedPoints,
    tier: standing.tier ? { points: standing.tier.points, label: standing.tier.label } : null,
    isTerminated: standing.isTerminated,
    establishedComplaints: facts.establishedComplaints,
    distinctArtists: facts.distinctArtists,
    distinctDays: facts.distinctDays,
    removedListings: facts.removedListingsTotal,
    firstEstablishedOn: facts.firstEstablishedOn,
    lastEstablishedOn: facts.lastEstablishedOn,
    listedAt: input.listedAt.toISOString(),
    hasOpenDispute: input.hasOpenDispute,
  });
  const page: PublicSeller = publicSellerSchema.parse({
    marketplace: seller.marketplace,
    storeId: seller.storeId,
    name: seller.name,
    storeUrl: seller.storeUrl,
    path,
    listedAt: input.listedAt.toISOString(),
    standing: {
      isEstimate: true,
      rulesetId: standing.rulesetId,
      asOf: standing.asOf,
      confirmedPoints: standing.confirmedPoints,
      terminationPoints: standing.terminationPoints,
      remainingPoints: standing.remainingPoints,
      isTerminated: standing.isTerminated,
      tier: standing.tier,
      nextTier: standing.nextTier,
      strikes: standing.strikes,
      strikesToClosure: standing.strikesToClosure,
      pointsStartExpiringOn: standing.pointsStartExpiringOn,
      complaintsNeeded: standing.complaintsNeeded,
      distinctDaysNeeded: standing.distinctDaysNeeded,
    },
    facts: {
      establishedComplaints: facts.establishedComplaints,
      distinctArtists: facts.distinctArtists,
      distinctDays: facts.distinctDays,
      removedListings: facts.removedListingsTotal,
      firstEstablishedOn: facts.firstEstablishedOn,
      lastEstablishedOn: facts.lastEstablishedOn,
    },
    removedListings: facts.removedListings,
    attributions: facts.attributions,
    hasOpenDispute: input.hasOpenDispute,
    disputes: input.disputes.map((dispute) => ({
      status: dispute.status,
      submittedOn: day(dispute.submittedAt),
      resolvedOn: dispute.resolvedAt ? day(dispute.resolvedAt) : null,
      publicNote: dispute.status === 'open' ? null : dispute.publicNote,
    })),
  });
  const entryText = JSON.stringify(entry);
  const pageText = JSON.stringify(page);
  return {
    entry: entryText,
    entryHash: contentHash(entryText),
    page: pageText,
    pageHash: contentHash(pageText),
  };
}
