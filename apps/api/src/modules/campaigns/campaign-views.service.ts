import { toIsoDate, type StandingEstimate } from '@counterpoint/core';
import type { CampaignCoverage, CampaignProgress } from '@counterpoint/core/contracts';
import type { Db } from '@counterpoint/db';
import { readCampaignAsMember } from './campaign-access';
import { readStoredPlan } from './campaign.mappers';
import { CampaignViewsRepository } from './campaign-views.repository';
import { CampaignsRepository } from './campaigns.repository';
import { buildCoverage } from './coverage-matrix';

/** What members see of a campaign beyond its settings: the coverage matrix and the progress. */
export class CampaignViewsService {
  private readonly views: CampaignViewsRepository;

  constructor(private readonly db: Db) {
    this.views = new CampaignViewsRepository(db);
  }

  async coverage(
    viewerId: string,
    collectiveId: string,
    campaignId: string,
  ): Promise<CampaignCoverage> {
    await readCampaignAsMember(this.db, collectiveId, campaignId, viewerId);
    const [sellers, members, participantIds] = await Promise.all([
      this.views.listTargetSellers(campaignId),
      this.views.listMembers(collectiveId),
      this.views.listParticipantIds(campaignId),
    ]);
    const listings = await this.views.listListings(sellers.map((seller) => seller.id));
    const listingIds = listings.map((listing) => listing.id);
    const [copies, complaints] = await Promise.all([
      this.views.listCopies(collectiveId, listingIds),
      this.views.listComplaints(viewerId, listingIds),
    ]);
    return buildCoverage({
      campaignId,
      viewerId,
      sellers,
      members,
      participantIds,
      listings,
      copies,
      complaints,
    });
  }

  /**
   * Projected against actual points for each target store: actual from the standing the worker
   * keeps (its timeline), projected from the stored plan. Both are estimates.
   */
  async progress(
    viewerId: string,
    collectiveId: string,
    campaignId: string,
    now: Date,
  ): Promise<CampaignProgress> {
    const { campaign } = await readCampaignAsMember(this.db, collectiveId, campaignId, viewerId);
    const sellers = await this.views.listTargetSellers(campaignId);
    const sellerIds = sellers.map((seller) => seller.id);
    const [standings, tierEvents, tasks] = await Promise.all([
      this.views.listStandings(sellerIds),
      this.views.listTierEvents(sellerIds),
      new CampaignsRepository(this.db).countTasks(campaignId, toIsoDate(now)),
    ]);
    const plan = readStoredPlan(campaign);
    return {
      campaignId,
      goalPoints: campaign.goalPoints,
      isEstimate: true,
      sellers: sellers.map((seller) => {
        const standing = standings.find((row) => row.sellerId === seller.id);
        const planned = plan?.sellers.find((entry) => entry.sellerId === seller.id);
        return {
          sellerId: seller.id,
          storeId: seller.storeId,
          name: seller.name,
          marketplace: seller.marketplace,
          rulesetId: standing?.rulesetId ?? planned?.plan.rulesetId ?? null,
          confirmedPoints: standing?.confirmedPoints ?? null,
          pendingPoints: standing?.pendingPoints ?? null,
          isTerminated: standing?.isTerminated ?? false,
          actual: standing ? actualSeries(standing.estimate as StandingEstimate) : [],
          projected: planned?.projectedPoints ?? [],
          goalReachedOn: planned?.plan.goal.reachedOn ?? null,
          tierEvents: tierEvents
            .filter((event) => event.sellerId === seller.id)
            .map((event) => ({
              fromPoints: event.fromPoints,
              toPoints: event.toPoints,
              label: event.tierLabel,
              occurredAt: event.occurredAt.toISOString(),
            })),
        };
      }),
      tasks,
    };
  }
}

/** Points counting at the end of each establishment day, then today's (after any expiry). */
function actualSeries(estimate: StandingEstimate): { date: string; points: number }[] {
  const series = estimate.timeline.map((day) => ({ date: day.date, points: day.runningTotal }));
  const last = series.at(-1);
  if (!last || last.date < estimate.asOf) {
    series.push({ date: estimate.asOf, points: estimate.confirmedPoints });
  }
  return series;
}
