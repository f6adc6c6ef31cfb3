import type { CampaignCoverage } from '@counterpoint/core/contracts';
import type { CoverageState } from './campaign-labels';

type Listing = CampaignCoverage['sellers'][number]['listings'][number];

export interface CoverageFilter {
  state: CoverageState | 'all';
  /** Only listings copying this member's work ('all': anyone's). */
  artistId: string;
  /** Part of the listing's address. */
  text: string;
}

export const NO_FILTER: CoverageFilter = { state: 'all', artistId: 'all', text: '' };

export function filterListings(listings: readonly Listing[], filter: CoverageFilter): Listing[] {
  const text = filter.text.trim().toLowerCase();
  return listings.filter(
    (listing) =>
      (filter.state === 'all' || listing.state === filter.state) &&
      (filter.artistId === 'all' ||
        listing.copies.some((copy) => copy.artistId === filter.artistId)) &&
      (!text || listing.canonicalUrl.toLowerCase().includes(text)),
  );
}
