import type { Marketplace } from '@counterpoint/core';
import type { PublicWatchlistSort } from '@counterpoint/core/contracts';
import type { Db } from '@counterpoint/db';
import { sql } from 'kysely';

/** The snapshot column each public sort reads (descending, then by seller id). */
export const SORT_COLUMNS = {
  points: 'points',
  complaints: 'establishedComplaints',
  artists: 'distinctArtists',
  recent: 'lastEstablishedDay',
  added: 'listedOrder',
} as const satisfies Record<PublicWatchlistSort, string>;

const SQL_COLUMNS: Record<PublicWatchlistSort, string> = {
  points: 'points',
  complaints: 'established_complaints',
  artists: 'distinct_artists',
  recent: 'last_established_day',
  added: 'listed_order',
};

export interface WatchlistPageFilter {
  marketplace?: Marketplace;
  minPoints?: number;
  tier?: number;
  sort: PublicWatchlistSort;
  after: { key: number; sellerId: string } | null;
  limit: number;
}

/**
 * Reads of the public snapshot only: rows the worker made ready to serve. Nothing here
 * touches complaints, artists or notes, so no query can leak them.
 */
export class PublicRepository {
  constructor(private readonly db: Db) {}

  async snapshotVersion(): Promise<number> {
    const row = await this.db
      .selectFrom('publicSnapshot')
      .select('version')
      .where('id', '=', 1)
      .executeTakeFirst();
    return row?.version ?? 0;
  }

  async snapshotInfo(): Promise<{ version: number; refreshedAt: Date; policy: unknown }> {
    return this.db
      .selectFrom('publicSnapshot')
      .select(['version', 'refreshedAt', 'policy'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
  }

  /** One keyset page (one row more than asked, to know whether another page follows). */
  async watchlistPage(
    filter: WatchlistPageFilter,
  ): Promise<{ sellerId: string; key: number; entry: string }[]> {
    const column = SORT_COLUMNS[filter.sort];
    let query = this.db
      .selectFrom('publicWatchlist')
      .select(['sellerId', `${column} as key`, 'entry']);
    if (filter.marketplace) query = query.where('marketplace', '=', filter.marketplace);
    if (filter.minPoints !== undefined) query = query.where('points', '>=', filter.minPoints);
    if (filter.tier !== undefined) {
      query =
        filter.tier === 0
          ? query.where('tierPoints', 'is', null)
          : query.where('tierPoints', '=', filter.tier);
    }
    if (filter.after) {
      query = query.where(
        sql<boolean>`(${sql.ref(SQL_COLUMNS[filter.sort])}, seller_id) < (${filter.after.key}, ${filter.after.sellerId}::uuid)`,
      );
    }
    const rows = await query
      .orderBy(column, 'desc')
      .orderBy('sellerId', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return rows.map((row) => ({ sellerId: row.sellerId, key: Number(row.key), entry: row.entry }));
  }

  async sellerPage(
    marketplace: Marketplace,
    storeId: string,
  ): Promise<{ sellerId: string; page: string; pageHash: string } | undefined> {
    return this.db
      .selectFrom('publicWatchlist')
      .select(['sellerId', 'page', 'pageHash'])
      .where('marketplace', '=', marketplace)
      .where('storeId', '=', storeId)
      .executeTakeFirst();
  }

  /** Every listed seller's entry with the snapshot it belongs to, read as one consistent view. */
  async exportRows(): Promise<{
    info: { version: number; refreshedAt: Date; policy: unknown };
    entries: string[];
  }> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const info = await trx
          .selectFrom('publicSnapshot')
          .select(['version', 'refreshedAt', 'policy'])
          .where('id', '=', 1)
          .executeTakeFirstOrThrow();
        const rows = await trx
          .selectFrom('publicWatchlist')
          .select('entry')
          .orderBy('points', 'desc')
          .orderBy('sellerId', 'desc')
          .execute();
        return { info, entries: rows.map((row) => row.entry) };
      });
  }

  async latestEvents(limit: number) {
    return this.db
      .selectFrom('publicWatchlistEvents')
      .select([
        'id',
        'kind',
        'marketplace',
        'storeId',
        'storeName',
        'fromPoints',
        'toPoints',
        'tierLabel',
        'confirmedPoints',
        'establishedComplaints',
        'distinctArtists',
        'rulesetId',
        'occurredAt',
      ])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
}
