import type { ListingView, SightingView } from '@counterpoint/core/contracts';
import type { Listing } from '@counterpoint/db';
import { toArtistRef, type ViewerRelation } from '../../lib/visibility';
import type { SightingRow } from './seller.repository';

export function toListingView(listing: Listing): ListingView {
  return {
    id: listing.id,
    marketplace: listing.marketplace,
    itemId: listing.itemId,
    canonicalUrl: listing.canonicalUrl,
    sellerId: listing.sellerId,
    title: listing.title,
    removedOn: listing.removedOn,
    createdAt: listing.createdAt.toISOString(),
  };
}

/** Public facts carry no note, no evidence and no design title: only that an artist saw it, and when. */
export function toSightingView(row: SightingRow, relation: ViewerRelation): SightingView {
  const isShared = relation !== 'public';
  return {
    id: row.id,
    listingId: row.listingId,
    artworkId: isShared ? row.artworkId : null,
    artworkTitle: isShared ? row.artworkTitle : null,
    artist: toArtistRef(relation, row),
    foundOn: row.foundOn,
    note: isShared ? row.note : null,
    hasEvidence: isShared && row.evidenceKey !== null,
    visibility: row.visibility,
    createdAt: row.createdAt.toISOString(),
  };
}
