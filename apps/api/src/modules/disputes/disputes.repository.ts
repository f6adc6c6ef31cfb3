import type { Marketplace } from '@counterpoint/core';
import type { DisputeStatusColumn, Db } from '@counterpoint/db';
import { sql } from 'kysely';

export interface DisputeRow {
  id: string;
  status: DisputeStatusColumn;
  sellerId: string;
  marketplace: Marketplace;
  storeId: string;
  name: string | null;
  contactEmail: string;
  statement: string;
  evidenceUrl: string | null;
  submittedAt: Date;
  resolvedAt: Date | null;
  publicNote: string | null;
}

/** All Kysely code of disputes: the public's submissions and the admins' reviews. */
export class DisputesRepository {
  constructor(private readonly db: Db) {}

  /** The listed seller behind a public page, or undefined when it is not on the watchlist. */
  async findListedSeller(
    marketplace: Marketplace,
    storeId: string,
  ): Promise<{ sellerId: string } | undefined> {
    return this.db
      .selectFrom('publicWatchlist')
      .select('sellerId')
      .where('marketplace', '=', marketplace)
      .where('storeId', '=', storeId)
      .executeTakeFirst();
  }

  async countOpen(sellerId: string): Promise<number> {
    const row = await this.db
      .selectFrom('sellerDisputes')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('sellerId', '=', sellerId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async insert(values: {
    sellerId: string;
    contactEmail: string;
    statement: string;
    evidenceUrl: string | null;
    submittedAt: Date;
  }) {
    return this.db
      .insertInto('sellerDisputes')
      .values(values)
      .returning(['id', 'submittedAt'])
      .executeTakeFirstOrThrow();
  }

  /** Collectives where the artist is an owner or admin (optionally just one of them). */
  async adminCollectives(
    artistId: string,
    collectiveId?: string,
  ): Promise<{ id: string; name: string }[]> {
    let query = this.db
      .selectFrom('memberships')
      .innerJoin('collectives', 'collectives.id', 'memberships.collectiveId')
      .select(['collectives.id', 'collectives.name'])
      .where('memberships.artistId', '=', artistId)
      .where('memberships.role', 'in', ['owner', 'admin']);
    if (collectiveId) query = query.where('collectives.id', '=', collectiveId);
    return query.orderBy('collectives.name').execute();
  }

  /**
   * For each seller, which of these collectives have a member who complained about it in a
   * complaint shared beyond its author (the facts the watchlist can rest on).
   */
  async concernedCollectives(
    sellerIds: string[],
    collectiveIds: string[],
  ): Promise<Map<string, string[]>> {
    if (sellerIds.length === 0 || collectiveIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('complaintListings as cl')
      .innerJoin('complaints as c', 'c.id', 'cl.complaintId')
      .innerJoin('memberships as m', 'm.artistId', 'c.artistId')
      .select(['cl.sellerId', 'm.collectiveId'])
      .distinct()
      .where('cl.sellerId', 'in', sellerIds)
      .where('c.visibility', '<>', 'private')
      .where('m.collectiveId', 'in', collectiveIds)
      .execute();
    const bySeller = new Map<string, string[]>();
    for (const row of rows)
      bySeller.set(row.sellerId!, [...(bySeller.get(row.sellerId!) ?? []), row.collectiveId]);
    return bySeller;
  }

  async list(filter: {
    collectiveIds: string[];
    status: DisputeStatusColumn;
    after: { submittedAt: string; id: string } | null;
    limit: number;
  }): Promise<DisputeRow[]> {
    let query = this.selectDisputes()
      .where('d.status', '=', filter.status)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('complaintListings as cl')
            .innerJoin('complaints as c', 'c.id', 'cl.complaintId')
            .innerJoin('memberships as m', 'm.artistId', 'c.artistId')
            .select(eb.lit(1).as('one'))
            .whereRef('cl.sellerId', '=', 'd.sellerId')
            .where('c.visibility', '<>', 'private')
            .where('m.collectiveId', 'in', filter.collectiveIds),
        ),
      );
    if (filter.after) {
      query = query.where(
        sql<boolean>`(d.submitted_at, d.id) < (${filter.after.submittedAt}::timestamptz, ${filter.after.id}::uuid)`,
      );
    }
    return query
      .orderBy('d.submittedAt', 'desc')
      .orderBy('d.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  async findById(
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<DisputeRow | undefined> {
    let query = this.selectDisputes().where('d.id', '=', id);
    if (options.forUpdate) query = query.forUpdate('d');
    return query.executeTakeFirst();
  }

  async resolve(
    id: string,
    values: {
      status: 'upheld' | 'rejected';
      publicNote: string;
      resolvedBy: string;
      resolvedCollectiveId: string;
      resolvedAt: Date;
    },
  ) {
    await this.db
      .updateTable('sellerDisputes')
      .set(values)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .execute();
  }

  private selectDisputes() {
    return this.db
      .selectFrom('sellerDisputes as d')
      .innerJoin('sellers as s', 's.id', 'd.sellerId')
      .select([
        'd.id',
        'd.status',
        'd.sellerId',
        's.marketplace',
        's.storeId',
        's.name',
        'd.contactEmail',
        'd.statement',
        'd.evidenceUrl',
        'd.submittedAt',
        'd.resolvedAt',
        'd.publicNote',
      ]);
  }
}
