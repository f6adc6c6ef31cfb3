import { createHash } from 'node:crypto';
import { toIsoDate } from '@counterpoint/core';
import type { Db } from '@counterpoint/db';
import type { RulesetMap } from '../standings/rulesets';
import {
  CampaignPlanRepository,
  type CampaignState,
  type TaskState,
} from './campaign-plan.repository';
import { buildPlanInput, type CampaignFacts } from './plan-input.builder';
import { planSellers, type SellerPlan } from './plan-sellers';
import { projectPoints } from './projected-points';
import { syncTasks, toTaskRow, type TaskSyncResult } from './task-sync';

export interface ReplanResult {
  outcome: 'missing' | 'closed' | 'planned';
  tasks: TaskSyncResult | null;
  /** Hash of everything the plan was made from (null when no plan was made). */
  fingerprint: string | null;
}

/** What the plan's readers should know about the campaign as a whole. */
function campaignWarnings(campaign: CampaignState, facts: CampaignFacts, today: string): string[] {
  const warnings: string[] = [];
  if (campaign.status === 'paused') {
    warnings.push('The campaign is paused: nobody is asked to file until an admin resumes it.');
  }
  if (campaign.endsOn !== null && campaign.endsOn < today) {
    warnings.push(
      `The campaign's end date (${campaign.endsOn}) has passed: what is left is planned from today, after the deadline the goal was set for.`,
    );
  }
  const skippedListings = facts.skipped.reduce((sum, task) => sum + task.listingIds.length, 0);
  if (skippedListings > 0) {
    warnings.push(
      `${facts.skipped.length === 1 ? 'One task was' : `${facts.skipped.length} tasks were`} skipped by their member: those ${skippedListings === 1 ? 'listing goes' : `${skippedListings} listings go`} to other members whose work they copy, if any.`,
    );
  }
  return warnings;
}

function fingerprintOf(
  status: string,
  plans: readonly SellerPlan[],
  filed: readonly TaskState[],
): string {
  const hash = createHash('sha256');
  hash.update(status);
  for (const { plan } of plans) hash.update(`|${plan.inputFingerprint}`);
  for (const task of filed) hash.update(`|${task.artistId}@${task.filedOn ?? ''}`);
  return `campaign-plan-v1:${hash.digest('hex').slice(0, 32)}`;
}

/**
 * Makes a campaign's plan again from its current inputs and brings its tasks in line, in one
 * transaction holding the campaign's row lock (so re-plans, filings and setting changes of one
 * campaign never interleave). Safe to run any number of times: the same inputs on the same day
 * give the same plan and leave the tasks untouched.
 *
 * Overdue tasks are never dropped: the planner never schedules before today, so a planned task
 * whose day has passed gets a new day from today on, under the same task key.
 */
export async function replanCampaign(
  db: Db,
  rulesets: RulesetMap,
  campaignId: string,
  now: Date,
): Promise<ReplanResult> {
  return db.transaction().execute(async (trx) => {
    const repository = new CampaignPlanRepository(trx);
    const campaign = await repository.lockCampaign(campaignId);
    if (!campaign) return { outcome: 'missing', tasks: null, fingerprint: null };
    const existing = await repository.loadTasks(campaignId);
    if (campaign.status === 'closed') {
      // The plan stays as it was last made; no task is left planned.
      return {
        outcome: 'closed',
        tasks: await syncTasks(trx, campaignId, [], existing),
        fingerprint: null,
      };
    }

    const today = toIsoDate(now);
    const sellers = await repository.loadSellers(campaignId);
    const sellerIds = sellers.map((seller) => seller.id);
    const facts: CampaignFacts = {
      campaignId,
      goalPoints: campaign.goalPoints,
      endsOn: campaign.endsOn,
      members: await repository.loadMembers(campaign),
      listings: await repository.loadListings(sellerIds),
      copies: await repository.loadCopies(campaign.collectiveId, sellerIds),
      complaints: await repository.loadComplaints(sellerIds),
      skipped: existing
        .filter((task) => task.status === 'skipped')
        .map((task) => ({
          artistId: task.artistId,
          artworkId: task.artworkId,
          listingIds: task.listingIds,
        })),
    };
    const inputs = sellers.map((seller) => {
      const ruleset = rulesets.get(seller.marketplace);
      if (!ruleset) throw new Error(`no penalty ruleset for marketplace ${seller.marketplace}`);
      return buildPlanInput(facts, { id: seller.id, ruleset }, today);
    });
    const filed = existing.filter((task) => task.status === 'filed' && task.filedOn !== null);
    const filedOn = new Map<string, string[]>();
    for (const task of filed)
      filedOn.set(task.artistId, [...(filedOn.get(task.artistId) ?? []), task.filedOn!]);

    const { plans, warnings } = planSellers(inputs, filedOn);
    const fingerprint = fingerprintOf(campaign.status, plans, filed);
    await repository.savePlan(campaignId, {
      plan: {
        format: 1,
        asOf: today,
        warnings: [...campaignWarnings(campaign, facts, today), ...warnings],
        sellers: plans.map(({ sellerId, input, plan }) => ({
          sellerId,
          plan,
          projectedPoints: projectPoints(input, plan),
        })),
      },
      planVersion: campaign.inputsVersion,
      planAsOf: today,
      planFingerprint: fingerprint,
    });
    // A paused campaign keeps a plan to look at, but asks nobody to file.
    const rows =
      campaign.status === 'open'
        ? plans.flatMap(({ sellerId, plan }) => plan.tasks.map((task) => toTaskRow(sellerId, task)))
        : [];
    return {
      outcome: 'planned',
      tasks: await syncTasks(trx, campaignId, rows, existing),
      fingerprint,
    };
  });
}
