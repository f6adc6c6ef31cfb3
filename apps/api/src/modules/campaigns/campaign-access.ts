import type { Marketplace, Ruleset } from '@counterpoint/core';
import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { CollectiveRole } from '@counterpoint/core/contracts';
import type { Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { readRole } from '../collectives/collective-access';
import { CollectivesRepository } from '../collectives/collectives.repository';
import { CampaignsRepository, type CampaignRow } from './campaigns.repository';

/*
 * Who may see and change a campaign. A campaign lives inside its collective: anyone who is not
 * a member gets the collective's 404, and a campaign of another collective is a 404 too.
 */

/** The campaign and the caller's role in its collective, without locking. */
export async function readCampaignAsMember(
  db: Db,
  collectiveId: string,
  campaignId: string,
  artistId: string,
): Promise<{ role: CollectiveRole; campaign: CampaignRow }> {
  const role = await readRole(new CollectivesRepository(db), collectiveId, artistId);
  const campaign = await new CampaignsRepository(db).findCampaign(collectiveId, campaignId);
  if (!campaign) throw notFound('This campaign');
  return { role, campaign };
}

/** As `readCampaignAsMember`, locking the campaign row for the rest of the transaction. */
export async function lockCampaignAsMember(
  trx: Db,
  collectiveId: string,
  campaignId: string,
  artistId: string,
): Promise<{ role: CollectiveRole; campaign: CampaignRow }> {
  const role = await readRole(new CollectivesRepository(trx), collectiveId, artistId);
  const campaign = await new CampaignsRepository(trx).lockCampaign(collectiveId, campaignId);
  if (!campaign) throw notFound('This campaign');
  return { role, campaign };
}

/** A closed campaign is history: refuses any change to it. */
export function requireNotClosed(campaign: CampaignRow, action: string): void {
  if (campaign.status === 'closed') {
    throw new AppError('conflict', `This campaign is closed, so you cannot ${action}.`);
  }
}

/**
 * The campaign's goal: a step of every target's penalty ladder, or the termination threshold
 * when none is given (the lowest one, should the targets' marketplaces differ).
 */
export function resolveGoal(
  rulesets: ReadonlyMap<Marketplace, Ruleset>,
  marketplaces: readonly Marketplace[],
  goalPoints: number | undefined,
): number {
  const used = [...new Set(marketplaces)].map((marketplace) => {
    const ruleset = rulesets.get(marketplace);
    if (!ruleset) {
      throw new AppError(
        'unprocessable',
        `No penalty ruleset is configured for ${MARKETPLACE_LABELS[marketplace]}, so a campaign cannot be planned there.`,
      );
    }
    return ruleset;
  });
  if (goalPoints === undefined) {
    return Math.min(...used.map((ruleset) => ruleset.terminationPoints));
  }
  for (const ruleset of used) {
    if (!ruleset.ladder.some((step) => step.points === goalPoints)) {
      const steps = ruleset.ladder.map((step) => `${step.points} (${step.label})`).join(', ');
      throw new AppError(
        'validation_failed',
        `The goal must be a step of the ${MARKETPLACE_LABELS[ruleset.marketplace]} penalty ladder (estimate, ${ruleset.id}): ${steps}.`,
        { allowedGoalPoints: ruleset.ladder.map((step) => step.points) },
      );
    }
  }
  return goalPoints;
}
