import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtistClient, itemId, storeId } from '../support/artists';
import { Stack, waitFor } from '../support/stack';

/*
 * Nothing accepted is lost: with the worker killed mid-run and Redis flushed, the standings
 * converge to exactly what a clean rebuild computes.
 */

const stack = new Stack({ RECONCILE_EVERY_SECONDS: '5' });

beforeAll(() => stack.start().then(() => undefined));
afterAll(() => stack.stop());

async function staleSellers(): Promise<number> {
  const rows = await stack.db
    .selectFrom('sellers')
    .leftJoin('sellerStandings', 'sellerStandings.sellerId', 'sellers.id')
    .select('sellers.id')
    .where((eb) => eb.or([eb('sellerStandings.sellerId', 'is', null), eb('sellerStandings.computedVersion', '<', eb.ref('sellers.factsVersion'))]))
    .execute();
  return rows.length;
}

async function snapshot() {
  const rows = await stack.db.selectFrom('sellerStandings').select(['sellerId', 'confirmedPoints', 'pendingPoints', 'tierPoints', 'estimate']).orderBy('sellerId').execute();
  return rows.map((row) => ({ ...row, estimate: { ...(row.estimate as Record<string, unknown>), nextChangeAt: undefined } }));
}

describe('standings after a worker crash and a Redis flush', () => {
  it('converge to the same values as a clean rebuild', async () => {
    const artists = await Promise.all(['Ana', 'Ben', 'Cleo'].map((name) => ArtistClient.register(stack.app, name)));
    const stores = [storeId(), storeId(), storeId(), storeId()];
    const complaints: { artist: ArtistClient; id: string }[] = [];
    for (const artist of artists) {
      const design = await artist.approvedDesign(`${artist.email} design`);
      for (const store of stores) {
        const { listingIds } = await artist.findings(design, store, [itemId(), itemId()]);
        complaints.push({ artist, id: await artist.complaint(design, listingIds, '2026-10-01') });
      }
    }
    const days = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-12'];
    const half = Math.floor(complaints.length / 2);
    for (const [index, complaint] of complaints.slice(0, half).entries()) {
      await complaint.artist.status(complaint.id, 'removed', days[index % days.length]!);
    }

    // The worker dies mid-run and Redis loses every queue; the API keeps accepting writes.
    await stack.crashWorker();
    await stack.flushRedis();
    for (const [index, complaint] of complaints.slice(half).entries()) {
      await complaint.artist.status(complaint.id, index % 3 === 0 ? 'counter_notice' : 'removed', days[(index + 2) % days.length]!);
    }
    expect(await staleSellers()).toBeGreaterThan(0);

    await stack.startWorker();
    await waitFor(async () => (await staleSellers()) === 0, 60_000, 'standings to catch up');
    const converged = await snapshot();
    expect(converged).toHaveLength(stores.length);

    // A clean rebuild from the facts gives the same standings.
    await stack.db.deleteFrom('sellerStandings').execute();
    await waitFor(async () => (await staleSellers()) === 0, 60_000, 'the clean rebuild');
    expect(await snapshot()).toEqual(converged);
    expect(converged.every((row) => row.confirmedPoints > 0)).toBe(true);
  });
});
