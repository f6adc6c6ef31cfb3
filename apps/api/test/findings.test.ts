import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFindings, createArtwork, uniqueItemId, uniqueStoreId } from './factories';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

let context: TestContext;
let mira: TestArtist;
let jonas: TestArtist;
let stranger: TestArtist;

beforeAll(async () => {
  context = await createTestContext();
  [mira, jonas, stranger] = await Promise.all([registerArtist(context.app), registerArtist(context.app), registerArtist(context.app)]);
});
afterAll(() => context.close());

describe('findings, sellers and sightings', () => {
  it('turns pasted URLs into one seller, its listings and sightings; two artists meet on the same seller', async () => {
    const moth = await createArtwork(context.app, mira);
    const storeId = uniqueStoreId();
    const [itemA, itemB] = [uniqueItemId(), uniqueItemId()];
    const result = await addFindings(context.app, mira, {
      artworkId: moth.id,
      foundOn: '2026-02-10',
      note: 'exact copy',
      text: [
        `https://www.aliexpress.com/store/${storeId}`,
        `https://www.aliexpress.com/store/product/moth/${storeId}_${itemA}.html`,
        `https://fr.aliexpress.com/item/${itemB}.html?algo_pvid=1`,
        `https://www.aliexpress.com/item/${itemA}.html`,
        'https://a.aliexpress.com/_mKabc1',
        'https://example.com/x',
      ].join('\n'),
    });
    expect(result.results.map((entry) => entry.outcome)).toEqual(['store_saved', 'saved', 'saved', 'duplicate', 'short_link', 'rejected']);
    expect(result.summary).toMatchObject({ listings: 2, newListings: 2, newSellers: 1, sightings: 2, rejected: 1, shortLinks: 1, duplicates: 1 });
    const sellerId = result.results[0]!.sellerId!;
    expect(result.results[1]!.sellerId).toBe(sellerId);
    // The .fr link does not name its store: saved without a seller until someone names it.
    expect(result.results[2]!.sellerId).toBeNull();

    const fox = await createArtwork(context.app, jonas);
    const second = await addFindings(context.app, jonas, { artworkId: fox.id, text: `https://www.aliexpress.com/store/${storeId}/pages/all-items.html\nhttps://www.aliexpress.com/item/${itemA}.html` });
    expect(second.results[0]!.sellerId).toBe(sellerId);
    expect(second.summary).toMatchObject({ newSellers: 0, newListings: 0, sightings: 1 });
    const sellers = await context.db.selectFrom('sellers').select('id').where('storeId', '=', storeId).execute();
    expect(sellers).toHaveLength(1);

    // Mira names the seller of the second listing.
    const attach = await context.app.inject({ method: 'PATCH', url: `/api/v1/listings/${result.results[2]!.listingId}`, headers: mira.headers, payload: { sellerId } });
    expect(attach.statusCode).toBe(200);
    expect(attach.json().sellerId).toBe(sellerId);
    const version = await context.db.selectFrom('sellers').select('factsVersion').where('id', '=', sellerId).executeTakeFirstOrThrow();
    expect(version.factsVersion).toBeGreaterThanOrEqual(3);
    const outbox = await context.db.selectFrom('outbox').select(['topic', 'payload']).execute();
    expect(outbox.some((row) => row.topic === 'seller.facts_changed' && JSON.stringify(row.payload).includes(sellerId))).toBe(true);
  });

  it('shows each viewer only what they may see on a seller profile', async () => {
    const miraArt = await createArtwork(context.app, mira, { title: 'Secret Garden' });
    const storeId = uniqueStoreId();
    const privateItem = uniqueItemId();
    const publicItem = uniqueItemId();
    const privateResult = await addFindings(context.app, mira, {
      artworkId: miraArt.id,
      visibility: 'private',
      note: 'my private note',
      text: `https://www.aliexpress.com/store/product/a/${storeId}_${privateItem}.html`,
    });
    await addFindings(context.app, mira, { artworkId: miraArt.id, visibility: 'public', note: 'public sighting note', text: `https://www.aliexpress.com/store/product/a/${storeId}_${publicItem}.html` });
    const sellerId = privateResult.results[0]!.sellerId!;

    const own = await context.app.inject({ method: 'GET', url: `/api/v1/sellers/${sellerId}`, headers: mira.headers });
    expect(own.json().sightings).toHaveLength(2);
    expect(own.json().sightings.every((sighting: { artist: { isYou: boolean } }) => sighting.artist.isYou)).toBe(true);

    const outsider = await context.app.inject({ method: 'GET', url: `/api/v1/sellers/${sellerId}`, headers: stranger.headers });
    expect(outsider.statusCode).toBe(200);
    const sightings = outsider.json().sightings;
    expect(sightings).toHaveLength(1);
    expect(sightings[0]).toMatchObject({ artist: { id: null, name: 'An artist', isYou: false }, note: null, artworkTitle: null, hasEvidence: false });
    expect(outsider.body).not.toContain('my private note');
    expect(outsider.body).not.toContain('public sighting note');
    expect(outsider.body).not.toContain('Secret Garden');
    expect(outsider.body).not.toContain(mira.id);
    // Both listings are facts about the store and are listed.
    expect(outsider.json().listings).toHaveLength(2);
  });

  it('names an artist in public facts only when they opted in', async () => {
    const artist = await registerArtist(context.app);
    await context.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: artist.headers, payload: { publicAttribution: true, publicName: 'Studio Opt-In' } });
    const art = await createArtwork(context.app, artist);
    const result = await addFindings(context.app, artist, { artworkId: art.id, visibility: 'public', text: `https://www.aliexpress.com/store/product/a/${uniqueStoreId()}_${uniqueItemId()}.html` });
    const profile = await context.app.inject({ method: 'GET', url: `/api/v1/sellers/${result.results[0]!.sellerId}`, headers: stranger.headers });
    expect(profile.json().sightings[0].artist).toEqual({ id: null, name: 'Studio Opt-In', isYou: false });
  });

  it('lists the sellers connected to me, not others', async () => {
    const art = await createArtwork(context.app, jonas);
    const result = await addFindings(context.app, jonas, { artworkId: art.id, visibility: 'private', text: `https://www.aliexpress.com/store/product/a/${uniqueStoreId()}_${uniqueItemId()}.html` });
    const mine = await context.app.inject({ method: 'GET', url: '/api/v1/sellers', headers: jonas.headers });
    expect(mine.json().sellers.map((seller: { id: string }) => seller.id)).toContain(result.results[0]!.sellerId);
    const theirs = await context.app.inject({ method: 'GET', url: '/api/v1/sellers', headers: stranger.headers });
    expect(theirs.json().sellers.map((seller: { id: string }) => seller.id)).not.toContain(result.results[0]!.sellerId);
  });

  it('adds a seller by store URL, finding the existing one', async () => {
    const storeId = uniqueStoreId();
    const first = await context.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: mira.headers, payload: { url: `https://es.aliexpress.com/store/${storeId}?spm=x`, name: 'Glow' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ marketplace: 'aliexpress', storeId, name: 'Glow', storeUrl: `https://www.aliexpress.com/store/${storeId}`, isNew: true });
    const again = await context.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: jonas.headers, payload: { url: `https://www.aliexpress.com/store/all-wholesale-products/${storeId}.html` } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, isNew: false });
    const listing = await context.app.inject({ method: 'POST', url: '/api/v1/sellers', headers: mira.headers, payload: { url: `https://www.aliexpress.com/item/${uniqueItemId()}.html` } });
    expect(listing.statusCode).toBe(422);
  });

  it('refuses bad input without writing anything', async () => {
    const art = await createArtwork(context.app, mira);
    const before = await context.db.selectFrom('listings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const foreignDesign = await context.app.inject({ method: 'POST', url: '/api/v1/findings', headers: jonas.headers, payload: { text: `https://www.aliexpress.com/item/${uniqueItemId()}.html`, artworkId: art.id } });
    expect(foreignDesign.statusCode).toBe(404);
    const future = await context.app.inject({ method: 'POST', url: '/api/v1/findings', headers: mira.headers, payload: { text: `https://www.aliexpress.com/item/${uniqueItemId()}.html`, foundOn: '2099-01-01' } });
    expect(future.statusCode).toBe(400);
    // A typo such as 1926 for 2026: before the first of these marketplaces opened.
    const longAgo = await context.app.inject({ method: 'POST', url: '/api/v1/findings', headers: mira.headers, payload: { text: `https://www.aliexpress.com/item/${uniqueItemId()}.html`, foundOn: '1926-05-04' } });
    expect(longAgo.statusCode).toBe(400);
    expect(longAgo.json().error.details.fields).toEqual([{ field: 'body.foundOn', message: 'must be 1999-01-01 or later, when the first of these marketplaces opened' }]);
    const badVisibility = await context.app.inject({ method: 'POST', url: '/api/v1/findings', headers: mira.headers, payload: { text: 'x', visibility: 'everyone' } });
    expect(badVisibility.statusCode).toBe(400);
    const unknownSeller = await context.app.inject({ method: 'POST', url: '/api/v1/findings', headers: mira.headers, payload: { text: `https://www.aliexpress.com/item/${uniqueItemId()}.html`, sellerId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknownSeller.statusCode).toBe(404);
    const after = await context.db.selectFrom('listings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets an artist edit and delete only their own sightings', async () => {
    const art = await createArtwork(context.app, mira);
    const result = await addFindings(context.app, mira, { artworkId: art.id, text: `https://www.aliexpress.com/item/${uniqueItemId()}.html` });
    const sightingId = result.results[0]!.sightingId!;
    const foreign = await context.app.inject({ method: 'PATCH', url: `/api/v1/sightings/${sightingId}`, headers: jonas.headers, payload: { note: 'hijack' } });
    expect(foreign.statusCode).toBe(404);
    const edit = await context.app.inject({ method: 'PATCH', url: `/api/v1/sightings/${sightingId}`, headers: mira.headers, payload: { note: 'seen again', visibility: 'public' } });
    expect(edit.json()).toMatchObject({ note: 'seen again', visibility: 'public' });
    const mine = await context.app.inject({ method: 'GET', url: `/api/v1/sightings?artworkId=${art.id}`, headers: mira.headers });
    expect(mine.json().sightings).toHaveLength(1);
    expect(mine.json().sightings[0].listing.canonicalUrl).toMatch(/^https:\/\/www\.aliexpress\.com\/item\//);
    const duplicate = await context.app.inject({ method: 'POST', url: '/api/v1/sightings', headers: mira.headers, payload: { listingId: result.results[0]!.listingId, artworkId: art.id, foundOn: '2026-01-01' } });
    expect(duplicate.statusCode).toBe(409);
    const removed = await context.app.inject({ method: 'DELETE', url: `/api/v1/sightings/${sightingId}`, headers: mira.headers });
    expect(removed.statusCode).toBe(200);
  });
});
