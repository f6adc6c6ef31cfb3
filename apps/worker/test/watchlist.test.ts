import { randomBytes } from 'node:crypto';
import { DEFAULT_PUBLICATION_POLICY, type PublicationPolicy } from '@counterpoint/core';
import { createKysely, createPool, writeOutbox, type Db } from '@counterpoint/db';
import { createTestDatabase, type TestDatabase } from '@counterpoint/db/testing';
import { Redis } from 'ioredis';
import pino from 'pino';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadWorkerConfig } from '../src/config';
import type { JobContext } from '../src/jobs/job-definition';
import { refreshWatchlistJob } from '../src/jobs/refresh-watchlist.job';
import { routeOutboxMessages } from '../src/relay/outbox-routes';
import { startWorkerRuntime } from '../src/runtime';
import { recomputeStandings } from '../src/standings/compute-standings';
import { loadRulesets } from '../src/standings/rulesets';
import { refreshWatchlist } from '../src/watchlist/refresh-watchlist';
import { World } from './world';

let database: TestDatabase;
let pool: pg.Pool;
let db: Db;
let world: World;
const rulesets = loadRulesets(null);
const NOW = new Date('2026-06-15T12:00:00Z');
const policy: PublicationPolicy = DEFAULT_PUBLICATION_POLICY;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url, { max: 6 });
  db = createKysely(pool);
  world = new World(db);
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

const refresh = (sellerIds?: string[], now = NOW) =>
  refreshWatchlist(db, {
    policy,
    now: () => now,
    ...(sellerIds ? { sellerIds } : { isFull: true }),
  });

async function settle(sellerIds: string[], now = NOW) {
  await recomputeStandings(db, rulesets, sellerIds, now);
  return refresh(sellerIds, now);
}

async function row(sellerId: string) {
  return db
    .selectFrom('publicWatchlist')
    .selectAll()
    .where('sellerId', '=', sellerId)
    .executeTakeFirst();
}

/** What a job handler gets, for calling one directly. */
const jobContext = (): JobContext => ({
  db,
  config: loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: database.url }),
  rulesets,
  log: pino({ level: 'silent' }),
  now: () => new Date(),
  enqueue: () => Promise.resolve(),
});

async function version(): Promise<number> {
  return (await db.selectFrom('publicSnapshot').select('version').executeTakeFirstOrThrow())
    .version;
}

/** A seller with established complaints from `artists` distinct artists on one day. */
async function corroboratedSeller(
  artists = 2,
  visibility: 'collective' | 'public' | 'private' = 'public',
  marketplace: 'aliexpress' | 'alibaba' = 'aliexpress',
) {
  const sellerId = await world.seller(marketplace);
  const artistIds: string[] = [];
  for (let index = 0; index < artists; index += 1) {
    const artistId = await world.artist(`Artist ${index}`);
    artistIds.push(artistId);
    await world.complaint({
      artistId,
      artworkId: await world.artwork(artistId),
      sellerId,
      status: 'removed',
      filedOn: '2026-05-01',
      establishedOn: '2026-05-04',
      visibility,
      marketplace,
    });
  }
  return { sellerId, artistIds };
}

beforeEach(async () => {
  // Each test starts from an empty snapshot and queue (sellers of earlier tests stay, unlisted).
  await db.deleteFrom('publicWatchlistPending').execute();
});

/** The snapshot's count of listed sellers is the number of rows listed. */
async function expectListedCountToMatch(): Promise<void> {
  const snapshot = await db.selectFrom('publicSnapshot').selectAll().executeTakeFirstOrThrow();
  const { n } = await db
    .selectFrom('publicWatchlist')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(snapshot.listedSellers).toBe(Number(n));
}

describe('refreshing the public snapshot', () => {
  it('lists a corroborated seller with ready-to-serve documents, and not a single artist on one day', async () => {
    const { sellerId, artistIds } = await corroboratedSeller(2);
    const lone = await corroboratedSeller(1);
    const result = await settle([sellerId, lone.sellerId]);
    expect(result).toMatchObject({ processed: 2, listed: 1, added: 1 });

    const listed = await row(sellerId);
    expect(listed).toBeDefined();
    const entry = JSON.parse(listed!.entry);
    expect(entry).toMatchObject({
      isEstimate: true,
      confirmedPoints: 6,
      establishedComplaints: 2,
      distinctArtists: 2,
      distinctDays: 1,
      removedListings: 2,
      firstEstablishedOn: '2026-05-04',
      hasOpenDispute: false,
    });
    const page = JSON.parse(listed!.page);
    expect(page.standing).toMatchObject({
      isEstimate: true,
      confirmedPoints: 6,
      asOf: '2026-06-15',
    });
    expect(page.standing.rulesetId).toMatch(/^aliexpress-/);
    expect(page.removedListings).toHaveLength(2);
    expect(page).not.toHaveProperty('explanation');
    expect(page.standing).not.toHaveProperty('timeline');
    // No identity (ids or names), no complaint reason, no complaint or listing ids.
    for (const text of [listed!.entry, listed!.page]) {
      for (const secret of [
        ...artistIds,
        'Artist 0',
        'Artist 1',
        '"copy"',
        'complaintId',
        'listingId',
      ])
        expect(text).not.toContain(secret);
    }
    expect(await row(lone.sellerId)).toBeUndefined();
  });

  it('counts private complaints in the standing only, never in the published facts', async () => {
    const { sellerId } = await corroboratedSeller(2);
    const secret = await world.artist('Secret');
    await world.complaint({
      artistId: secret,
      artworkId: await world.artwork(secret),
      sellerId,
      status: 'removed',
      filedOn: '2026-05-01',
      establishedOn: '2026-05-20',
      visibility: 'private',
    });
    const privateOnly = await corroboratedSeller(3, 'private');
    await settle([sellerId, privateOnly.sellerId]);
    const page = JSON.parse((await row(sellerId))!.page);
    expect(page.standing.confirmedPoints).toBe(12);
    expect(page.facts).toEqual({
      establishedComplaints: 2,
      distinctArtists: 2,
      distinctDays: 1,
      removedListings: 2,
      firstEstablishedOn: '2026-05-04',
      lastEstablishedOn: '2026-05-04',
    });
    expect(await row(privateOnly.sellerId)).toBeUndefined();
  });

  it('keeps collective complaints inside the collectives unless the policy publishes them', async () => {
    const { sellerId } = await corroboratedSeller(2, 'collective');
    await settle([sellerId]);
    expect(await row(sellerId)).toBeUndefined();
    await refreshWatchlist(db, {
      policy: { ...policy, publishedVisibilities: ['collective', 'public'] },
      now: () => NOW,
      sellerIds: [sellerId],
    });
    expect(JSON.parse((await row(sellerId))!.entry)).toMatchObject({
      establishedComplaints: 2,
      distinctArtists: 2,
    });
    await refresh([sellerId]);
    expect(await row(sellerId)).toBeUndefined();
  });

  it('is idempotent: a second refresh writes nothing and keeps the version', async () => {
    const { sellerId } = await corroboratedSeller(2);
    await settle([sellerId]);
    const before = await version();
    const stored = await row(sellerId);
    const again = await refresh([sellerId]);
    expect(again).toMatchObject({
      processed: 1,
      listed: 1,
      changed: 0,
      added: 0,
      removed: 0,
      version: before,
    });
    expect(await version()).toBe(before);
    expect(await row(sellerId)).toEqual(stored);
    const full = await refresh();
    expect(full.changed).toBe(0);
    expect(await version()).toBe(before);
  });

  it('picks up new facts, tier crossings and removals, with feed entries', async () => {
    const { sellerId, artistIds } = await corroboratedSeller(2, 'public', 'alibaba');
    await settle([sellerId]);
    const listedVersion = await version();
    const firstHash = (await row(sellerId))!.pageHash;

    const artistId = artistIds[0]!;
    const { complaintListingId } = await world.complaint({
      artistId,
      artworkId: await world.artwork(artistId),
      sellerId,
      status: 'removed',
      filedOn: '2026-05-05',
      establishedOn: '2026-05-08',
      marketplace: 'alibaba',
    });
    const result = await settle([sellerId]);
    expect(result.changed).toBe(1);
    expect(await version()).toBe(listedVersion + 1);
    const updated = (await row(sellerId))!;
    expect(updated.pageHash).not.toBe(firstHash);
    expect(JSON.parse(updated.page).standing).toMatchObject({
      confirmedPoints: 12,
      tier: { points: 12 },
    });
    const events = await db
      .selectFrom('publicWatchlistEvents')
      .select(['kind', 'fromPoints', 'toPoints', 'confirmedPoints'])
      .where('sellerId', '=', sellerId)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { kind: 'added', fromPoints: null, toPoints: 6, confirmedPoints: 6 },
      { kind: 'tier', fromPoints: 6, toPoints: 12, confirmedPoints: 12 },
    ]);

    // The establishments are withdrawn: the seller leaves every public output, feed included.
    await db
      .updateTable('complaintListings')
      .set({ status: 'restored', establishedOn: null })
      .where('sellerId', '=', sellerId)
      .where('id', '<>', complaintListingId)
      .execute();
    await world.bump(sellerId);
    const gone = await settle([sellerId]);
    expect(gone.removed).toBe(1);
    expect(await row(sellerId)).toBeUndefined();
    expect(
      await db
        .selectFrom('publicWatchlistEvents')
        .select('id')
        .where('sellerId', '=', sellerId)
        .execute(),
    ).toEqual([]);
  });

  it('drops hidden and safelisted sellers, and lists them again when the hide is lifted', async () => {
    const hidden = await corroboratedSeller(2);
    const reseller = await corroboratedSeller(2);
    await settle([hidden.sellerId, reseller.sellerId]);
    expect(await row(hidden.sellerId)).toBeDefined();

    await db
      .insertInto('sellerPublicHides')
      .values({ sellerId: hidden.sellerId, reason: 'Court order', hiddenBy: null })
      .execute();
    const store = await db
      .selectFrom('sellers')
      .select(['marketplace', 'storeId'])
      .where('id', '=', reseller.sellerId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('publicSafelist')
      .values({
        marketplace: store.marketplace,
        storeId: store.storeId,
        note: 'Licensed',
        createdBy: null,
      })
      .execute();
    expect(await refresh([hidden.sellerId, reseller.sellerId])).toMatchObject({ removed: 2 });
    expect(await row(hidden.sellerId)).toBeUndefined();
    expect(await row(reseller.sellerId)).toBeUndefined();

    await expectListedCountToMatch();

    await db.deleteFrom('sellerPublicHides').where('sellerId', '=', hidden.sellerId).execute();
    expect(await refresh([hidden.sellerId, reseller.sellerId])).toMatchObject({ added: 1 });
    expect(await row(hidden.sellerId)).toBeDefined();
    expect(await row(reseller.sellerId)).toBeUndefined();
    // Kept by each refresh's own change, not recounted: still exact.
    await expectListedCountToMatch();
  });

  it('names only artists who opted in, for their public complaints, once the full refresh runs', async () => {
    const sellerId = await world.seller();
    const named = await world.artist('Named Artist');
    const shy = await world.artist('Shy Artist');
    await db
      .updateTable('artists')
      .set({ publicAttribution: true, publicName: 'Studio Mai' })
      .where('id', '=', named)
      .execute();
    await db
      .updateTable('artists')
      .set({ publicAttribution: false, publicName: 'Should Stay Hidden' })
      .where('id', '=', shy)
      .execute();
    await world.complaint({
      artistId: named,
      artworkId: await world.artwork(named),
      sellerId,
      status: 'removed',
      filedOn: '2026-05-01',
      establishedOn: '2026-05-04',
      visibility: 'public',
    });
    await world.complaint({
      artistId: shy,
      artworkId: await world.artwork(shy),
      sellerId,
      status: 'removed',
      filedOn: '2026-05-01',
      establishedOn: '2026-05-05',
      visibility: 'public',
    });
    await settle([sellerId]);
    const page = (await row(sellerId))!.page;
    expect(JSON.parse(page).attributions).toEqual([
      { name: 'Studio Mai', establishedComplaints: 1 },
    ]);
    expect(page).not.toContain('Should Stay Hidden');
    expect(page).not.toContain('Shy Artist');
    expect(page).not.toContain('Named Artist');

    // Opting out changes no standing: the periodic full refresh catches it.
    await db
      .updateTable('artists')
      .set({ publicAttribution: false })
      .where('id', '=', named)
      .execute();
    await refresh();
    expect(JSON.parse((await row(sellerId))!.page).attributions).toEqual([]);
  });

  it('serialises concurrent refreshes: no lost update, no duplicate feed entry', async () => {
    const sellers = await Promise.all(Array.from({ length: 6 }, () => corroboratedSeller(2)));
    const ids = sellers.map((seller) => seller.sellerId);
    await recomputeStandings(db, rulesets, ids, NOW);
    const results = await Promise.all([
      refresh(ids),
      refresh(ids),
      refresh(ids.slice(0, 3)),
      refresh(ids.slice(3)),
    ]);
    expect(results.reduce((sum, result) => sum + result.added, 0)).toBe(6);
    const added = await db
      .selectFrom('publicWatchlistEvents')
      .select('sellerId')
      .where('sellerId', 'in', ids)
      .where('kind', '=', 'added')
      .execute();
    expect(added).toHaveLength(6);
  });

  it('records the policy in force with the snapshot', async () => {
    await refresh();
    const snapshot = await db.selectFrom('publicSnapshot').selectAll().executeTakeFirstOrThrow();
    expect(snapshot.policy).toMatchObject({
      minDistinctArtists: 2,
      minDistinctDays: 2,
      corroboration: 'either',
      publishedVisibilities: ['public'],
    });
    await expectListedCountToMatch();
  });
});

describe('watchlist.changed in the outbox', () => {
  it('wakes one refresh per gathering window, however many batches relayed in it', () => {
    const log = pino({ level: 'silent' });
    const a = '00000000-0000-4000-8000-00000000000a';
    const b = '00000000-0000-4000-8000-00000000000b';
    const refreshesOf = (rows: Parameters<typeof routeOutboxMessages>[0], now: number, watchlistGatherMs = 1000) =>
      routeOutboxMessages(rows, log, { watchlistGatherMs, now }).filter((job) => job.definition === refreshWatchlistJob);
    const first = refreshesOf(
      [
        { id: 7, topic: 'watchlist.changed', payload: { sellerIds: [a] } },
        { id: 8, topic: 'watchlist.changed', payload: { sellerIds: [b, a] } },
      ],
      5_000_250,
    );
    // The sellers are queued with their messages: the job only drains, when the window ends.
    expect(first).toEqual([
      { definition: refreshWatchlistJob, payload: { queued: true, trigger: 'window-1000-5000' }, delay: 750 },
    ]);
    const later = refreshesOf([{ id: 9, topic: 'watchlist.changed', payload: { sellerIds: [b] } }], 5_000_900);
    expect(later[0]!.delay).toBe(100);
    // Same window, same job id: BullMQ keeps the first job and drops the second.
    expect(refreshWatchlistJob.jobId!(later[0]!.payload as never)).toBe(refreshWatchlistJob.jobId!(first[0]!.payload as never));
    const next = refreshesOf([{ id: 10, topic: 'watchlist.changed', payload: { sellerIds: [b] } }], 5_001_000);
    expect(refreshWatchlistJob.jobId!(next[0]!.payload as never)).toBe('watchlist-window-1000-5001');
    // Without a window, each batch wakes its own refresh at once.
    expect(refreshesOf([{ id: 11, topic: 'watchlist.changed', payload: { sellerIds: [a] } }], 5_001_000, 0)).toEqual([
      { definition: refreshWatchlistJob, payload: { queued: true, trigger: 'outbox-11' } },
    ]);
    // A message naming no seller wakes nothing.
    expect(refreshesOf([{ id: 12, topic: 'watchlist.changed', payload: { sellerIds: 'not a list' } }], 5_001_000)).toEqual([]);
  });

  it('queues its sellers in the writer’s transaction, and only if that commits', async () => {
    const { sellerId } = await corroboratedSeller(2);
    const queued = async () =>
      (await db.selectFrom('publicWatchlistPending').select('sellerId').where('sellerId', '=', sellerId).execute()).length;
    await db.deleteFrom('publicWatchlistPending').execute();
    await expect(
      db.transaction().execute(async (trx) => {
        await writeOutbox(trx, { topic: 'watchlist.changed', payload: { sellerIds: [sellerId] } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await queued()).toBe(0);
    await writeOutbox(db, { topic: 'watchlist.changed', payload: { sellerIds: [sellerId, sellerId] } });
    expect(await queued()).toBe(1);
    // A refresh that only drains the queue picks it up.
    const result = await refreshWatchlistJob.handle({ queued: true }, jobContext(), {} as never);
    expect(result).toMatchObject({ processed: 1 });
    expect(await queued()).toBe(0);
  });

  it('reaches the snapshot through the relay and the queue', async () => {
    const prefix = `cp-wl-${randomBytes(4).toString('hex')}`;
    const { sellerId } = await corroboratedSeller(2);
    const runtime = await startWorkerRuntime(
      loadWorkerConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        REDIS_PREFIX: prefix,
        OUTBOX_POLL_MS: '100',
        LOG_LEVEL: 'silent',
      }),
      { log: pino({ level: 'silent' }), isScheduling: false },
    );
    try {
      // The standing job writes `watchlist.changed`; the relay turns it into a refresh.
      await recomputeStandings(db, rulesets, [sellerId], new Date());
      const deadline = Date.now() + 15_000;
      while (!(await row(sellerId)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await row(sellerId)).toBeDefined();

      await db
        .insertInto('sellerPublicHides')
        .values({ sellerId, reason: 'test', hiddenBy: null })
        .execute();
      await writeOutbox(db, { topic: 'watchlist.changed', payload: { sellerIds: [sellerId] } });
      while ((await row(sellerId)) && Date.now() < deadline + 15_000)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await row(sellerId)).toBeUndefined();
    } finally {
      await runtime.close();
      const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });
});
