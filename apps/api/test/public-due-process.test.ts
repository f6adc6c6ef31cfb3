import { DEFAULT_PUBLICATION_POLICY } from '@counterpoint/core';
import { loadRulesets, recomputeStandings } from '@counterpoint/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFindings, changeStatus, createArtwork, uniqueItemId, uniqueStoreId } from './factories';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';
// The worker's snapshot refresh, run directly as its job does (see public.test.ts).
import { refreshWatchlist } from '@counterpoint/worker';

/*
 * Due process around the public watchlist: disputes by anyone, reviewed by the admins of
 * the collectives whose members complained; moderators' hides; the safelist of authorised
 * resellers. Facts go through the API; the worker's computations are run directly.
 */

const WORKER_NOW = new Date('2026-11-15T12:00:00Z');
const rulesets = loadRulesets(null);

let context: TestContext;
let ana: TestArtist;
let ben: TestArtist; // member of Olga's collective
let olga: TestArtist; // owner of the collective, complains about nothing herself
let zed: TestArtist; // admin of an unrelated collective
let mo: TestArtist; // moderator
let collectiveId: string;
let otherCollectiveId: string;
const stores: Record<'disputed' | 'hidden' | 'reseller' | 'preSafelisted', string> = {
  disputed: '',
  hidden: '',
  reseller: '',
  preSafelisted: '',
};
const sellers: Record<keyof typeof stores, string> = {
  disputed: '',
  hidden: '',
  reseller: '',
  preSafelisted: '',
};
let disputeId: string;

const DISPUTE = {
  contactEmail: 'Owner@Seller.example',
  statement: 'PRIVATE-STATEMENT: these designs are licensed to our shop since 2024.',
  evidenceUrl: 'https://seller.example/PRIVATE-EVIDENCE.pdf',
};

async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  label: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const get = (url: string, headers: Record<string, string> = {}) =>
  context.app.inject({ method: 'GET', url, headers });
const dispute = (storeId: string, payload: unknown, ip = '198.51.100.1') =>
  context.app.inject({
    method: 'POST',
    url: `/public/v1/sellers/aliexpress/${storeId}/disputes`,
    headers: { 'x-forwarded-for': ip },
    payload: payload as Record<string, unknown>,
  });

async function publish(ids: string[] = Object.values(sellers), options: { isFull?: boolean } = {}) {
  await recomputeStandings(context.db, rulesets, ids, WORKER_NOW);
  return refreshWatchlist(context.db, {
    policy: DEFAULT_PUBLICATION_POLICY,
    now: () => WORKER_NOW,
    ...(options.isFull ? { isFull: true } : { sellerIds: ids }),
  });
}

async function listed(): Promise<string[]> {
  return (await get('/public/v1/watchlist?limit=100'))
    .json<{ entries: { storeId: string }[] }>()
    .entries.map((entry) => entry.storeId);
}

async function sellerPage(storeId: string) {
  return get(`/public/v1/sellers/aliexpress/${storeId}`);
}

/** Two artists' public complaints established on two days: enough to be listed. */
async function corroborate(
  storeId: string,
  designs: { ana: string; ben: string },
): Promise<string> {
  let sellerId = '';
  for (const [artist, artworkId, day] of [
    [ana, designs.ana, '2026-10-05'],
    [ben, designs.ben, '2026-10-06'],
  ] as const) {
    const found = await addFindings(context.app, artist, {
      text: `https://www.aliexpress.com/store/product/pin/${storeId}_${uniqueItemId()}.html`,
      artworkId,
      visibility: 'public',
      foundOn: '2026-09-20',
    });
    sellerId = found.results[0]!.sellerId!;
    const filed = await context.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: artist.headers,
      payload: {
        artworkId,
        listingIds: [found.results[0]!.listingId],
        filedOn: '2026-10-01',
        visibility: 'public',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(
      (
        await changeStatus(context.app, artist, filed.json<{ id: string }>().id, {
          status: 'removed',
          occurredOn: day,
        })
      ).statusCode,
    ).toBe(200);
  }
  return sellerId;
}

beforeAll(async () => {
  context = await createTestContext({ TRUST_PROXY: 'true' });
  const team = await Promise.all(
    ['Ana', 'Ben', 'Olga', 'Zed', 'Mo'].map((name) =>
      registerArtist(context.app, { displayName: name }),
    ),
  );
  [ana, ben, olga, zed, mo] = team as [TestArtist, TestArtist, TestArtist, TestArtist, TestArtist];
  await context.db
    .updateTable('artists')
    .set({ role: 'moderator' })
    .where('id', '=', mo.id)
    .execute();
  const collectives = await context.db
    .insertInto('collectives')
    .values([{ name: 'Pin Makers' }, { name: 'Elsewhere' }])
    .returning('id')
    .execute();
  collectiveId = collectives[0]!.id;
  otherCollectiveId = collectives[1]!.id;
  await context.db
    .insertInto('memberships')
    .values([
      { collectiveId, artistId: olga.id, role: 'owner' },
      { collectiveId, artistId: ben.id, role: 'member' },
      { collectiveId: otherCollectiveId, artistId: zed.id, role: 'admin' },
    ])
    .execute();
  const designs = {
    ana: (await createArtwork(context.app, ana)).id,
    ben: (await createArtwork(context.app, ben)).id,
  };
  for (const key of Object.keys(stores) as (keyof typeof stores)[]) stores[key] = uniqueStoreId();

  // An authorised reseller, safelisted before anyone complains about it.
  const safelisted = await context.app.inject({
    method: 'POST',
    url: '/api/v1/moderation/safelist',
    headers: mo.headers,
    payload: {
      marketplace: 'aliexpress',
      storeId: stores.preSafelisted,
      note: 'Licensed distributor',
    },
  });
  expect(safelisted.statusCode, safelisted.body).toBe(201);
  expect(safelisted.json()).toMatchObject({ storeId: stores.preSafelisted, sellerId: null });

  for (const key of Object.keys(stores) as (keyof typeof stores)[])
    sellers[key] = await corroborate(stores[key], designs);
  await publish();
  await waitFor(async () => (await listed()).length === 3, 'three listed sellers');
}, 90_000);

afterAll(() => context.close());

describe('the safelist', () => {
  it('never lists a safelisted store, however strong its facts', async () => {
    expect(await listed()).not.toContain(stores.preSafelisted);
    await publish(undefined, { isFull: true });
    expect(await listed()).not.toContain(stores.preSafelisted);
    expect((await sellerPage(stores.preSafelisted)).statusCode).toBe(404);
  });
});

describe('disputes from the public', () => {
  it('refuses invalid disputes with 400, and disputes of unlisted sellers with 404', async () => {
    const invalid: unknown[] = [
      {},
      { ...DISPUTE, contactEmail: 'not-an-email' },
      { ...DISPUTE, statement: 'too short' },
      { ...DISPUTE, statement: 'x'.repeat(4001) },
      { ...DISPUTE, evidenceUrl: 'javascript:alert(1)' },
      { ...DISPUTE, evidenceUrl: 'http://localhost/steal' },
      { ...DISPUTE, status: 'upheld' },
      [DISPUTE],
    ];
    for (const payload of invalid) {
      const response = await dispute(stores.disputed, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    const text = await context.app.inject({
      method: 'POST',
      url: `/public/v1/sellers/aliexpress/${stores.disputed}/disputes`,
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(400);
    expect((await dispute(stores.preSafelisted, DISPUTE)).statusCode).toBe(404);
    expect((await dispute('424242', DISPUTE)).statusCode).toBe(404);
    expect((await dispute(stores.disputed, { ...DISPUTE }, '198.51.100.2')).statusCode).toBe(201);
    await context.db.deleteFrom('sellerDisputes').execute();
  });

  it('records a dispute and shows on the seller page that it is open, never what it says', async () => {
    const response = await dispute(stores.disputed, DISPUTE);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'open',
      id: expect.any(String),
      message: expect.any(String),
    });
    expect(response.headers['cache-control']).toBe('no-store');
    disputeId = response.json().id;
    const stored = await context.db
      .selectFrom('sellerDisputes')
      .selectAll()
      .where('id', '=', disputeId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      sellerId: sellers.disputed,
      status: 'open',
      contactEmail: 'owner@seller.example',
      evidenceUrl: DISPUTE.evidenceUrl,
    });

    await publish([sellers.disputed]);
    const page = await waitFor(async () => {
      const shown = await sellerPage(stores.disputed);
      return shown.json().hasOpenDispute ? shown : null;
    }, 'the open dispute on the page');
    expect(page.json().disputes).toEqual([
      {
        status: 'open',
        submittedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        resolvedOn: null,
        publicNote: null,
      },
    ]);
    // Each response follows the new snapshot within a second (not necessarily all at once).
    await waitFor(async () => {
      const entries = (await get('/public/v1/watchlist?limit=100')).json().entries as {
        storeId: string;
        hasOpenDispute: boolean;
      }[];
      return entries.find((item) => item.storeId === stores.disputed)?.hasOpenDispute;
    }, 'the open dispute in the list');
    for (const url of [
      `/public/v1/sellers/aliexpress/${stores.disputed}`,
      '/public/v1/watchlist.json',
      '/public/v1/watchlist.csv',
      '/public/v1/watchlist.atom',
    ]) {
      const body = (await get(url)).body;
      for (const secret of [
        'owner@seller.example',
        'PRIVATE-STATEMENT',
        'PRIVATE-EVIDENCE',
        disputeId,
      ])
        expect(body, url).not.toContain(secret);
    }
  });

  it('limits disputes per address, with Retry-After', async () => {
    const ip = '198.51.100.77';
    for (let index = 0; index < 10; index += 1)
      expect((await dispute(stores.hidden, DISPUTE, ip)).statusCode).toBe(201);
    const limited = await dispute(stores.hidden, DISPUTE, ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await dispute(stores.hidden, DISPUTE, '198.51.100.78')).statusCode).toBe(201);
    await context.db.deleteFrom('sellerDisputes').where('sellerId', '=', sellers.hidden).execute();
  });

  it('caps the open disputes of one seller', async () => {
    for (let index = 0; index < 20; index += 1)
      expect((await dispute(stores.reseller, DISPUTE, `192.0.2.${index}`)).statusCode).toBe(201);
    const capped = await dispute(stores.reseller, DISPUTE, '192.0.2.200');
    expect(capped.statusCode).toBe(409);
    await context.db
      .deleteFrom('sellerDisputes')
      .where('sellerId', '=', sellers.reseller)
      .execute();
  });
});

describe('dispute review by collective admins', () => {
  it('lists the dispute, with its contact details, to admins of collectives whose members complained', async () => {
    const response = await get('/api/v1/disputes', olga.headers);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      disputes: [
        {
          id: disputeId,
          status: 'open',
          seller: {
            id: sellers.disputed,
            marketplace: 'aliexpress',
            storeId: stores.disputed,
            name: null,
          },
          contactEmail: 'owner@seller.example',
          statement: DISPUTE.statement,
          evidenceUrl: DISPUTE.evidenceUrl,
          submittedAt: expect.any(String),
          resolvedAt: null,
          publicNote: null,
          collectives: [{ id: collectiveId, name: 'Pin Makers' }],
        },
      ],
      nextCursor: null,
    });
    expect(
      (await get(`/api/v1/disputes?collectiveId=${collectiveId}`, olga.headers)).json().disputes,
    ).toHaveLength(1);
    expect((await get('/api/v1/disputes?status=rejected', olga.headers)).json().disputes).toEqual(
      [],
    );
  });

  it('shows nothing to members who are not admins, admins of other collectives, or strangers', async () => {
    for (const artist of [ben, zed, ana])
      expect((await get('/api/v1/disputes', artist.headers)).json().disputes, artist.email).toEqual(
        [],
      );
    expect(
      (await get(`/api/v1/disputes?collectiveId=${collectiveId}`, zed.headers)).statusCode,
    ).toBe(404);
    expect((await get('/api/v1/disputes')).statusCode).toBe(401);
    for (const query of [
      'status=closed',
      'limit=0',
      'cursor=garbage',
      'collectiveId=not-a-uuid',
      'extra=1',
    ]) {
      expect((await get(`/api/v1/disputes?${query}`, olga.headers)).statusCode, query).toBe(400);
    }
  });

  it('lets an admin resolve it once, with a public note the seller page shows', async () => {
    const resolve = (artist: TestArtist, payload: unknown) =>
      context.app.inject({
        method: 'POST',
        url: `/api/v1/disputes/${disputeId}/resolution`,
        headers: artist.headers,
        payload: payload as Record<string, unknown>,
      });
    expect((await resolve(zed, { outcome: 'upheld', publicNote: 'Sure' })).statusCode).toBe(404);
    expect((await resolve(ben, { outcome: 'upheld', publicNote: 'Sure' })).statusCode).toBe(404);
    expect((await resolve(olga, { outcome: 'maybe', publicNote: 'x' })).statusCode).toBe(400);
    expect((await resolve(olga, { outcome: 'rejected', publicNote: '' })).statusCode).toBe(400);

    const resolved = await resolve(olga, {
      outcome: 'rejected',
      publicNote: 'The removals were confirmed by the marketplace; no licence was shown.',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      id: disputeId,
      status: 'rejected',
      resolvedAt: expect.any(String),
      collectives: [{ id: collectiveId, name: 'Pin Makers' }],
    });
    expect(
      (await resolve(olga, { outcome: 'upheld', publicNote: 'Changed my mind' })).statusCode,
    ).toBe(409);
    const audit = await context.db
      .selectFrom('auditEvents')
      .select(['action', 'collectiveId', 'actorArtistId'])
      .where('subjectId', '=', disputeId)
      .execute();
    expect(audit).toEqual([{ action: 'dispute.resolved', collectiveId, actorArtistId: olga.id }]);

    await publish([sellers.disputed]);
    const page = await waitFor(async () => {
      const shown = (await sellerPage(stores.disputed)).json();
      return shown.hasOpenDispute === false ? shown : null;
    }, 'the outcome on the page');
    expect(page.disputes).toEqual([
      {
        status: 'rejected',
        submittedOn: expect.any(String),
        resolvedOn: expect.any(String),
        publicNote: 'The removals were confirmed by the marketplace; no licence was shown.',
      },
    ]);
  });
});

describe('moderation', () => {
  it('is for moderators only', async () => {
    const attempts = [
      context.app.inject({
        method: 'GET',
        url: '/api/v1/moderation/hidden-sellers',
        headers: ben.headers,
      }),
      context.app.inject({
        method: 'PUT',
        url: `/api/v1/moderation/hidden-sellers/${sellers.hidden}`,
        headers: ben.headers,
        payload: { reason: 'I do not like it' },
      }),
      context.app.inject({
        method: 'GET',
        url: '/api/v1/moderation/safelist',
        headers: olga.headers,
      }),
      context.app.inject({
        method: 'POST',
        url: '/api/v1/moderation/safelist',
        headers: olga.headers,
        payload: { marketplace: 'aliexpress', storeId: '1', note: '' },
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(403);
    expect(await listed()).toContain(stores.hidden);
  });

  it('hides a seller from every public output at once, while artists still see it', async () => {
    const hidden = await context.app.inject({
      method: 'PUT',
      url: `/api/v1/moderation/hidden-sellers/${sellers.hidden}`,
      headers: mo.headers,
      payload: { reason: 'Court order 2026/17' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toMatchObject({
      sellerId: sellers.hidden,
      storeId: stores.hidden,
      reason: 'Court order 2026/17',
      hiddenBy: mo.id,
    });
    // No worker involved: the API removed it from the snapshot itself.
    await waitFor(async () => !(await listed()).includes(stores.hidden), 'the hide', 3000);
    expect((await sellerPage(stores.hidden)).statusCode).toBe(404);
    // The snapshot's count of listed sellers went down with it.
    const [snapshot, rows] = await Promise.all([
      context.db.selectFrom('publicSnapshot').select('listedSellers').executeTakeFirstOrThrow(),
      context.db.selectFrom('publicWatchlist').select('sellerId').execute(),
    ]);
    expect(snapshot.listedSellers).toBe(rows.length);
    for (const url of [
      '/public/v1/watchlist.json',
      '/public/v1/watchlist.csv',
      '/public/v1/watchlist.atom',
      '/public/v1/watchlist?sort=added',
    ]) {
      expect((await get(url)).body, url).not.toContain(stores.hidden);
    }
    expect((await dispute(stores.hidden, DISPUTE, '198.51.100.90')).statusCode).toBe(404);
    expect((await get(`/api/v1/sellers/${sellers.hidden}`, ana.headers)).statusCode).toBe(200);
    const list = (await get('/api/v1/moderation/hidden-sellers', mo.headers)).json();
    expect(list.hidden).toEqual([
      expect.objectContaining({ sellerId: sellers.hidden, reason: 'Court order 2026/17' }),
    ]);

    // The worker's next refresh (new facts, or the periodic one) keeps it hidden.
    await publish(undefined, { isFull: true });
    expect(await listed()).not.toContain(stores.hidden);
  });

  it('lists the seller again once the hide is lifted', async () => {
    const lifted = await context.app.inject({
      method: 'DELETE',
      url: `/api/v1/moderation/hidden-sellers/${sellers.hidden}`,
      headers: mo.headers,
    });
    expect(lifted.statusCode).toBe(200);
    expect(
      (
        await context.app.inject({
          method: 'DELETE',
          url: `/api/v1/moderation/hidden-sellers/${sellers.hidden}`,
          headers: mo.headers,
        })
      ).statusCode,
    ).toBe(404);
    await publish([sellers.hidden]);
    await waitFor(async () => (await listed()).includes(stores.hidden), 'the seller back');
  });

  it('safelists a listed reseller: gone at once and for good, back when the entry is removed', async () => {
    const added = await context.app.inject({
      method: 'POST',
      url: '/api/v1/moderation/safelist',
      headers: mo.headers,
      payload: {
        marketplace: 'aliexpress',
        storeId: ` ${stores.reseller} `,
        note: 'Authorised by the artists',
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      storeId: stores.reseller,
      sellerId: sellers.reseller,
      note: 'Authorised by the artists',
    });
    await waitFor(async () => !(await listed()).includes(stores.reseller), 'the safelisting', 3000);
    expect(
      (
        await context.app.inject({
          method: 'POST',
          url: '/api/v1/moderation/safelist',
          headers: mo.headers,
          payload: { marketplace: 'aliexpress', storeId: stores.reseller },
        })
      ).statusCode,
    ).toBe(409);
    for (const payload of [
      { marketplace: 'ebay', storeId: '1' },
      { marketplace: 'aliexpress', storeId: 'has spaces' },
      { marketplace: 'aliexpress', storeId: '' },
    ]) {
      expect(
        (
          await context.app.inject({
            method: 'POST',
            url: '/api/v1/moderation/safelist',
            headers: mo.headers,
            payload,
          })
        ).statusCode,
      ).toBe(400);
    }
    await publish(undefined, { isFull: true });
    expect(await listed()).not.toContain(stores.reseller);

    const entries = (await get('/api/v1/moderation/safelist', mo.headers)).json().entries;
    const entry = entries.find((item: { storeId: string }) => item.storeId === stores.reseller);
    expect(
      (
        await context.app.inject({
          method: 'DELETE',
          url: `/api/v1/moderation/safelist/${entry.id}`,
          headers: mo.headers,
        })
      ).statusCode,
    ).toBe(200);
    await publish([sellers.reseller]);
    await waitFor(async () => (await listed()).includes(stores.reseller), 'the reseller back');
  });
});
