import type { Migration } from 'kysely';
import * as initialSchema from './2026-11-29T0001-initial-schema';
import * as sellerLeaderboard from './2026-11-29T0200-seller-leaderboard';
import * as campaignPlans from './2026-11-29T0300-campaign-plans';
import * as publicWatchlist from './2026-11-29T0400-public-watchlist';
import * as sightingArtworkOwner from './2026-11-30T0100-sighting-artwork-owner';
import * as queueTableVacuum from './2026-11-30T0200-queue-table-vacuum';
import * as complaintListingFacts from './2026-11-30T0300-complaint-listing-facts';
import * as lighterStandingWrites from './2026-11-30T0400-lighter-standing-writes';
import * as writeConflict from './2026-11-30T0500-write-conflict';
import * as dropSightingArtworkIndex from './2026-11-30T0600-drop-sighting-artwork-index';
import * as sellersFillfactor from './2026-11-30T0700-sellers-fillfactor';

/**
 * Every migration, by name. Names sort by date; Kysely applies them in that order.
 * Listed statically (rather than read from disk) so bundlers and test runners see them.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-29T0001-initial-schema': initialSchema,
  '2026-11-29T0200-seller-leaderboard': sellerLeaderboard,
  '2026-11-29T0300-campaign-plans': campaignPlans,
  '2026-11-29T0400-public-watchlist': publicWatchlist,
  '2026-11-30T0100-sighting-artwork-owner': sightingArtworkOwner,
  '2026-11-30T0200-queue-table-vacuum': queueTableVacuum,
  '2026-11-30T0300-complaint-listing-facts': complaintListingFacts,
  '2026-11-30T0400-lighter-standing-writes': lighterStandingWrites,
  '2026-11-30T0500-write-conflict': writeConflict,
  '2026-11-30T0600-drop-sighting-artwork-index': dropSightingArtworkIndex,
  '2026-11-30T0700-sellers-fillfactor': sellersFillfactor,
};
