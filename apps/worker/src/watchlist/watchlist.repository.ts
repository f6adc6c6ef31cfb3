import type { AttributionConsent, EstablishedListingFact, Marketplace } from '@counterpoint/core';
import { anyUuid, type Db, type DisputeStatusColumn } from '@counterpoint/db';
import { sql } from 'kysely';

export interface SellerRow {
  id: string;
  marketplace: Marketplace;
  storeId: string;
  name: string | null;
  storeUrl: string;
}

export interface TierJson {
  points: number;
  label: string;
  consequence: string;
}

/** The parts of a stored standing estimate that are published (never its explanation). */
export interface StandingSummaryRow {
  sellerId: string;
  rulesetId: string;
  asOf: string;
  confirmedPoints: number;
  terminationPoints: number;
  remainingPoints: number;
  isTerminated: boolean;
  tier: TierJson | null;
  nextTier: TierJson | null;
  strikes: number;
  strikesToClosure: number | null;
  pointsStartExpiringOn: string | null;
  complaintsNeeded: number | null;
  distinctDaysNeeded: number | null;
}

export interface DisputeRow {
  sellerId: string;
  status: DisputeStatusColumn;
  submittedAt: Date;
  resolvedAt: Date | null;
  publicNote: string | null;
}

export interface SnapshotRow {
  sellerId: string;
  entryHash: string;
  pageHash: string;
  listedAt: Date;
  listedOrder: number;
  lastTierEventId: number;
  tierPoints: number | null;
}

export interface TierEventRow {
  id: number;
  sellerId: string;
  fromPoints: number | null;
  toPoints: number;
  tierLabel: string;
  occurredAt: Date;
}

/** Everything the refresh needs about a batch of sellers, read in one go. */
export interface WatchlistInputs {
  sellers: SellerRow[];
  standings: Map<string, StandingSummaryRow>;
  established: Map<string, EstablishedListingFact[]>;
  consents: Map<string, AttributionConsent>;
  hidden: Set<string>;
  safelisted: Set<string>;
  disputes: Map<string, DisputeRow[]>;
  openDisputes: Set<string>;
  snapshot: Map<string, SnapshotRow>;
  tierEvents: Map<string, TierEventRow[]>;
}

export interface WatchlistRowWrite {
  sellerId: string;
  marketplace: Marketplace;
  storeId: string;
  points: number;
  tierPoints: number | null;
  establishedComplaints: number;
  distinctArtists: number;
  lastEstablishedDay: number;
  listedAt: Date;
  listedOrder: number;
  entry: string;
  entryHash: string;
  page: string;
  pageHash: string;
  lastTierEventId: number;
}

export interface WatchlistEventWrite {
  sellerId: string;
  kind: 'added' | 'tier';
  marketplace: Marketplace;
  storeId: string;
  storeName: string | null;
  fromPoints: number | null;
  toPoints: number | null;
  tierLabel: string | null;
  confirmedPoints: number;
  establishedComplaints: number;
  distinctArtists: number;
  rulesetId: string;
  occurredAt: Date;
}

const DISPUTES_SHOWN = 10;

function groupBy<Row, Value>(
  rows: Row[],
  key: (row: Row) => string,
  value: (row: Row) => Value,
): Map<string, Value[]> {
  const groups = new Map<string, Value[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}

/** All Kysely code of the public snapshot: the refresh queue, its inputs and its writes. */
export class WatchlistRepository {
  constructor(private readonly db: Db) {}

  /** Queues sellers for a refresh (idempotent). */
  async queue(sellerIds: string[]): Promise<void> {
    const unique = [...new Set(sellerIds)];
    for (let start = 0; start < unique.length; start += 5000) {
      await this.db
        .insertInto('publicWatchlistPending')
        .values(unique.slice(start, start + 5000).map((sellerId) => ({ sellerId })))
        .onConflict((oc) => oc.column('sellerId').doNothing())
        .execute();
    }
  }

  /**
   * Queues every seller that could be listed (an established complaint shared beyond its
   * author) and every seller listed now (it may have to go): the periodic full refresh.
   */
  async queueAllCandidates(): Promise<number> {
    const result = await this.db
      .insertInto('publicWatchlistPending')
      .columns(['sellerId'])
      .expression(
        (eb) =>
          eb
            .selectFrom('complaintListings as cl')
            .select('cl.sellerId as sellerId')
            .where('cl.status', '=', 'removed')
            .where('cl.sellerId', 'is not', null)
            .where('cl.visibility', '<>', 'private')
            .union(
              eb.selectFrom('publicWatchlist').select('publicWatchlist.sellerId as sellerId'),
            ) as never,
      )
      .onConflict((oc) => oc.column('sellerId').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  async analyzeQueue(): Promise<void> {
    await sql`ANALYZE public_watchlist_pending`.execute(this.db);
  }

  /**
   * Locks the snapshot's version row for the rest of the transaction: refreshes (and the
   * API's immediate removals) run one at a time, so a refresh never writes over a newer one.
   */
  async lockSnapshot(): Promise<{ version: number; policy: unknown }> {
    return this.db
      .selectFrom('publicSnapshot')
      .select(['version', 'policy'])
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
  }

  /** Takes up to `limit` queued sellers off the queue (the transaction's rollback puts them back). */
  async claimPending(limit: number): Promise<string[]> {
    // The claim is an array computed once (an InitPlan), never a subquery the planner may
    // rescan per row: each rescan would skip the rows this statement already deleted and
    // claim the next ones, until the whole queue went in one chunk (seen with stale
    // statistics on a queue of 100,000 sellers).
    const rows = await this.db
      .deleteFrom('publicWatchlistPending')
      .where(
        'sellerId',
        '=',
        sql<string>`ANY (ARRAY(${this.db
          .selectFrom('publicWatchlistPending')
          .select('sellerId')
          .orderBy('queuedAt')
          .orderBy('sellerId')
          .limit(limit)
          .forUpdate()
          .skipLocked()}))`,
      )
      .returning('sellerId')
      .execute();
    return rows.map((row) => row.sellerId);
  }

  async loadInputs(sellerIds: string[]): Promise<WatchlistInputs> {
    const [
      sellers,
      standings,
      established,
      hidden,
      safelisted,
      disputes,
      openDisputes,
      snapshot,
      tierEvents,
    ] = await Promise.all([
      this.db
        .selectFrom('sellers')
        .select(['id', 'marketplace', 'storeId', 'name', 'storeUrl'])
        .where('id', '=', anyUuid(sellerIds))
        .execute(),
      this.loadStandings(sellerIds),
      this.db
        .selectFrom('complaintListings as cl')
        .innerJoin('listings as l', 'l.id', 'cl.listingId')
        .select([
          'cl.sellerId',
          'cl.complaintId',
          'cl.artistId',
          'cl.visibility',
          'cl.establishedOn',
          'l.id as listingId',
          'l.itemId',
          'l.canonicalUrl',
        ])
        .where('cl.sellerId', '=', anyUuid(sellerIds))
        .where('cl.status', '=', 'removed')
        .where('cl.establishedOn', 'is not', null)
        .execute(),
      this.db
        .selectFrom('sellerPublicHides')
        .select('sellerId')
        .where('sellerId', '=', anyUuid(sellerIds))
        .execute(),
      this.db
        .selectFrom('sellers')
        .innerJoin('publicSafelist', (join) =>
          join
            .onRef('publicSafelist.marketplace', '=', 'sellers.marketplace')
            .onRef('publicSafelist.storeId', '=', 'sellers.storeId'),
        )
        .select('sellers.id')
        .where('sellers.id', '=', anyUuid(sellerIds))
        .execute(),
      this.db
        .selectFrom((eb) =>
          eb
            .selectFrom('sellerDisputes')
            .select([
              'sellerId',
              'status',
              'submittedAt',
              'resolvedAt',
              'publicNote',
              sql<number>`row_number() OVER (PARTITION BY seller_id ORDER BY submitted_at DESC, id DESC)`.as(
                'position',
              ),
            ])
            .where('sellerId', '=', anyUuid(sellerIds))
            .as('ranked'),
        )
        .select(['sellerId', 'status', 'submittedAt', 'resolvedAt', 'publicNote'])
        .where('position', '<=', DISPUTES_SHOWN)
        .orderBy('sellerId')
        .orderBy('position')
        .execute(),
      this.db
        .selectFrom('sellerDisputes')
        .select('sellerId')
        .distinct()
        .where('sellerId', '=', anyUuid(sellerIds))
        .where('status', '=', 'open')
        .execute(),
      this.db
        .selectFrom('publicWatchlist')
        .select([
          'sellerId',
          'entryHash',
          'pageHash',
          'listedAt',
          'listedOrder',
          'lastTierEventId',
          'tierPoints',
        ])
        .where('sellerId', '=', anyUuid(sellerIds))
        .execute(),
      this.db
        .selectFrom('sellerTierEvents')
        .select(['id', 'sellerId', 'fromPoints', 'toPoints', 'tierLabel', 'occurredAt'])
        .where('sellerId', '=', anyUuid(sellerIds))
        .orderBy('id')
        .execute(),
    ]);

    const artistIds = [...new Set(established.map((row) => row.artistId))];
    const consents = artistIds.length
      ? await this.db
          .selectFrom('artists')
          .select(['id', 'publicAttribution', 'publicName'])
          .where('id', '=', anyUuid(artistIds))
          .where('publicAttribution', '=', true)
          .execute()
      : [];

    return {
      sellers,
      standings: new Map(standings.map((row) => [row.sellerId, row])),
      established: groupBy(
        established,
        (row) => row.sellerId!,
        (row): EstablishedListingFact => ({
          complaintId: row.complaintId,
          artistId: row.artistId,
          visibility: row.visibility,
          establishedOn: row.establishedOn!,
          listingId: row.listingId,
          itemId: row.itemId,
          url: row.canonicalUrl,
        }),
      ),
      consents: new Map(
        consents.map((row) => [
          row.id,
          {
            artistId: row.id,
            publicAttribution: row.publicAttribution,
            publicName: row.publicName,
          },
        ]),
      ),
      hidden: new Set(hidden.map((row) => row.sellerId)),
      safelisted: new Set(safelisted.map((row) => row.id)),
      disputes: groupBy(
        disputes,
        (row) => row.sellerId,
        (row) => row,
      ),
      openDisputes: new Set(openDisputes.map((row) => row.sellerId)),
      snapshot: new Map(snapshot.map((row) => [row.sellerId, row])),
      tierEvents: groupBy(
        tierEvents,
        (row) => row.sellerId,
        (row) => row,
      ),
    };
  }

  private async loadStandings(sellerIds: string[]): Promise<StandingSummaryRow[]> {
    // Only the published parts of the estimate: its explanation and timeline stay in the database.
    return this.db
      .selectFrom('sellerStandings')
      .select([
        'sellerId',
        'rulesetId',
        'confirmedPoints',
        'remainingPoints',
        'isTerminated',
        'strikes',
        'pointsStartExpiringOn',
        'complaintsNeeded',
        'distinctDaysNeeded',
        sql<string>`estimate ->> 'asOf'`.as('asOf'),
        sql<number>`(estimate ->> 'terminationPoints')::int`.as('terminationPoints'),
        sql<number | null>`(estimate ->> 'strikesToClosure')::int`.as('strikesToClosure'),
        sql<TierJson | null>`estimate -> 'tier'`.as('tier'),
        sql<TierJson | null>`estimate -> 'nextTier'`.as('nextTier'),
      ])
      .where('sellerId', '=', anyUuid(sellerIds))
      .execute();
  }

  /** Writes the sellers' rows; returns how many sellers were not listed before. */
  async upsertRows(rows: WatchlistRowWrite[], version: number): Promise<number> {
    let added = 0;
    for (let start = 0; start < rows.length; start += 500) {
      const written = await this.db
        .insertInto('publicWatchlist')
        .values(
          rows
            .slice(start, start + 500)
            .map((row) => ({ ...row, snapshotVersion: version, updatedAt: new Date() })),
        )
        .onConflict((oc) =>
          oc.column('sellerId').doUpdateSet((eb) => ({
            marketplace: eb.ref('excluded.marketplace'),
            storeId: eb.ref('excluded.storeId'),
            points: eb.ref('excluded.points'),
            tierPoints: eb.ref('excluded.tierPoints'),
            establishedComplaints: eb.ref('excluded.establishedComplaints'),
            distinctArtists: eb.ref('excluded.distinctArtists'),
            lastEstablishedDay: eb.ref('excluded.lastEstablishedDay'),
            listedAt: eb.ref('excluded.listedAt'),
            listedOrder: eb.ref('excluded.listedOrder'),
            entry: eb.ref('excluded.entry'),
            entryHash: eb.ref('excluded.entryHash'),
            page: eb.ref('excluded.page'),
            pageHash: eb.ref('excluded.pageHash'),
            lastTierEventId: eb.ref('excluded.lastTierEventId'),
            snapshotVersion: eb.ref('excluded.snapshotVersion'),
            updatedAt: eb.ref('excluded.updatedAt'),
          })),
        )
        .returning(sql<boolean>`xmax = 0`.as('isNew'))
        .execute();
      added += written.filter((row) => row.isNew).length;
    }
    return added;
  }

  /**
   * Removes sellers from every public output: their row and their feed entries.
   * @returns How many of them were listed.
   */
  async removeSellers(sellerIds: string[]): Promise<number> {
    if (sellerIds.length === 0) return 0;
    const removed = await this.db
      .deleteFrom('publicWatchlist')
      .where('sellerId', '=', anyUuid(sellerIds))
      .executeTakeFirst();
    await this.db.deleteFrom('publicWatchlistEvents').where('sellerId', '=', anyUuid(sellerIds)).execute();
    return Number(removed.numDeletedRows);
  }

  async insertEvents(events: WatchlistEventWrite[], version: number): Promise<void> {
    if (events.length === 0) return;
    await this.db
      .insertInto('publicWatchlistEvents')
      .values(events.map((event) => ({ ...event, snapshotVersion: version })))
      .execute();
  }

  /**
   * Publishes a new version: API replicas drop their caches when they see it. The count of
   * listed sellers moves by the refresh's own change (the snapshot is locked, so no other
   * writer moves it meanwhile); `'recount'` counts the rows again (the full refresh does, so
   * the figure can never drift for long).
   */
  async bumpVersion(
    version: number,
    now: Date,
    policy: string,
    listedChange: number | 'recount',
  ): Promise<void> {
    await this.db
      .updateTable('publicSnapshot')
      .set((eb) => ({
        version,
        refreshedAt: now,
        policy,
        listedSellers:
          listedChange === 'recount'
            ? eb.selectFrom('publicWatchlist').select(eb.fn.countAll<number>().as('count'))
            : eb('listedSellers', '+', listedChange),
      }))
      .where('id', '=', 1)
      .execute();
  }
}
