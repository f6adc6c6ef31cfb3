import { addDays, estimateStanding, toIsoDate, type ComplaintEvent, type StandingEstimate } from '@counterpoint/core';
import { writeOutbox, type Db, type LeaderboardWindow } from '@counterpoint/db';
import { notifyCampaignMilestone } from '../campaigns/campaign-milestones';
import type { RulesetMap } from './rulesets';
import { StandingRepository, type LeaderboardRow, type SellerState, type StandingRow } from './standing.repository';

const WINDOWS: { window: LeaderboardWindow; days: number | null }[] = [
  { window: '30d', days: 30 },
  { window: '90d', days: 90 },
  { window: '365d', days: 365 },
  { window: 'all', days: null },
];

const ESTABLISHED_OUTCOMES = new Set(['counted', 'capped', 'merged', 'expired', 'strike', 'strike_merged']);

export interface RecomputeResult {
  computed: number;
  skipped: number;
  tierCrossings: { sellerId: string; fromPoints: number | null; toPoints: number; label: string }[];
}

/**
 * Leaderboard figures for each time window: points earned from establishments inside the
 * window (before expiry, so "all" is everything ever earned), established complaints and
 * distinct artists inside the window, and listings still online.
 */
export function leaderboardRows(
  seller: SellerState,
  estimate: StandingEstimate,
  events: ComplaintEvent[],
  activeListings: number,
  isPublic: boolean,
): LeaderboardRow[] {
  const artistOf = new Map(events.map((event) => [event.id, event.artistId]));
  return WINDOWS.map(({ window, days }) => {
    const from = days === null ? null : addDays(estimate.asOf, -days + 1);
    const inWindow = (date: string | null) => date !== null && (from === null || date >= from);
    const established = estimate.explanation.filter((entry) => ESTABLISHED_OUTCOMES.has(entry.outcome) && inWindow(entry.date));
    return {
      sellerId: seller.id,
      timeWindow: window,
      marketplace: seller.marketplace,
      isPublic,
      points: estimate.timeline.filter((day) => inWindow(day.date)).reduce((sum, day) => sum + day.pointsAdded, 0),
      establishedComplaints: new Set(established.map((entry) => entry.complaintId)).size,
      distinctArtists: new Set(established.map((entry) => artistOf.get(entry.eventId))).size,
      activeListings,
      lastEstablishedOn: established.reduce<string | null>((latest, entry) => (entry.date && (!latest || entry.date > latest) ? entry.date : latest), null),
    };
  });
}

/**
 * Recomputes the standing of a batch of sellers from their facts and writes the standing,
 * its explanation and the leaderboard rows. Safe to run twice and in any order: a seller
 * whose standing is already computed from its current facts (and not due to change with
 * time) is skipped, and a standing is never replaced by one computed from older facts.
 */
export async function recomputeStandings(
  db: Db,
  rulesets: RulesetMap,
  sellerIds: string[],
  now: Date,
  options: { force?: boolean } = {},
): Promise<RecomputeResult> {
  const repository = new StandingRepository(db);
  const sellers = await repository.loadSellers([...new Set(sellerIds)]);
  // Sorted, so concurrent jobs touch rows in one order and cannot deadlock.
  const due = [...sellers].sort((a, b) => (a.id < b.id ? -1 : 1)).filter(
    (seller) =>
      options.force ||
      seller.computedVersion === null ||
      seller.computedVersion < seller.factsVersion ||
      (seller.nextChangeAt !== null && seller.nextChangeAt <= now),
  );
  const result: RecomputeResult = { computed: 0, skipped: sellers.length - due.length, tierCrossings: [] };
  if (due.length === 0) return result;

  const ids = due.map((seller) => seller.id);
  const [eventsBySeller, listingCounts, publicSellers] = await Promise.all([
    repository.loadEvents(ids),
    repository.loadListingCounts(ids),
    repository.loadPublicSellers(ids),
  ]);
  const standings: StandingRow[] = [];
  const leaderboard: LeaderboardRow[] = [];
  const tiers = new Map<string, { points: number; label: string }>();
  for (const seller of due) {
    const ruleset = rulesets.get(seller.marketplace);
    if (!ruleset) throw new Error(`no ruleset for marketplace ${seller.marketplace}`);
    const events = eventsBySeller.get(seller.id) ?? [];
    const estimate = estimateStanding(events, ruleset, now);
    const listings = listingCounts.get(seller.id) ?? { active: 0, removed: 0 };
    standings.push({
      sellerId: seller.id,
      marketplace: seller.marketplace,
      rulesetId: estimate.rulesetId,
      confirmedPoints: estimate.confirmedPoints,
      pendingPoints: estimate.pendingPoints,
      strikes: estimate.strikes,
      tierPoints: estimate.tier?.points ?? null,
      nextTierPoints: estimate.nextTier?.points ?? null,
      remainingPoints: estimate.remainingPoints,
      isTerminated: estimate.isTerminated,
      complaintsNeeded: estimate.complaintsNeeded,
      distinctDaysNeeded: estimate.distinctDaysNeeded,
      pointsStartExpiringOn: estimate.pointsStartExpiringOn,
      establishedComplaints: estimate.counts.establishedComplaints,
      distinctArtists: estimate.counts.distinctArtists,
      activeListings: listings.active,
      removedListings: listings.removed,
      firstEstablishedOn: estimate.counts.firstEstablishedOn,
      lastEstablishedOn: estimate.counts.lastEstablishedOn,
      estimate: JSON.stringify(estimate),
      computedVersion: seller.factsVersion,
      nextChangeAt: estimate.nextChangeAt ? new Date(estimate.nextChangeAt) : null,
    });
    leaderboard.push(...leaderboardRows(seller, estimate, events, listings.active, publicSellers.has(seller.id)));
    if (estimate.tier) tiers.set(seller.id, estimate.tier);
  }

  await db.transaction().execute(async (trx) => {
    const transactional = new StandingRepository(trx);
    // Read the previous tiers under lock, so two jobs racing on one seller record one crossing.
    const previous = await transactional.lockPreviousTiers(ids);
    const written = new Set(await transactional.upsertStandings(standings));
    await transactional.upsertLeaderboard(leaderboard.filter((row) => written.has(row.sellerId)));
    result.computed = written.size;
    for (const sellerId of written) {
      const tier = tiers.get(sellerId);
      const before = previous.get(sellerId) ?? null;
      if (tier && tier.points !== before) result.tierCrossings.push({ sellerId, fromPoints: before, toPoints: tier.points, label: tier.label });
    }
    for (const crossing of result.tierCrossings) await recordTierCrossing(trx, transactional, crossing, standings, due, now);
    if (written.size > 0) {
      const changed = [...written];
      await writeOutbox(trx, [
        { topic: 'watchlist.changed', payload: { sellerIds: changed } },
        { topic: 'campaign.inputs_changed', payload: { campaignIds: await transactional.campaignsTargeting(changed) } },
      ]);
    }
  });
  return result;
}

async function recordTierCrossing(
  trx: Db,
  repository: StandingRepository,
  crossing: RecomputeResult['tierCrossings'][number],
  standings: StandingRow[],
  sellers: SellerState[],
  now: Date,
): Promise<void> {
  const standing = standings.find((row) => row.sellerId === crossing.sellerId)!;
  const seller = sellers.find((row) => row.id === crossing.sellerId)!;
  await trx
    .insertInto('sellerTierEvents')
    .values({ sellerId: crossing.sellerId, rulesetId: standing.rulesetId, fromPoints: crossing.fromPoints, toPoints: crossing.toPoints, tierLabel: crossing.label })
    .execute();
  const isUp = crossing.fromPoints === null || crossing.toPoints > crossing.fromPoints;
  const store = seller.name ?? seller.storeId;
  // Members of open campaigns against the seller hear it as a campaign milestone, once.
  const toldAsParticipants = await notifyCampaignMilestone(
    trx,
    { ...crossing, store, isUp, confirmedPoints: standing.confirmedPoints, rulesetId: standing.rulesetId },
    now,
  );
  const artists = (await repository.complainants(crossing.sellerId)).filter((artistId) => !toldAsParticipants.has(artistId));
  if (artists.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(
      artists.map((artistId) => ({
        artistId,
        kind: 'seller_tier',
        title: isUp ? `${store} reached "${crossing.label}" (estimate)` : `${store} dropped back to "${crossing.label}" (estimate)`,
        body:
          standing.remainingPoints > 0
            ? `Estimated ${standing.confirmedPoints} confirmed points; ${standing.remainingPoints} more would end the seller's account.`
            : `Estimated ${standing.confirmedPoints} confirmed points: the threshold that ends the seller's account.`,
        link: `/sellers/${crossing.sellerId}`,
        dedupeKey: `tier:${crossing.sellerId}:${crossing.toPoints}:${toIsoDate(now)}:${artistId}`,
      })),
    )
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute();
}

