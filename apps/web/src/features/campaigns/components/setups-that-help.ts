import type { CampaignCoverage } from '@counterpoint/core/contracts';

export interface SetupThatHelps {
  key: string;
  displayName: string;
  isYou: boolean;
  artworkTitle: string;
  iprStatus: 'pending' | 'not_submitted' | 'rejected' | 'approved';
  listings: number;
}

const SETUP_ORDER = { pending: 0, not_submitted: 1, rejected: 2, approved: 3 } as const;

/**
 * The members' IPRs not approved yet that copy listings of this store nobody can file now:
 * approving them would add complaints (and days) to the plan.
 */
export function setupsThatHelp(coverage: CampaignCoverage, sellerId: string): SetupThatHelps[] {
  const store = coverage.sellers.find((entry) => entry.seller.id === sellerId);
  const found = new Map<string, SetupThatHelps>();
  for (const listing of store?.listings ?? []) {
    if (listing.state !== 'needs_ipp_setup' && listing.state !== 'not_opted_in') continue;
    for (const copy of listing.copies) {
      if (copy.iprStatus === 'approved') continue;
      const key = `${copy.artistId}:${copy.artworkId}`;
      const entry = found.get(key) ?? {
        key,
        displayName: copy.displayName,
        isYou: copy.isYou,
        artworkTitle: copy.artworkTitle,
        iprStatus: copy.iprStatus,
        listings: 0,
      };
      entry.listings += 1;
      found.set(key, entry);
    }
  }
  return [...found.values()].sort(
    (a, b) => SETUP_ORDER[a.iprStatus] - SETUP_ORDER[b.iprStatus] || b.listings - a.listings,
  );
}
