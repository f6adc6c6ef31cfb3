import { defaultComplaintReason, formatComplaintPasteList, toIsoDate } from '@counterpoint/core';
import type {
  CampaignTaskStatus,
  CampaignTaskView,
  FileCampaignTaskBody,
  SkipCampaignTaskBody,
} from '@counterpoint/core/contracts';
import { writeAudit, type Db } from '@counterpoint/db';
import { AppError, forbidden, notFound } from '../../errors';
import type { Actor } from '../collectives/collective.mappers';
import { ComplaintService } from '../complaints/complaint.service';
import { lockCampaignAsMember, readCampaignAsMember } from './campaign-access';
import { markCampaignsChanged } from './campaign-inputs';
import {
  CampaignTasksRepository,
  type TaskListingRow,
  type TaskRow,
} from './campaign-tasks.repository';
import type { CampaignRow } from './campaigns.repository';
import { joinTransaction } from './join-transaction';

const STATUS_PHRASES: Record<Exclude<CampaignTaskStatus, 'planned'>, string> = {
  filed: 'was already recorded as filed',
  skipped: 'was skipped',
  cancelled: 'is no longer in the plan',
};

function toTaskView(
  row: TaskRow,
  listings: ReadonlyMap<string, TaskListingRow>,
  viewerId: string,
  today: string,
): CampaignTaskView {
  const taskListings = row.listingIds
    .map((id) => listings.get(id))
    .filter((listing): listing is TaskListingRow => listing !== undefined)
    .sort((left, right) => (left.canonicalUrl < right.canonicalUrl ? -1 : 1));
  const urls = taskListings.map((listing) => listing.canonicalUrl);
  const pasted = formatComplaintPasteList(urls, { marketplace: row.marketplace });
  return {
    id: row.id,
    campaignId: row.campaignId,
    status: row.status,
    artist: { id: row.artistId, displayName: row.artistName, isYou: row.artistId === viewerId },
    seller: {
      id: row.sellerId,
      marketplace: row.sellerMarketplace,
      storeId: row.sellerStoreId,
      name: row.sellerName,
    },
    marketplace: row.marketplace,
    fileOn: row.plannedOn,
    expectedEstablishedOn: row.expectedEstablishedOn,
    isOverdue: row.status === 'planned' && row.plannedOn < today,
    part: row.part,
    partCount: row.partCount,
    isOnOwnDay: row.isOnOwnDay,
    ipr: {
      artworkId: row.artworkId,
      artworkTitle: row.artworkTitle,
      iprReference: row.iprReference,
      iprStatus: row.iprStatus,
    },
    listings: taskListings.map((listing) => ({
      id: listing.id,
      canonicalUrl: listing.canonicalUrl,
    })),
    pasteList: pasted.ok ? pasted.chunks.map((chunk) => chunk.text).join('\n\n') : urls.join('\n'),
    reasonText: defaultComplaintReason(row.artworkTitle, row.iprType),
    explanation: row.explanation,
    complaintId: row.complaintId,
    filedOn: row.filedOn,
    skipReason: row.skipReason,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Campaign tasks: every member sees the plan's tasks, and records their own as filed (which
 * creates the complaint through the complaint rules) or skipped. Nobody files another member's
 * task: a complaint must come from the rights holder of the artwork.
 */
export class CampaignTasksService {
  constructor(private readonly db: Db) {}

  async list(
    viewerId: string,
    collectiveId: string,
    campaignId: string,
    query: { scope: 'mine' | 'all'; status?: CampaignTaskStatus | undefined },
    now: Date,
  ): Promise<CampaignTaskView[]> {
    await readCampaignAsMember(this.db, collectiveId, campaignId, viewerId);
    const repository = new CampaignTasksRepository(this.db);
    const rows = await repository.list(campaignId, {
      ...(query.scope === 'mine' ? { artistId: viewerId } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    return this.toViews(repository, rows, viewerId, now);
  }

  async get(
    viewerId: string,
    collectiveId: string,
    campaignId: string,
    taskId: string,
    now: Date,
  ): Promise<CampaignTaskView> {
    await readCampaignAsMember(this.db, collectiveId, campaignId, viewerId);
    return this.load(new CampaignTasksRepository(this.db), campaignId, taskId, viewerId, now);
  }

  /** Records the task as filed on IPP: its complaint is created in the same transaction. */
  async file(
    actor: Actor,
    collectiveId: string,
    campaignId: string,
    taskId: string,
    body: FileCampaignTaskBody,
    now: Date,
  ): Promise<CampaignTaskView> {
    return this.db.transaction().execute(async (trx) => {
      const { repository, task } = await this.lockOwnPlannedTask(
        trx,
        actor,
        collectiveId,
        campaignId,
        taskId,
        'record it as filed',
      );
      const filedOn = body.filedOn ?? toIsoDate(now);
      const complaint = await new ComplaintService(joinTransaction(trx)).create(
        actor.artistId,
        {
          artworkId: task.artworkId,
          listingIds: task.listingIds,
          listingUrls: [],
          status: 'submitted',
          filedOn,
          ...(body.ippReference === undefined ? {} : { ippReference: body.ippReference }),
          severity: 'general',
          visibility: 'collective',
        },
        actor.ip,
        now,
      );
      await repository.markFiled(taskId, { complaintId: complaint.id, filedOn });
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'campaign.task_filed',
        subjectType: 'campaign_task',
        subjectId: taskId,
        collectiveId,
        after: { campaignId, complaintId: complaint.id, filedOn, listings: task.listingIds.length },
        ip: actor.ip,
      });
      await markCampaignsChanged(trx, [campaignId]);
      return this.load(repository, campaignId, taskId, actor.artistId, now);
    });
  }

  /** The member will not file this complaint; the next plan works around it. */
  async skip(
    actor: Actor,
    collectiveId: string,
    campaignId: string,
    taskId: string,
    body: SkipCampaignTaskBody,
    now: Date,
  ): Promise<CampaignTaskView> {
    return this.db.transaction().execute(async (trx) => {
      const { repository } = await this.lockOwnPlannedTask(
        trx,
        actor,
        collectiveId,
        campaignId,
        taskId,
        'skip it',
      );
      await repository.markSkipped(taskId, body.reason);
      await writeAudit(trx, {
        actorArtistId: actor.artistId,
        action: 'campaign.task_skipped',
        subjectType: 'campaign_task',
        subjectId: taskId,
        collectiveId,
        after: { campaignId, reason: body.reason },
        ip: actor.ip,
      });
      await markCampaignsChanged(trx, [campaignId]);
      return this.load(repository, campaignId, taskId, actor.artistId, now);
    });
  }

  /**
   * Locks the campaign, then the task, and checks that the caller may act on it: a member of
   * the collective (404 otherwise), the task's own member (403), a planned task (409) of an
   * open campaign (409).
   */
  private async lockOwnPlannedTask(
    trx: Db,
    actor: Actor,
    collectiveId: string,
    campaignId: string,
    taskId: string,
    action: string,
  ) {
    const { campaign } = await lockCampaignAsMember(trx, collectiveId, campaignId, actor.artistId);
    const repository = new CampaignTasksRepository(trx);
    const task = await repository.lock(campaignId, taskId);
    if (!task) throw notFound('This task');
    if (task.artistId !== actor.artistId) {
      throw forbidden(
        'Only the member a task is planned for can act on it: every complaint comes from the rights holder, for their own work.',
      );
    }
    if (task.status !== 'planned') {
      throw new AppError(
        'conflict',
        `This task ${STATUS_PHRASES[task.status]}, so you cannot ${action}.`,
        {
          status: task.status,
        },
      );
    }
    requireOpen(campaign, action);
    return { repository, task };
  }

  private async load(
    repository: CampaignTasksRepository,
    campaignId: string,
    taskId: string,
    viewerId: string,
    now: Date,
  ): Promise<CampaignTaskView> {
    const row = await repository.find(campaignId, taskId);
    if (!row) throw notFound('This task');
    const [view] = await this.toViews(repository, [row], viewerId, now);
    return view!;
  }

  private async toViews(
    repository: CampaignTasksRepository,
    rows: TaskRow[],
    viewerId: string,
    now: Date,
  ): Promise<CampaignTaskView[]> {
    const listings = await repository.listListings(rows.flatMap((row) => row.listingIds));
    const byId = new Map(listings.map((listing) => [listing.id, listing]));
    const today = toIsoDate(now);
    return rows.map((row) => toTaskView(row, byId, viewerId, today));
  }
}

function requireOpen(campaign: CampaignRow, action: string): void {
  if (campaign.status !== 'open') {
    throw new AppError(
      'conflict',
      `This campaign is ${campaign.status}, so you cannot ${action}.`,
      {
        status: campaign.status,
      },
    );
  }
}
