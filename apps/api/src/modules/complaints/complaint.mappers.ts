import { allowedTransitions, type ComplaintStatus } from '@counterpoint/core';
import type { ComplaintDetail, ComplaintSummary } from '@counterpoint/core/contracts';
import { toArtistRef } from '../../lib/visibility';
import type { ComplaintHeaderRow, ComplaintListingRow, StatusEventRow } from './complaint.repository';

/** Which status represents a complaint whose listings differ: the one that needs the artist first. */
const ATTENTION_ORDER: ComplaintStatus[] = [
  'counter_notice',
  'information_requested',
  'submitted',
  'responded',
  'draft',
  'removed',
  'restored',
  'unable_to_process',
  'withdrawn',
];

export function summarise(header: ComplaintHeaderRow, listings: ComplaintListingRow[]): ComplaintSummary {
  const statusCounts: Record<string, number> = {};
  for (const listing of listings) statusCounts[listing.status] = (statusCounts[listing.status] ?? 0) + 1;
  const status = ATTENTION_ORDER.find((candidate) => statusCounts[candidate]) ?? 'draft';
  const deadlines = listings.map((listing) => listing.responseDueOn).filter((date): date is string => date !== null).sort();
  const isShared = header.relation !== 'public';
  // The day of the latest removal among the listings still removed (a removed listing's status date).
  const removedOn = listings.map((listing) => (listing.status === 'removed' ? listing.statusOn : null)).filter((date): date is string => date !== null).sort();
  return {
    id: header.id,
    artist: toArtistRef(header.relation, header),
    artwork: isShared ? { id: header.artworkId, title: header.artworkTitle } : null,
    marketplace: header.marketplace,
    severity: header.severity,
    filedOn: header.filedOn,
    ippReference: header.relation === 'self' ? header.ippReference : null,
    visibility: header.visibility,
    status,
    statusCounts,
    listingCount: listings.length,
    sellerNames: [...new Set(listings.map((listing) => listing.sellerName ?? listing.storeId).filter((name): name is string => Boolean(name)))].sort(),
    nextDeadline: deadlines[0] ?? null,
    lastRemovedOn: removedOn.at(-1) ?? null,
    createdAt: header.createdAt.toISOString(),
    updatedAt: header.updatedAt.toISOString(),
  };
}

export function toDetail(
  header: ComplaintHeaderRow,
  listings: ComplaintListingRow[],
  history: StatusEventRow[],
): ComplaintDetail {
  const isOwner = header.relation === 'self';
  return {
    ...summarise(header, listings),
    reason: header.relation === 'public' ? null : header.reason,
    isOwner,
    listings: listings.map((listing) => ({
      id: listing.id,
      listing: {
        id: listing.listingId,
        marketplace: listing.marketplace,
        itemId: listing.itemId,
        canonicalUrl: listing.canonicalUrl,
        sellerId: listing.listingSellerId,
        title: listing.title,
        removedOn: listing.removedOn,
        createdAt: listing.listingCreatedAt.toISOString(),
      },
      seller:
        listing.sellerId && listing.storeId
          ? { id: listing.sellerId, marketplace: listing.marketplace, storeId: listing.storeId, name: listing.sellerName }
          : null,
      status: listing.status,
      statusOn: listing.statusOn,
      establishedOn: listing.establishedOn,
      counterNoticeOn: listing.counterNoticeOn,
      responseDueOn: listing.responseDueOn,
      allowedNext: isOwner ? [...allowedTransitions(listing.status)] : [],
      history: history
        .filter((event) => event.complaintListingId === listing.id)
        .map((event) => ({
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          occurredOn: event.occurredOn,
          note: isOwner || header.relation === 'collective' ? event.note : '',
          recordedAt: event.createdAt.toISOString(),
        })),
    })),
  };
}
