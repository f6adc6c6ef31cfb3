import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStatus, createArtwork, createSellerWithListings, fileComplaint } from './factories';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

/*
 * The API reads standings and leaderboards the worker maintains; here the worker's
 * computation is run directly (as its job does) so the test needs no queue.
 */
import { loadRulesets, recomputeStandings } from '@counterpoint/worker';

let context: TestContext;
let owner: TestArtist;
let stranger: TestArtist;
let sellerId: string;
let privateComplaintId: string;

beforeAll(async () => {
  context = await createTestContext();
  [owner, stranger] = await Promise.all([registerArtist(context.app), registerArtist(context.app)]);
  const design = await createArtwork(context.app, owner);
  const seller = await createSellerWithListings(context.app, owner, design.id, 3, 'public');
  sellerId = seller.sellerId;
  const publicComplaint = await fileComplaint(context.app, owner, { artworkId: design.id, listingIds: [seller.listingIds[0]!], filedOn: '2026-03-02', visibility: 'public' });
  const privateComplaint = await fileComplaint(context.app, owner, { artworkId: design.id, listingIds: [seller.listingIds[1]!], filedOn: '2026-03-02', visibility: 'private' });
  privateComplaintId = privateComplaint.id;
  await changeStatus(context.app, owner, publicComplaint.id, { status: 'removed', occurredOn: '2026-03-05' });
  await changeStatus(context.app, owner, privateComplaint.id, { status: 'removed', occurredOn: '2026-03-06' });
  await recomputeStandings(context.db, loadRulesets(null), [sellerId], new Date('2026-03-10T12:00:00Z'));
});
afterAll(() => context.close());

describe('GET /api/v1/sellers/:id/standing', () => {
  it('returns the estimate with its ruleset and an explanation that adds up', async () => {
    const response = await context.app.inject({ method: 'GET', url: `/api/v1/sellers/${sellerId}/standing`, headers: owner.headers });
    expect(response.statusCode).toBe(200);
    const standing = response.json();
    expect(standing).toMatchObject({ isEstimate: true, confirmedPoints: 12, pendingPoints: 0, remainingPoints: 36, isStale: false, hiddenExplanationEntries: 0 });
    expect(standing.rulesetId).toMatch(/^aliexpress-/);
    expect(standing.ruleset.sourceNotes.length).toBeGreaterThan(0);
    expect(standing.explanation.filter((entry: { outcome: string }) => entry.outcome === 'counted').reduce((sum: number, entry: { points: number }) => sum + entry.points, 0)).toBe(12);
    expect(standing.timeline.map((day: { date: string }) => day.date)).toEqual(['2026-03-05', '2026-03-06']);
  });

  it('counts complaints a viewer may not see without showing them', async () => {
    const response = await context.app.inject({ method: 'GET', url: `/api/v1/sellers/${sellerId}/standing`, headers: stranger.headers });
    const standing = response.json();
    expect(standing.confirmedPoints).toBe(12);
    expect(standing.explanation).toHaveLength(1);
    expect(standing.hiddenExplanationEntries).toBe(1);
    expect(standing.hiddenComplaints).toBe(1);
    expect(response.body).not.toContain(privateComplaintId);
  });

  it('marks a standing stale when facts changed after it was computed, and 404s unknown sellers', async () => {
    await context.db.updateTable('sellers').set((eb) => ({ factsVersion: eb('factsVersion', '+', 1) })).where('id', '=', sellerId).execute();
    const stale = await context.app.inject({ method: 'GET', url: `/api/v1/sellers/${sellerId}/standing`, headers: owner.headers });
    expect(stale.json().isStale).toBe(true);
    const unknown = await context.app.inject({ method: 'GET', url: '/api/v1/sellers/00000000-0000-4000-8000-000000000000/standing', headers: owner.headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    await context.db.deleteFrom('sellerStandings').where('sellerId', '=', sellerId).execute();
    const pending = await context.app.inject({ method: 'GET', url: `/api/v1/sellers/${sellerId}/standing`, headers: owner.headers });
    expect(pending.statusCode).toBe(404);
    expect(pending.json().error.code).toBe('not_computed');
  });
});

describe('GET /api/v1/leaderboards/sellers', () => {
  it('lists sellers with public facts globally, sorted, with ranks', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/v1/leaderboards/sellers?window=all&sort=points', headers: stranger.headers });
    expect(response.statusCode).toBe(200);
    const board = response.json();
    expect(board.entries[0]).toMatchObject({ rank: 1, sellerId, points: 12, establishedComplaints: 2, distinctArtists: 1, activeListings: 1 });
    expect(board.isEstimate).toBe(true);
  });

  it('scopes to my sellers and refuses collectives I am not in', async () => {
    const mine = await context.app.inject({ method: 'GET', url: '/api/v1/leaderboards/sellers?scope=mine&window=all', headers: owner.headers });
    expect(mine.json().entries.map((entry: { sellerId: string }) => entry.sellerId)).toEqual([sellerId]);
    const theirs = await context.app.inject({ method: 'GET', url: '/api/v1/leaderboards/sellers?scope=mine&window=all', headers: stranger.headers });
    expect(theirs.json().entries).toEqual([]);
    const foreign = await context.app.inject({
      method: 'GET',
      url: '/api/v1/leaderboards/sellers?scope=collective&collectiveId=00000000-0000-4000-8000-000000000000',
      headers: owner.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const missing = await context.app.inject({ method: 'GET', url: '/api/v1/leaderboards/sellers?scope=collective', headers: owner.headers });
    expect(missing.statusCode).toBe(400);
  });

  it('rejects hostile query strings with 400', async () => {
    for (const query of ['window=7d', 'sort=revenue', 'limit=1000', 'limit=-1', 'cursor=abc', 'marketplace=ebay']) {
      const response = await context.app.inject({ method: 'GET', url: `/api/v1/leaderboards/sellers?${query}`, headers: owner.headers });
      expect(response.statusCode, query).toBe(400);
    }
  });
});
