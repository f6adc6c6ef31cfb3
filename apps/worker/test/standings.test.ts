import { createKysely, createPool, type Db } from '@counterpoint/db';
import { createTestDatabase, type TestDatabase } from '@counterpoint/db/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeStandings } from '../src/standings/compute-standings';
import { loadRulesets } from '../src/standings/rulesets';
import { StandingRepository } from '../src/standings/standing.repository';
import { World } from './world';

let database: TestDatabase;
let pool: pg.Pool;
let db: Db;
let world: World;
const rulesets = loadRulesets(null);
const NOW = new Date('2026-06-15T12:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url, { max: 4 });
  db = createKysely(pool);
  world = new World(db);
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function standing(sellerId: string) {
  return db.selectFrom('sellerStandings').selectAll().where('sellerId', '=', sellerId).executeTakeFirstOrThrow();
}

describe('seller standings', () => {
  it('counts ten complaints established on one day as 6 points, and eight distinct days as termination', async () => {
    // Alibaba.com: its ladder starts with a severe warning at 6 points.
    const sellerId = await world.seller('alibaba');
    const artists = await Promise.all(Array.from({ length: 10 }, () => world.artist()));
    for (const artistId of artists) {
      await world.complaint({ artistId, artworkId: await world.artwork(artistId), sellerId, status: 'removed', filedOn: '2026-05-01', establishedOn: '2026-05-04', marketplace: 'alibaba' });
    }
    await recomputeStandings(db, rulesets, [sellerId], NOW);
    const sameDay = await standing(sellerId);
    expect(sameDay).toMatchObject({ confirmedPoints: 6, tierPoints: 6, isTerminated: false, establishedComplaints: 10, distinctArtists: 10 });
    expect(sameDay.rulesetId).toContain('alibaba');

    for (let day = 5; day <= 11; day += 1) {
      const artistId = artists[day - 5]!;
      await world.complaint({ artistId, artworkId: await world.artwork(artistId), sellerId, status: 'removed', filedOn: '2026-05-01', establishedOn: `2026-05-${String(day).padStart(2, '0')}`, marketplace: 'alibaba' });
    }
    await recomputeStandings(db, rulesets, [sellerId], NOW);
    expect(await standing(sellerId)).toMatchObject({ confirmedPoints: 48, isTerminated: true, remainingPoints: 0 });
    const tierEvents = await db.selectFrom('sellerTierEvents').select(['toPoints', 'tierLabel']).where('sellerId', '=', sellerId).orderBy('id').execute();
    expect(tierEvents.map((event) => event.toPoints)).toEqual([6, 48]);
    const notifications = await db.selectFrom('notifications').select(['artistId', 'title', 'body']).where('kind', '=', 'seller_tier').execute();
    expect(new Set(notifications.map((row) => row.artistId)).size).toBe(10);
    // Worded for people: the points and what they mean, no ruleset identifier.
    expect(notifications.map((row) => row.body)).toContain("Estimated 6 confirmed points; 42 more would end the seller's account.");
    expect(notifications.map((row) => row.body)).toContain("Estimated 48 confirmed points: the threshold that ends the seller's account.");
  });

  it('keeps the explanation consistent with the totals it stores', async () => {
    const sellerId = await world.seller();
    const artistId = await world.artist();
    const artworkId = await world.artwork(artistId);
    await world.complaint({ artistId, artworkId, sellerId, status: 'removed', filedOn: '2026-04-01', establishedOn: '2026-04-03' });
    await world.complaint({ artistId, artworkId, sellerId, status: 'submitted', filedOn: '2026-06-10' });
    await world.complaint({ artistId, artworkId, sellerId, status: 'withdrawn', filedOn: '2026-06-01' });
    await recomputeStandings(db, rulesets, [sellerId], NOW);
    const row = await standing(sellerId);
    const estimate = row.estimate as { explanation: { points: number; outcome: string }[] };
    const sum = (outcome: string) => estimate.explanation.filter((entry) => entry.outcome === outcome).reduce((total, entry) => total + entry.points, 0);
    expect(sum('counted')).toBe(row.confirmedPoints);
    expect(sum('pending')).toBe(row.pendingPoints);
    expect(row.pendingPoints).toBeGreaterThan(0);
    expect(estimate.explanation.map((entry) => entry.outcome).sort()).toEqual(['counted', 'no_effect', 'pending']);
  });

  it('skips sellers whose standing is current, and never overwrites a newer standing with an older one', async () => {
    const sellerId = await world.seller();
    const artistId = await world.artist();
    await world.complaint({ artistId, artworkId: await world.artwork(artistId), sellerId, status: 'removed', filedOn: '2026-06-01', establishedOn: '2026-06-02' });
    expect((await recomputeStandings(db, rulesets, [sellerId], NOW)).computed).toBe(1);
    expect(await recomputeStandings(db, rulesets, [sellerId], NOW)).toMatchObject({ computed: 0, skipped: 1 });
    const current = await standing(sellerId);
    await db.updateTable('sellerStandings').set({ computedVersion: current.computedVersion + 5 }).where('sellerId', '=', sellerId).execute();
    const forced = await recomputeStandings(db, rulesets, [sellerId], NOW, { force: true });
    expect(forced.computed).toBe(0);
  });

  it('maintains leaderboard rows per window', async () => {
    const sellerId = await world.seller();
    const [a, b] = [await world.artist(), await world.artist()];
    await world.complaint({ artistId: a, artworkId: await world.artwork(a), sellerId, status: 'removed', filedOn: '2026-06-01', establishedOn: '2026-06-05', visibility: 'public' });
    await world.complaint({ artistId: b, artworkId: await world.artwork(b), sellerId, status: 'removed', filedOn: '2026-02-01', establishedOn: '2026-02-03' });
    await world.complaint({ artistId: b, artworkId: await world.artwork(b), sellerId, status: 'removed', filedOn: '2025-01-01', establishedOn: '2025-01-05' });
    await recomputeStandings(db, rulesets, [sellerId], NOW);
    const rows = await db.selectFrom('sellerLeaderboard').selectAll().where('sellerId', '=', sellerId).execute();
    const byWindow = Object.fromEntries(rows.map((row) => [row.timeWindow, row]));
    expect(byWindow['30d']).toMatchObject({ points: 6, establishedComplaints: 1, distinctArtists: 1, isPublic: true, lastEstablishedOn: '2026-06-05' });
    expect(byWindow['365d']).toMatchObject({ points: 12, establishedComplaints: 2, distinctArtists: 2 });
    expect(byWindow.all).toMatchObject({ points: 18, establishedComplaints: 3, distinctArtists: 2 });
    expect(byWindow['30d']!.activeListings).toBe(3);
  });

  it('finds stale sellers: missing standing, older facts, or points about to expire', async () => {
    const repository = new StandingRepository(db);
    const sellerId = await world.seller();
    const artistId = await world.artist();
    await world.complaint({ artistId, artworkId: await world.artwork(artistId), sellerId, status: 'removed', filedOn: '2025-06-10', establishedOn: '2025-06-20' });
    expect((await repository.findStale(NOW, 10_000)).map((row) => row.id)).toContain(sellerId);
    await recomputeStandings(db, rulesets, [sellerId], NOW);
    expect((await repository.findStale(NOW, 10_000)).map((row) => row.id)).not.toContain(sellerId);
    const row = await standing(sellerId);
    expect(row.confirmedPoints).toBe(6);
    expect(row.nextChangeAt).not.toBeNull();
    // A year after establishment the points expire: the sweep picks the seller up again.
    const later = new Date('2026-06-21T00:00:00Z');
    expect((await repository.findStale(later, 10_000)).map((entry) => entry.id)).toContain(sellerId);
    await recomputeStandings(db, rulesets, [sellerId], later);
    expect((await standing(sellerId)).confirmedPoints).toBe(0);
  });
});
