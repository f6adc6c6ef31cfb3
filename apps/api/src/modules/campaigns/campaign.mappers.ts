import {
  storedCampaignPlanSchema,
  type CampaignParticipant,
  type CampaignSummary,
  type SellerPlanView,
  type StoredCampaignPlan,
} from '@counterpoint/core/contracts';
import type { CampaignRow, CampaignSellerRow, ParticipantRow } from './campaigns.repository';

/** The plan document the worker stored, or null when there is none (or it cannot be read). */
export function readStoredPlan(row: CampaignRow): StoredCampaignPlan | null {
  if (row.plan === null) return null;
  const parsed = storedCampaignPlanSchema.safeParse(row.plan);
  return parsed.success ? parsed.data : null;
}

/** The day the goal is projected to be reached at every target store; null if any never does. */
export function goalReachedOn(plan: StoredCampaignPlan | null): string | null {
  if (plan === null || plan.sellers.length === 0) return null;
  let latest: string | null = null;
  for (const seller of plan.sellers) {
    const reached = seller.plan.goal.isReachable ? seller.plan.goal.reachedOn : null;
    if (reached === null) return null;
    if (latest === null || reached > latest) latest = reached;
  }
  return latest;
}

export function toSellerPlanView(entry: StoredCampaignPlan['sellers'][number]): SellerPlanView {
  const { plan } = entry;
  return {
    sellerId: entry.sellerId,
    rulesetId: plan.rulesetId,
    isEstimate: true,
    asOf: plan.asOf,
    goal: plan.goal,
    currentStanding: plan.currentStanding,
    projection: plan.projection,
    coverage: plan.coverage,
    shortfall: plan.shortfall,
    warnings: plan.warnings,
    plannedTasks: plan.tasks.length,
  };
}

export function toParticipantView(row: ParticipantRow, viewerId: string): CampaignParticipant {
  return {
    artistId: row.artistId,
    displayName: row.displayName,
    isYou: row.artistId === viewerId,
    unavailableWeekdays: row.unavailableWeekdays,
    unavailableDates: row.unavailableDates,
    maxPerWeek: row.maxPerWeek,
    joinedAt: row.joinedAt.toISOString(),
  };
}

export function toCampaignSummary(
  row: CampaignRow,
  sellers: CampaignSellerRow[],
  participants: ParticipantRow[],
  viewerId: string,
): CampaignSummary {
  const own = participants.filter((participant) => participant.campaignId === row.id);
  return {
    id: row.id,
    collectiveId: row.collectiveId,
    name: row.name,
    status: row.status,
    goalPoints: row.goalPoints,
    endsOn: row.endsOn,
    sellers: sellers
      .filter((seller) => seller.campaignId === row.id)
      .map((seller) => ({
        id: seller.id,
        marketplace: seller.marketplace,
        storeId: seller.storeId,
        name: seller.name,
        storeUrl: seller.storeUrl,
        confirmedPoints: seller.confirmedPoints,
        tierLabel: seller.tierLabel,
      })),
    participantCount: own.length,
    isParticipant: own.some((participant) => participant.artistId === viewerId),
    goalReachedOn: goalReachedOn(readStoredPlan(row)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
