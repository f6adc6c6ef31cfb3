import {
  MARKETPLACE_LABELS,
  parseLinkList,
  type LinkListEntry,
  type Marketplace,
} from '@counterpoint/core';
import type { mySightingSchema } from '@counterpoint/core/contracts';
import type { z } from 'zod';

type MySighting = z.infer<typeof mySightingSchema>;

/** A listing found by me for this design, once (several sightings of one listing merge). */
export interface KnownListing {
  id: string;
  marketplace: Marketplace;
  itemId: string;
  url: string;
  sellerLabel: string;
  sellerKey: string;
  foundOn: string;
  removedOn: string | null;
}

export function toKnownListings(sightings: MySighting[]): KnownListing[] {
  const byId = new Map<string, KnownListing>();
  for (const sighting of sightings) {
    if (byId.has(sighting.listing.id)) continue;
    const seller = sighting.seller;
    byId.set(sighting.listing.id, {
      id: sighting.listing.id,
      marketplace: sighting.listing.marketplace,
      itemId: sighting.listing.itemId,
      url: sighting.listing.canonicalUrl,
      sellerKey: seller?.id ?? `unknown-${sighting.listing.marketplace}`,
      sellerLabel: seller
        ? `${seller.name ?? `Store ${seller.storeId}`} · ${MARKETPLACE_LABELS[seller.marketplace]}`
        : `Seller not known · ${MARKETPLACE_LABELS[sighting.listing.marketplace]}`,
      foundOn: sighting.foundOn,
      removedOn: sighting.listing.removedOn,
    });
  }
  return [...byId.values()];
}

/** Listing URLs understood in a paste, and the lines that are not listing links. */
export function readPastedListings(text: string): {
  urls: { url: string; marketplace: Marketplace }[];
  problems: { entry: LinkListEntry; message: string }[];
} {
  const urls: { url: string; marketplace: Marketplace }[] = [];
  const problems: { entry: LinkListEntry; message: string }[] = [];
  if (!text.trim()) return { urls, problems };
  for (const entry of parseLinkList(text).entries) {
    const { result } = entry;
    if (!result.ok) problems.push({ entry, message: result.message });
    else if (result.kind !== 'listing')
      problems.push({
        entry,
        message:
          result.kind === 'store'
            ? 'A store link: a complaint names product listings.'
            : 'A short link: open it and paste the full listing address.',
      });
    else if (entry.duplicateOf === undefined)
      urls.push({ url: result.canonicalUrl, marketplace: result.marketplace });
  }
  return { urls, problems };
}
