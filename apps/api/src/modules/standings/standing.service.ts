import {
  resolveRulesets,
  type Marketplace,
  type Ruleset,
  type StandingEstimate,
} from '@counterpoint/core';
import type { LeaderboardQuery, StandingView } from '@counterpoint/core/contracts';
import type { Db } from '@counterpoint/db';
import { sql } from 'kysely';
import { AppError, notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { viewerRelation } from '../../lib/visibility';

const SORT_COLUMNS = {
  points: 'points',
  artists: 'distinctArtists',
  complaints: 'establishedComplaints',
  listings: 'activeListings',
} as const;

/** Rulesets in force, with the deployment's overrides; bad overrides stop start-up. */
export function loadRulesetMap(overrides: string | null): Map<Marketplace, Ruleset> {
  const resolved = resolveRulesets(overrides ?? undefined);
  if (!resolved.ok)
    throw new Error(
      `PENALTY_RULESET_OVERRIDES is not valid:\n  - ${resolved.issues.join('\n  - ')}`,
    );
  return new Map(Object.values(resolved.rulesets).map((ruleset) => [ruleset.marketplace, ruleset]));
}

/** Standings and leaderboards: read from the rows the worker maintains, never aggregated here. */
export class StandingService {
  constructor(
    private readonly db: Db,
    private readonly rulesets: Map<Marketplace, Ruleset>,
  ) {}

  async standing(viewerId: string, sellerId: string): Promise<StandingView> {
    const row = await this.db
      .selectFrom('sellerStandings')
      .innerJoin('sellers', 'sellers.id', 'sellerStandings.sellerId')
      .select([
        'sellerStandings.estimate',
        'sellerStandings.computedAt',
        'sellerStandings.computedVersion',
        'sellers.factsVersion',
        'sellers.marketplace',
      ])
      .where('sellerStandings.sellerId', '=', sellerId)
      .executeTakeFirst();
    if (!row) {
      const seller = await this.db
        .selectFrom('sellers')
        .select('id')
        .where('id', '=', sellerId)
        .executeTakeFirst();
      if (!seller) throw notFound('This seller');
      throw new AppError(
        'not_computed',
        'The standing of this seller has not been computed yet; it will be within a few moments.',
      );
    }
    const estimate = row.estimate as StandingEstimate;
    // Explanation entries of complaints the viewer may not see are counted, not shown.
    const visible = new Set(
      (
        await this.db
          .selectFrom('complaintListings')
          .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
          .select([
            'complaintListings.id',
            viewerRelation(viewerId, 'complaints.artist_id', 'complaints.visibility').as(
              'relation',
            ),
          ])
          .where('complaintListings.sellerId', '=', sellerId)
          .execute()
      )
        .filter((entry) => entry.relation !== null)
        .map((entry) => entry.id),
    );
    const shown = estimate.explanation.filter((entry) => visible.has(entry.eventId));
    const ruleset = this.rulesets.get(row.marketplace);
    return {
      sellerId,
      isEstimate: true,
      rulesetId: estimate.rulesetId,
      ruleset: ruleset
        ? {
            id: ruleset.id,
            marketplace: ruleset.marketplace,
            version: String(ruleset.version),
            effectiveFrom: ruleset.effectiveFrom,
            confidence: ruleset.confidence,
            sourceNotes: [...ruleset.sourceNotes],
            ladder: ruleset.ladder.map((step) => ({ ...step })),
            terminationPoints: ruleset.terminationPoints,
          }
        : null,
      asOf: estimate.asOf,
      computedAt: row.computedAt.toISOString(),
      isStale: row.computedVersion < row.factsVersion,
      confirmedPoints: estimate.confirmedPoints,
      pendingPoints: estimate.pendingPoints,
      strikes: estimate.strikes,
      strikesToClosure: estimate.strikesToClosure,
      terminationPoints: estimate.terminationPoints,
      tier: estimate.tier,
      nextTier: estimate.nextTier,
      remainingPoints: estimate.remainingPoints,
      isTerminated: estimate.isTerminated,
      complaintsNeeded: estimate.complaintsNeeded,
      distinctDaysNeeded: estimate.distinctDaysNeeded,
      pointsStartExpiringOn: estimate.pointsStartExpiringOn,
      counts: estimate.counts,
      timeline: estimate.timeline.map((day) => ({
        date: day.date,
        pointsAdded: day.pointsAdded,
        runningTotal: day.runningTotal,
        expiresOn: day.expiresOn,
      })),
      explanation: shown.map((entry) => ({
        complaintId: entry.complaintId,
        status: entry.status,
        date: entry.date,
        points: entry.points,
        outcome: entry.outcome,
        reason: entry.reason,
      })),
      hiddenExplanationEntries: estimate.explanation.length - shown.length,
      hiddenComplaints: new Set(
        estimate.explanation
          .filter((entry) => !visible.has(entry.eventId))
          .map((entry) => entry.complaintId),
      ).size,
    };
  }

  /** The ladder step's name in the marketplace's ruleset; null below the first step. */
  private tierLabel(marketplace: Marketplace, tierPoints: number | null): string | null {
    if (tierPoints === null) return null;
    return (
      this.rulesets.get(marketplace)?.ladder.find((step) => step.points === tierPoints)?.label ??
      null
    );
  }

  async leaderboard(viewerId: string, query: LeaderboardQuery) {
    const sortColumn = SORT_COLUMNS[query.sort];
    const after = decodeCursor(query.cursor, ['number', 'string', 'number']) as
      [number, string, number] | null;
    if (query.scope === 'collective') {
      if (!query.collectiveId)
        throw new AppError('validation_failed', 'scope=collective needs collectiveId.');
      const member = await this.db
        .selectFrom('memberships')
        .select('artistId')
        .where('collectiveId', '=', query.collectiveId)
        .where('artistId', '=', viewerId)
        .executeTakeFirst();
      if (!member) throw notFound('This collective');
    }
    let select = this.db
      .selectFrom('sellerLeaderboard as lb')
      .innerJoin('sellers', 'sellers.id', 'lb.sellerId')
      .leftJoin('sellerStandings', 'sellerStandings.sellerId', 'lb.sellerId')
      .select([
        'lb.sellerId',
        'lb.marketplace',
        'lb.points',
        'lb.distinctArtists',
        'lb.establishedComplaints',
        'lb.activeListings',
        'lb.lastEstablishedOn',
        'sellers.storeId',
        'sellers.name',
        'sellers.storeUrl',
        'sellerStandings.confirmedPoints',
        // The tier's points, not the estimate's JSON: the top sellers have the largest
        // explanations, and reading a label out of them costs more than the whole page.
        'sellerStandings.tierPoints',
      ])
      .where('lb.timeWindow', '=', query.window)
      .where(`lb.${sortColumn}`, '>', 0);
    if (query.marketplace) select = select.where('lb.marketplace', '=', query.marketplace);
    if (query.scope === 'global') select = select.where('lb.isPublic', '=', true);
    if (query.scope !== 'global') {
      const members =
        query.scope === 'collective'
          ? this.db
              .selectFrom('memberships')
              .select('artistId')
              .where('collectiveId', '=', query.collectiveId!)
          : null;
      select = select.where(
        'lb.sellerId',
        'in',
        (eb) =>
          eb
            .selectFrom('listings')
            .innerJoin('sightings', 'sightings.listingId', 'listings.id')
            .select('listings.sellerId')
            .where('listings.sellerId', 'is not', null)
            .$call((inner) =>
              members
                ? inner
                    .where('sightings.artistId', 'in', members)
                    .where((w) =>
                      w.or([
                        w('sightings.visibility', '<>', 'private'),
                        w('sightings.artistId', '=', viewerId),
                      ]),
                    )
                : inner.where('sightings.artistId', '=', viewerId),
            )
            .union(
              eb
                .selectFrom('complaintListings')
                .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
                .select('complaintListings.sellerId')
                .where('complaintListings.sellerId', 'is not', null)
                .$call((inner) =>
                  members
                    ? inner
                        .where('complaints.artistId', 'in', members)
                        .where((w) =>
                          w.or([
                            w('complaints.visibility', '<>', 'private'),
                            w('complaints.artistId', '=', viewerId),
                          ]),
                        )
                    : inner.where('complaints.artistId', '=', viewerId),
                ),
            ) as never,
      );
    }
    if (after) {
      select = select.where(
        sql<boolean>`(${sql.ref(`lb.${toSnake(sortColumn)}`)}, lb.seller_id) < (${after[0]}, ${after[1]}::uuid)`,
      );
    }
    const rows = await select
      .orderBy(`lb.${sortColumn}`, 'desc')
      .orderBy('lb.sellerId', 'desc')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const firstRank = after ? after[2] + 1 : 1;
    const last = page.at(-1);
    return {
      window: query.window,
      sort: query.sort,
      isEstimate: true as const,
      entries: page.map(({ tierPoints, ...row }, index) => ({
        rank: firstRank + index,
        ...row,
        confirmedPoints: row.confirmedPoints ?? null,
        tierLabel: this.tierLabel(row.marketplace, tierPoints),
      })),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last[sortColumn], last.sellerId, firstRank + page.length - 1])
          : null,
    };
  }
}

function toSnake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
