import type { IprType } from '@counterpoint/core';
import type { CampaignTaskStatus } from '@counterpoint/core/contracts';
import type { Db, IprStatusColumn, MarketplaceColumn } from '@counterpoint/db';

export interface TaskRow {
  id: string;
  campaignId: string;
  status: CampaignTaskStatus;
  artistId: string;
  artistName: string;
  sellerId: string;
  sellerMarketplace: MarketplaceColumn;
  sellerStoreId: string;
  sellerName: string | null;
  marketplace: MarketplaceColumn;
  plannedOn: string;
  expectedEstablishedOn: string | null;
  part: number;
  partCount: number;
  isOnOwnDay: boolean;
  artworkId: string;
  artworkTitle: string;
  iprType: IprType;
  iprReference: string | null;
  iprStatus: IprStatusColumn;
  listingIds: string[];
  explanation: string;
  complaintId: string | null;
  filedOn: string | null;
  skipReason: string | null;
  updatedAt: Date;
}

export interface TaskListingRow {
  id: string;
  canonicalUrl: string;
}

/** Campaign tasks with what a member needs to file them. */
export class CampaignTasksRepository {
  constructor(private readonly db: Db) {}

  private tasks() {
    return this.db
      .selectFrom('campaignTasks')
      .innerJoin('artists', 'artists.id', 'campaignTasks.artistId')
      .innerJoin('sellers', 'sellers.id', 'campaignTasks.sellerId')
      .innerJoin('artworks', 'artworks.id', 'campaignTasks.artworkId')
      .select([
        'campaignTasks.id',
        'campaignTasks.campaignId',
        'campaignTasks.status',
        'campaignTasks.artistId',
        'artists.displayName as artistName',
        'sellers.id as sellerId',
        'sellers.marketplace as sellerMarketplace',
        'sellers.storeId as sellerStoreId',
        'sellers.name as sellerName',
        'campaignTasks.marketplace',
        'campaignTasks.plannedOn',
        'campaignTasks.expectedEstablishedOn',
        'campaignTasks.part',
        'campaignTasks.partCount',
        'campaignTasks.isOnOwnDay',
        'campaignTasks.artworkId',
        'artworks.title as artworkTitle',
        'artworks.iprType',
        'artworks.ippIprReference as iprReference',
        'artworks.iprStatus',
        'campaignTasks.listingIds',
        'campaignTasks.explanation',
        'campaignTasks.complaintId',
        'campaignTasks.filedOn',
        'campaignTasks.skipReason',
        'campaignTasks.updatedAt',
      ]);
  }

  list(
    campaignId: string,
    filters: { artistId?: string; status?: CampaignTaskStatus },
  ): Promise<TaskRow[]> {
    let query = this.tasks().where('campaignTasks.campaignId', '=', campaignId);
    if (filters.artistId) query = query.where('campaignTasks.artistId', '=', filters.artistId);
    if (filters.status) query = query.where('campaignTasks.status', '=', filters.status);
    return query
      .orderBy('campaignTasks.plannedOn')
      .orderBy('campaignTasks.taskKey')
      .limit(2000)
      .execute();
  }

  find(campaignId: string, taskId: string): Promise<TaskRow | undefined> {
    return this.tasks()
      .where('campaignTasks.campaignId', '=', campaignId)
      .where('campaignTasks.id', '=', taskId)
      .executeTakeFirst();
  }

  /** Locks the task row; the campaign row is locked first by the caller. */
  lock(campaignId: string, taskId: string) {
    return this.db
      .selectFrom('campaignTasks')
      .select(['id', 'artistId', 'status', 'artworkId', 'listingIds'])
      .where('campaignId', '=', campaignId)
      .where('id', '=', taskId)
      .forUpdate()
      .executeTakeFirst();
  }

  listListings(listingIds: string[]): Promise<TaskListingRow[]> {
    if (listingIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('listings')
      .select(['id', 'canonicalUrl'])
      .where('id', 'in', [...new Set(listingIds)])
      .execute();
  }

  async markFiled(taskId: string, values: { complaintId: string; filedOn: string }): Promise<void> {
    await this.db
      .updateTable('campaignTasks')
      .set({ status: 'filed', ...values, updatedAt: new Date() })
      .where('id', '=', taskId)
      .execute();
    await this.closeReminder(taskId);
  }

  async markSkipped(taskId: string, skipReason: string): Promise<void> {
    await this.db
      .updateTable('campaignTasks')
      .set({ status: 'skipped', skipReason, updatedAt: new Date() })
      .where('id', '=', taskId)
      .execute();
    await this.closeReminder(taskId);
  }

  private async closeReminder(taskId: string): Promise<void> {
    await this.db
      .updateTable('reminders')
      .set({ doneAt: new Date() })
      .where('campaignTaskId', '=', taskId)
      .where('doneAt', 'is', null)
      .execute();
  }
}
