import { toIsoDate, type Marketplace, type Ruleset } from '@counterpoint/core';
import type {
  CampaignDetail,
  CampaignParticipant,
  CampaignSummary,
  CreateCampaignBody,
  ParticipationBody,
  UpdateCampaignBody,
} from '@counterpoint/core/contracts';
import { writeAudit, type Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { lockAsMember, readRole } from '../collectives/collective-access';
import type { Actor } from '../collectives/collective.mappers';
import { requireRole } from '../collectives/collective-permissions';
import { CollectivesRepository } from '../collectives/collectives.repository';
import {
  lockCampaignAsMember,
  readCampaignAsMember,
  requireNotClosed,
  resolveGoal,
} from './campaign-access';
import { markCampaignsChanged } from './campaign-inputs';
import {
  readStoredPlan,
  toCampaignSummary,
  toParticipantView,
  toSellerPlanView,
} from './campaign.mappers';
import { CampaignsRepository } from './campaigns.repository';

/**
 * Campaigns of a collective: admins create, edit, pause and close them; members opt in and out
 * with their own constraints. Every change runs in one transaction with an audit event (tagged
 * with the collective, so its admins can read it) and asks the worker to re-plan.
 */
export class CampaignsService {
  private readonly repository: CampaignsRepository;

  constructor(
    private readonly db: Db,
    private readonly rulesets: ReadonlyMap<Marketplace, Ruleset>,
  ) {
    this.repository = new CampaignsRepository(db);
  }

  async create(
    actor: Actor,
    collectiveId: string,
    body: CreateCampaignBody,
    now: Date,
  ): Promise<CampaignDetail> {
    const campaignId = await this.db.transaction().execute(async (trx) => {
      const { role } = await lockAsMember(
        new CollectivesRepository(trx),
        collectiveId,
        actor.artistId,
      );
      requireRole(role, 'admin', 'create campaigns');
      const repository = new CampaignsRepository(trx);
      const marketplaces = await this.requireSellers(repository, body.sellerIds);
      const goalPoints = resolveGoal(this.rulesets, marketplaces, body.goalPoints);
      const endsOn = body.endsOn ?? null;
      checkEndsOn(endsOn, now);
      const { id } = await repository.insertCampaign({
        collectiveId,
        name: body.name,
        goalPoints,
        endsOn,
        createdBy: actor.artistId,
      });
      await repository.replaceSellers(id, body.sellerIds);
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'campaign.created',
        subjectType: 'campaign',
        subjectId: id,
        collectiveId,
        after: { name: body.name, sellerIds: body.sellerIds, goalPoints, endsOn },
        ip: actor.ip,
      });
      await markCampaignsChanged(trx, [id]);
      return id;
    });
    return this.get(actor.artistId, collectiveId, campaignId, now);
  }

  async list(viewerId: string, collectiveId: string): Promise<CampaignSummary[]> {
    await readRole(new CollectivesRepository(this.db), collectiveId, viewerId);
    const rows = await this.repository.listCampaigns(collectiveId);
    const ids = rows.map((row) => row.id);
    const [sellers, participants] = await Promise.all([
      this.repository.listSellers(ids),
      this.repository.listParticipants(ids),
    ]);
    return rows.map((row) => toCampaignSummary(row, sellers, participants, viewerId));
  }

  async get(
    viewerId: string,
    collectiveId: string,
    campaignId: string,
    now: Date,
  ): Promise<CampaignDetail> {
    const { role, campaign } = await readCampaignAsMember(
      this.db,
      collectiveId,
      campaignId,
      viewerId,
    );
    const [sellers, participants, taskCounts] = await Promise.all([
      this.repository.listSellers([campaignId]),
      this.repository.listParticipants([campaignId]),
      this.repository.countTasks(campaignId, toIsoDate(now)),
    ]);
    const plan = readStoredPlan(campaign);
    return {
      ...toCampaignSummary(campaign, sellers, participants, viewerId),
      role,
      createdBy:
        campaign.createdBy && campaign.createdByName
          ? { id: campaign.createdBy, displayName: campaign.createdByName }
          : null,
      participants: participants.map((participant) => toParticipantView(participant, viewerId)),
      plan:
        plan && campaign.planComputedAt
          ? {
              asOf: plan.asOf,
              computedAt: campaign.planComputedAt.toISOString(),
              isCurrent: campaign.planVersion === campaign.inputsVersion,
              warnings: plan.warnings,
              sellers: plan.sellers.map(toSellerPlanView),
            }
          : null,
      taskCounts,
    };
  }

  async update(
    actor: Actor,
    collectiveId: string,
    campaignId: string,
    body: UpdateCampaignBody,
    now: Date,
  ): Promise<CampaignDetail> {
    await this.db.transaction().execute(async (trx) => {
      const { role } = await lockAsMember(
        new CollectivesRepository(trx),
        collectiveId,
        actor.artistId,
      );
      const repository = new CampaignsRepository(trx);
      const campaign = await repository.lockCampaign(collectiveId, campaignId);
      if (!campaign) throw notFound('This campaign');
      requireRole(role, 'admin', 'change campaigns');
      requireNotClosed(campaign, 'change it');

      const sellerIds =
        body.sellerIds ?? (await repository.listSellers([campaignId])).map((seller) => seller.id);
      const marketplaces = await this.requireSellers(repository, sellerIds);
      // A goal that the new targets' ladders lack must be given again.
      const goalPoints = resolveGoal(
        this.rulesets,
        marketplaces,
        body.goalPoints ?? (body.sellerIds ? undefined : campaign.goalPoints),
      );
      if (body.endsOn !== undefined) checkEndsOn(body.endsOn, now);
      const patch = {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.endsOn === undefined ? {} : { endsOn: body.endsOn }),
        ...(body.status === undefined ? {} : { status: body.status }),
        goalPoints,
      };
      await repository.updateCampaign(campaignId, patch);
      if (body.sellerIds) await repository.replaceSellers(campaignId, body.sellerIds);
      // Nobody is asked to file for a paused or closed campaign, from now on.
      const cancelledTasks =
        body.status === 'paused' || body.status === 'closed'
          ? await repository.cancelPlannedTasks(campaignId)
          : 0;
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: body.status === 'closed' ? 'campaign.closed' : 'campaign.updated',
        subjectType: 'campaign',
        subjectId: campaignId,
        collectiveId,
        before: {
          name: campaign.name,
          goalPoints: campaign.goalPoints,
          endsOn: campaign.endsOn,
          status: campaign.status,
        },
        after: { ...patch, ...(body.sellerIds ? { sellerIds } : {}), cancelledTasks },
        ip: actor.ip,
      });
      await markCampaignsChanged(trx, [campaignId]);
    });
    return this.get(actor.artistId, collectiveId, campaignId, now);
  }

  /** Asks the worker to re-plan now (admins), e.g. after facts were corrected by hand. */
  async requestReplan(actor: Actor, collectiveId: string, campaignId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const { role, campaign } = await lockCampaignAsMember(
        trx,
        collectiveId,
        campaignId,
        actor.artistId,
      );
      requireRole(role, 'admin', 'ask for a new plan');
      requireNotClosed(campaign, 'plan it again');
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'campaign.replan_requested',
        subjectType: 'campaign',
        subjectId: campaignId,
        collectiveId,
        ip: actor.ip,
      });
      await markCampaignsChanged(trx, [campaignId]);
    });
  }

  /** Opts the caller in, or replaces their constraints. */
  async participate(
    actor: Actor,
    collectiveId: string,
    campaignId: string,
    body: ParticipationBody,
  ): Promise<CampaignParticipant> {
    return this.db.transaction().execute(async (trx) => {
      const { campaign } = await lockCampaignAsMember(
        trx,
        collectiveId,
        campaignId,
        actor.artistId,
      );
      requireNotClosed(campaign, 'join it');
      const repository = new CampaignsRepository(trx);
      const constraints = {
        unavailableWeekdays: [...body.unavailableWeekdays].sort((a, b) => a - b),
        unavailableDates: [...new Set(body.unavailableDates)].sort(),
        maxPerWeek: body.maxPerWeek,
      };
      if (constraints.unavailableWeekdays.length === 7) {
        throw new AppError(
          'validation_failed',
          'With every weekday unavailable you could never file; leave at least one day open.',
        );
      }
      const isNew = await repository.upsertParticipant({
        campaignId,
        artistId: actor.artistId,
        ...constraints,
      });
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: isNew ? 'campaign.joined' : 'campaign.participation_changed',
        subjectType: 'campaign',
        subjectId: campaignId,
        collectiveId,
        after: constraints,
        ip: actor.ip,
      });
      await markCampaignsChanged(trx, [campaignId]);
      const participant = (await repository.listParticipants([campaignId])).find(
        (row) => row.artistId === actor.artistId,
      );
      if (!participant) throw notFound('Your participation');
      return toParticipantView(participant, actor.artistId);
    });
  }

  /** Opts the caller out: their planned tasks are cancelled now; filed ones stay on record. */
  async leave(actor: Actor, collectiveId: string, campaignId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await lockCampaignAsMember(trx, collectiveId, campaignId, actor.artistId);
      const repository = new CampaignsRepository(trx);
      if (!(await repository.deleteParticipant(campaignId, actor.artistId))) {
        throw new AppError('not_found', 'You are not taking part in this campaign.');
      }
      const cancelledTasks = await repository.cancelPlannedTasks(campaignId, actor.artistId);
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'campaign.left',
        subjectType: 'campaign',
        subjectId: campaignId,
        collectiveId,
        after: { cancelledTasks },
        ip: actor.ip,
      });
      await markCampaignsChanged(trx, [campaignId]);
    });
  }

  private async requireSellers(
    repository: CampaignsRepository,
    sellerIds: string[],
  ): Promise<Marketplace[]> {
    const sellers = await repository.findSellers(sellerIds);
    if (sellers.length !== sellerIds.length) {
      const found = new Set(sellers.map((seller) => seller.id));
      const missing = sellerIds.filter((id) => !found.has(id));
      throw new AppError('not_found', `Unknown seller(s): ${missing.join(', ')}.`, { missing });
    }
    return sellers.map((seller) => seller.marketplace);
  }
}

/**
 * An end date is a day still to come (or today, anywhere on Earth: UTC-12 is the latest to
 * leave a day behind): a campaign cannot end in the past.
 */
function checkEndsOn(endsOn: string | null, now: Date): void {
  if (endsOn !== null && endsOn < toIsoDate(new Date(now.getTime() - 12 * 3_600_000))) {
    throw new AppError(
      'validation_failed',
      `The end date ${endsOn} has already passed; give today or a later day, or no end.`,
    );
  }
}
