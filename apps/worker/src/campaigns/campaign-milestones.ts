import { toIsoDate } from '@counterpoint/core';
import type { Db } from '@counterpoint/db';

export interface TierCrossingFacts {
  sellerId: string;
  /** The store's name, or its id. */
  store: string;
  toPoints: number;
  label: string;
  isUp: boolean;
  confirmedPoints: number;
  rulesetId: string;
}

/**
 * A targeted seller crossed a ladder step: tells the members taking part in every open campaign
 * against it, as a campaign milestone (and says when the campaign's goal is reached). Returns
 * the artists notified, so that they are not told a second time as complainants.
 */
export async function notifyCampaignMilestone(
  trx: Db,
  crossing: TierCrossingFacts,
  now: Date,
): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('campaignSellers')
    .innerJoin('campaigns', 'campaigns.id', 'campaignSellers.campaignId')
    .innerJoin('campaignParticipants', 'campaignParticipants.campaignId', 'campaigns.id')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.collectiveId', '=', 'campaigns.collectiveId')
        .onRef('memberships.artistId', '=', 'campaignParticipants.artistId'),
    )
    .select([
      'campaigns.id as campaignId',
      'campaigns.collectiveId',
      'campaigns.name',
      'campaigns.goalPoints',
      'campaignParticipants.artistId',
    ])
    .where('campaignSellers.sellerId', '=', crossing.sellerId)
    .where('campaigns.status', '=', 'open')
    .execute();
  if (rows.length === 0) return new Set();
  const day = toIsoDate(now);
  await trx
    .insertInto('notifications')
    .values(
      rows.map((row) => {
        const isGoal = crossing.isUp && crossing.toPoints >= row.goalPoints;
        const step = crossing.isUp
          ? `${crossing.store} reached "${crossing.label}" (estimate)`
          : `${crossing.store} dropped back to "${crossing.label}" (estimate)`;
        return {
          artistId: row.artistId,
          kind: 'campaign_milestone',
          title: `${row.name}: ${step}${isGoal ? ' — goal reached' : ''}`,
          body: `Estimated ${crossing.confirmedPoints} confirmed points; the campaign's goal is ${row.goalPoints}.`,
          link: `/collectives/${row.collectiveId}/campaigns/${row.campaignId}`,
          dedupeKey: `campaign-tier:${row.campaignId}:${crossing.sellerId}:${crossing.toPoints}:${day}:${row.artistId}`,
        };
      }),
    )
    .onConflict((conflict) => conflict.column('dedupeKey').doNothing())
    .execute();
  return new Set(rows.map((row) => row.artistId));
}
