import type { CampaignStatus, CampaignTaskStatus } from '@counterpoint/core/contracts';
import type { Db, MarketplaceColumn } from '@counterpoint/db';
import { sql } from 'kysely';

export interface CampaignRow {
  id: string;
  collectiveId: string;
  name: string;
  goalPoints: number;
  endsOn: string | null;
  status: CampaignStatus;
  inputsVersion: number;
  plan: unknown;
  planVersion: number | null;
  planComputedAt: Date | null;
  planAsOf: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CampaignSellerRow {
  campaignId: string;
  id: string;
  marketplace: MarketplaceColumn;
  storeId: string;
  name: string | null;
  storeUrl: string;
  confirmedPoints: number | null;
  tierLabel: string | null;
}

export interface ParticipantRow {
  campaignId: string;
  artistId: string;
  displayName: string;
  unavailableWeekdays: number[];
  unavailableDates: string[];
  maxPerWeek: number | null;
  joinedAt: Date;
}

/** Campaigns, their target sellers and their participants. */
export class CampaignsRepository {
  constructor(private readonly db: Db) {}

  private campaigns() {
    return this.db
      .selectFrom('campaigns')
      .leftJoin('artists', 'artists.id', 'campaigns.createdBy')
      .select([
        'campaigns.id',
        'campaigns.collectiveId',
        'campaigns.name',
        'campaigns.goalPoints',
        'campaigns.endsOn',
        'campaigns.status',
        'campaigns.inputsVersion',
        'campaigns.plan',
        'campaigns.planVersion',
        'campaigns.planComputedAt',
        'campaigns.planAsOf',
        'campaigns.createdBy',
        'artists.displayName as createdByName',
        'campaigns.createdAt',
        'campaigns.updatedAt',
      ]);
  }

  findCampaign(collectiveId: string, campaignId: string): Promise<CampaignRow | undefined> {
    return this.campaigns()
      .where('campaigns.id', '=', campaignId)
      .where('campaigns.collectiveId', '=', collectiveId)
      .executeTakeFirst();
  }

  /** Locks the campaign so changes to it, filings and re-plans run one at a time. */
  async lockCampaign(collectiveId: string, campaignId: string): Promise<CampaignRow | undefined> {
    const locked = await this.db
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', campaignId)
      .where('collectiveId', '=', collectiveId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    return locked ? this.findCampaign(collectiveId, campaignId) : undefined;
  }

  listCampaigns(collectiveId: string): Promise<CampaignRow[]> {
    return this.campaigns()
      .where('campaigns.collectiveId', '=', collectiveId)
      .orderBy(
        sql`CASE ${sql.ref('campaigns.status')} WHEN 'open' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END`,
      )
      .orderBy('campaigns.createdAt', 'desc')
      .orderBy('campaigns.id')
      .execute();
  }

  insertCampaign(values: {
    collectiveId: string;
    name: string;
    goalPoints: number;
    endsOn: string | null;
    createdBy: string;
  }) {
    return this.db.insertInto('campaigns').values(values).returning('id').executeTakeFirstOrThrow();
  }

  async updateCampaign(
    campaignId: string,
    patch: { name?: string; goalPoints?: number; endsOn?: string | null; status?: CampaignStatus },
  ): Promise<void> {
    await this.db
      .updateTable('campaigns')
      .set({ ...patch, updatedAt: new Date() })
      .where('id', '=', campaignId)
      .execute();
  }

  findSellers(sellerIds: string[]) {
    if (sellerIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('sellers')
      .select(['id', 'marketplace', 'storeId', 'name'])
      .where('id', 'in', sellerIds)
      .execute();
  }

  async replaceSellers(campaignId: string, sellerIds: string[]): Promise<void> {
    await this.db.deleteFrom('campaignSellers').where('campaignId', '=', campaignId).execute();
    await this.db
      .insertInto('campaignSellers')
      .values(sellerIds.map((sellerId) => ({ campaignId, sellerId })))
      .execute();
  }

  listSellers(campaignIds: string[]): Promise<CampaignSellerRow[]> {
    if (campaignIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('campaignSellers')
      .innerJoin('sellers', 'sellers.id', 'campaignSellers.sellerId')
      .leftJoin('sellerStandings', 'sellerStandings.sellerId', 'sellers.id')
      .select([
        'campaignSellers.campaignId',
        'sellers.id',
        'sellers.marketplace',
        'sellers.storeId',
        'sellers.name',
        'sellers.storeUrl',
        'sellerStandings.confirmedPoints',
        sql<string | null>`${sql.ref('sellerStandings.estimate')} -> 'tier' ->> 'label'`.as(
          'tierLabel',
        ),
      ])
      .where('campaignSellers.campaignId', 'in', campaignIds)
      .orderBy('sellers.id')
      .execute();
  }

  /** Participants who are still members of the campaign's collective. */
  listParticipants(campaignIds: string[]): Promise<ParticipantRow[]> {
    if (campaignIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('campaignParticipants')
      .innerJoin('campaigns', 'campaigns.id', 'campaignParticipants.campaignId')
      .innerJoin('memberships', (join) =>
        join
          .onRef('memberships.collectiveId', '=', 'campaigns.collectiveId')
          .onRef('memberships.artistId', '=', 'campaignParticipants.artistId'),
      )
      .innerJoin('artists', 'artists.id', 'campaignParticipants.artistId')
      .select([
        'campaignParticipants.campaignId',
        'campaignParticipants.artistId',
        'artists.displayName',
        'campaignParticipants.unavailableWeekdays',
        // date[] would come back as Dates; the API speaks in calendar days.
        sql<string[]>`${sql.ref('campaignParticipants.unavailableDates')}::text[]`.as(
          'unavailableDates',
        ),
        'campaignParticipants.maxPerWeek',
        'campaignParticipants.joinedAt',
      ])
      .where('campaignParticipants.campaignId', 'in', campaignIds)
      .orderBy('artists.displayName')
      .orderBy('campaignParticipants.artistId')
      .execute();
  }

  /** Inserts or replaces the member's constraints; true when the member newly joined. */
  async upsertParticipant(values: {
    campaignId: string;
    artistId: string;
    unavailableWeekdays: number[];
    unavailableDates: string[];
    maxPerWeek: number | null;
  }): Promise<boolean> {
    const row = await this.db
      .insertInto('campaignParticipants')
      .values(values)
      .onConflict((conflict) =>
        conflict.columns(['campaignId', 'artistId']).doUpdateSet({
          unavailableWeekdays: values.unavailableWeekdays,
          unavailableDates: values.unavailableDates,
          maxPerWeek: values.maxPerWeek,
        }),
      )
      .returning(sql<boolean>`xmax = 0`.as('isNew'))
      .executeTakeFirstOrThrow();
    return row.isNew;
  }

  async deleteParticipant(campaignId: string, artistId: string): Promise<boolean> {
    const deleted = await this.db
      .deleteFrom('campaignParticipants')
      .where('campaignId', '=', campaignId)
      .where('artistId', '=', artistId)
      .returning('artistId')
      .executeTakeFirst();
    return deleted !== undefined;
  }

  /** Task counts by status, with overdue planned tasks counted apart. */
  async countTasks(
    campaignId: string,
    today: string,
  ): Promise<Record<CampaignTaskStatus | 'overdue', number>> {
    const rows = await this.db
      .selectFrom('campaignTasks')
      .select([
        'status',
        sql<number>`count(*)::int`.as('count'),
        sql<number>`count(*) FILTER (WHERE planned_on < ${today}::date)::int`.as('overdue'),
      ])
      .where('campaignId', '=', campaignId)
      .groupBy('status')
      .execute();
    const counts = { planned: 0, filed: 0, skipped: 0, cancelled: 0, overdue: 0 };
    for (const row of rows) {
      counts[row.status] = row.count;
      if (row.status === 'planned') counts.overdue = row.overdue;
    }
    return counts;
  }

  /** Cancels planned tasks (all, or one member's) and closes their reminders; returns how many. */
  async cancelPlannedTasks(campaignId: string, artistId?: string): Promise<number> {
    let query = this.db
      .updateTable('campaignTasks')
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where('campaignId', '=', campaignId)
      .where('status', '=', 'planned');
    if (artistId !== undefined) query = query.where('artistId', '=', artistId);
    const cancelled = await query.returning('id').execute();
    if (cancelled.length > 0) {
      await this.db
        .updateTable('reminders')
        .set({ doneAt: new Date() })
        .where(
          'campaignTaskId',
          'in',
          cancelled.map((task) => task.id),
        )
        .where('doneAt', 'is', null)
        .execute();
    }
    return cancelled.length;
  }
}
