import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { DEFAULT_PUBLICATION_POLICY } from '@counterpoint/core';
import { loadRulesets, recomputeStandings } from '@counterpoint/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFindings, changeStatus, createArtwork, uniqueItemId, uniqueStoreId } from './factories';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

// The worker's snapshot refresh, run directly as its job does (the relay and the job are
// covered by the worker's own tests). Not exported from the worker package's entry yet.
import { refreshWatchlist } from '@counterpoint/worker';

/*
 * The public watchlist end to end: facts written through the API, standings and the public
 * snapshot computed as the worker's jobs do, read over HTTP without signing in. The worker's
 * clock is fixed so that the estimates are stable.
 */

const WORKER_NOW = new Date('2026-11-15T12:00:00Z');

let context: TestContext;
const rulesets = loadRulesets(null);
let ana: TestArtist; // opted in to attribution as "Studio Ana"
let ben: TestArtist; // not opted in
let cleo: TestArtist; // keeps her complaints private
let dan: TestArtist; // shares complaints with collectives only
const stores = { listed: '', single: '', privateOnly: '', collectiveOnly: '' };
const sellerIds = { listed: '', single: '', privateOnly: '', collectiveOnly: '' };
const EVIL_NAME = '=HYPERLINK("http://evil")<b>&]]>';
const SECRETS = [
  'SECRET-REASON',
  'SECRET-SIGHTING-NOTE',
  'SECRET-SELLER-NOTE',
  'IPP-SECRET-REF',
  'Ben Secretname',
  'Cleo Hidden',
  'Ana Display',
];

async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  label: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What the worker does after facts change: standings, then the public snapshot. */
async function publish(ids: string[] = Object.values(sellerIds)) {
  await recomputeStandings(context.db, rulesets, ids, WORKER_NOW);
  return refreshWatchlist(context.db, {
    policy: DEFAULT_PUBLICATION_POLICY,
    now: () => WORKER_NOW,
    sellerIds: ids,
  });
}

const get = (url: string, headers: Record<string, string> = {}) =>
  context.app.inject({ method: 'GET', url, headers });

/** Listings of `storeId` found by `artist`, then one complaint about them established on `removedOn`. */
async function establish(
  artist: TestArtist,
  artworkId: string,
  storeId: string,
  removedOn: string,
  visibility: string,
  note = 'SECRET-SIGHTING-NOTE',
) {
  const lines = [
    `https://www.aliexpress.com/store/product/copied-pin/${storeId}_${uniqueItemId()}.html`,
  ];
  const found = await addFindings(context.app, artist, {
    text: lines.join('\n'),
    artworkId,
    visibility,
    foundOn: '2026-09-20',
    note,
  });
  const listingIds = found.results.map((result) => result.listingId!);
  const filed = await context.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: artist.headers,
    payload: {
      artworkId,
      listingIds,
      filedOn: '2026-10-01',
      visibility,
      reason: 'SECRET-REASON',
      // Each complaint has its own IPP reference; every one starts with the secret marker.
      ippReference: `IPP-SECRET-REF-${uniqueItemId()}`,
    },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const complaint = filed.json<{ id: string }>();
  const removed = await changeStatus(context.app, artist, complaint.id, {
    status: 'removed',
    occurredOn: removedOn,
  });
  expect(removed.statusCode, removed.body).toBe(200);
  return { sellerId: found.results[0]!.sellerId!, complaintId: complaint.id };
}

async function listedStoreIds(url = '/public/v1/watchlist?limit=100'): Promise<string[]> {
  const response = await get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ entries: { storeId: string }[] }>().entries.map((entry) => entry.storeId);
}

beforeAll(async () => {
  context = await createTestContext({ PUBLIC_URL: 'https://counterpoint.example' });
  [ana, ben, cleo, dan] = await Promise.all([
    registerArtist(context.app, { displayName: 'Ana Display' }),
    registerArtist(context.app, { displayName: 'Ben Secretname' }),
    registerArtist(context.app, { displayName: 'Cleo Hidden' }),
    registerArtist(context.app, { displayName: 'Dan Collective' }),
  ]);
  const optIn = await context.app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: ana.headers,
    payload: { publicAttribution: true, publicName: 'Studio Ana' },
  });
  expect(optIn.statusCode, optIn.body).toBe(200);
  const benName = await context.app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: ben.headers,
    payload: { publicAttribution: false, publicName: 'Ben Public Name' },
  });
  expect(benName.statusCode, benName.body).toBe(200);
  const [anaArt, benArt, cleoArt, danArt] = await Promise.all(
    [ana, ben, cleo, dan].map((artist) => createArtwork(context.app, artist)),
  );

  for (const key of Object.keys(stores) as (keyof typeof stores)[]) stores[key] = uniqueStoreId();
  // Listed: Ana and Ben, in public, on two days; Cleo's private and Dan's collective complaints count in the standing only.
  sellerIds.listed = (
    await establish(ana, anaArt!.id, stores.listed, '2026-10-05', 'public')
  ).sellerId;
  await establish(ben, benArt!.id, stores.listed, '2026-10-06', 'public');
  await establish(cleo, cleoArt!.id, stores.listed, '2026-10-07', 'private');
  await establish(dan, danArt!.id, stores.listed, '2026-10-08', 'collective');
  const note = await context.app.inject({
    method: 'POST',
    url: `/api/v1/sellers/${sellerIds.listed}/notes`,
    headers: ben.headers,
    payload: { body: 'SECRET-SELLER-NOTE', visibility: 'public' },
  });
  expect(note.statusCode, note.body).toBe(201);
  // Not listed: one artist on one day; private complaints only; collective complaints only.
  sellerIds.single = (
    await establish(ana, anaArt!.id, stores.single, '2026-10-05', 'public')
  ).sellerId;
  sellerIds.privateOnly = (
    await establish(cleo, cleoArt!.id, stores.privateOnly, '2026-10-05', 'private')
  ).sellerId;
  await establish(ben, benArt!.id, stores.privateOnly, '2026-10-06', 'private');
  sellerIds.collectiveOnly = (
    await establish(dan, danArt!.id, stores.collectiveOnly, '2026-10-05', 'collective')
  ).sellerId;
  await establish(ben, benArt!.id, stores.collectiveOnly, '2026-10-06', 'collective');

  // Store names are written by sellers (and copied by artists): outputs must escape them.
  const rename = await context.app.inject({
    method: 'PATCH',
    url: `/api/v1/sellers/${sellerIds.listed}`,
    headers: ana.headers,
    payload: { name: EVIL_NAME },
  });
  expect(rename.statusCode, rename.body).toBe(200);
  await publish();
  // The API notices a new snapshot version within a second.
  await waitFor(
    async () => (await listedStoreIds()).includes(stores.listed),
    'the listed seller to appear',
  );
}, 90_000);

afterAll(async () => {
  await context?.close();
});

describe('what the public sees', () => {
  it('lists only corroborated sellers with public facts', async () => {
    const listed = await listedStoreIds();
    expect(listed).toEqual([stores.listed]);
    const response = await get('/public/v1/watchlist');
    const page = response.json();
    expect(page).toMatchObject({ isEstimate: true, sort: 'points', nextCursor: null });
    expect(page.entries[0]).toEqual({
      marketplace: 'aliexpress',
      storeId: stores.listed,
      name: EVIL_NAME,
      storeUrl: `https://www.aliexpress.com/store/${stores.listed}`,
      path: `/public/v1/sellers/aliexpress/${stores.listed}`,
      isEstimate: true,
      rulesetId: 'aliexpress-2022-02-24@1',
      confirmedPoints: 24,
      tier: null,
      isTerminated: false,
      establishedComplaints: 2,
      distinctArtists: 2,
      distinctDays: 2,
      removedListings: 2,
      firstEstablishedOn: '2026-10-05',
      lastEstablishedOn: '2026-10-06',
      listedAt: expect.any(String),
      hasOpenDispute: false,
    });
  });

  it('shows the seller page: standing from every complaint, facts and attribution from public ones only', async () => {
    const response = await get(`/public/v1/sellers/aliexpress/${stores.listed}`);
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.standing).toMatchObject({
      isEstimate: true,
      rulesetId: 'aliexpress-2022-02-24@1',
      asOf: '2026-11-15',
      confirmedPoints: 24,
      remainingPoints: 24,
      terminationPoints: 48,
    });
    expect(page.facts).toEqual({
      establishedComplaints: 2,
      distinctArtists: 2,
      distinctDays: 2,
      removedListings: 2,
      firstEstablishedOn: '2026-10-05',
      lastEstablishedOn: '2026-10-06',
    });
    expect(page.removedListings.map((listing: { removedOn: string }) => listing.removedOn)).toEqual(
      ['2026-10-06', '2026-10-05'],
    );
    expect(page.removedListings[0].url).toMatch(
      /^https:\/\/www\.aliexpress\.com\/item\/\d+\.html$/,
    );
    expect(page.attributions).toEqual([{ name: 'Studio Ana', establishedComplaints: 1 }]);
    expect(page.disputes).toEqual([]);
    expect(response.body).not.toContain('Ben Public Name');
  });

  it('answers 404 for sellers that are not listed, however much the artists know about them', async () => {
    for (const storeId of [stores.single, stores.privateOnly, stores.collectiveOnly, '123']) {
      const response = await get(`/public/v1/sellers/aliexpress/${storeId}`);
      expect(response.statusCode, storeId).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'not_found', message: 'This seller is not on the public watchlist.' },
      });
    }
  });

  it('never leaks unlisted sellers, private data or identities in any output', async () => {
    const outputs = await Promise.all(
      [
        '/public/v1/watchlist',
        `/public/v1/sellers/aliexpress/${stores.listed}`,
        '/public/v1/watchlist.json',
        '/public/v1/watchlist.csv',
        '/public/v1/watchlist.atom',
      ].map((url) => get(url)),
    );
    const artistRows = await context.db.selectFrom('artists').select(['id', 'email']).execute();
    for (const response of outputs) {
      expect(response.statusCode).toBe(200);
      for (const storeId of [stores.single, stores.privateOnly, stores.collectiveOnly])
        expect(response.body).not.toContain(storeId);
      for (const secret of SECRETS) expect(response.body).not.toContain(secret);
      for (const artist of artistRows) {
        expect(response.body).not.toContain(artist.id);
        expect(response.body).not.toContain(artist.email);
      }
      for (const id of Object.values(sellerIds)) expect(response.body).not.toContain(id);
    }
  });

  it('exports the list as JSON, CSV and Atom with the documented fields', async () => {
    const json = (await get('/public/v1/watchlist.json')).json();
    expect(json).toMatchObject({
      isEstimate: true,
      policy: {
        minDistinctArtists: 2,
        minDistinctDays: 2,
        corroboration: 'either',
        publishedVisibilities: ['public'],
      },
    });
    expect(json.sellers.map((entry: { storeId: string }) => entry.storeId)).toEqual([
      stores.listed,
    ]);

    const csv = await get('/public/v1/watchlist.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="counterpoint-watchlist-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, row, ...rest] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header).toBe(
      'marketplace,store_id,store_name,store_url,page_url,ruleset_id,confirmed_points_estimate,tier_points,tier_label,is_terminated,established_complaints,distinct_artists,distinct_days,removed_listings,first_established_on,last_established_on,listed_at,has_open_dispute',
    );
    expect(row).toMatch(
      new RegExp(
        `^aliexpress,${stores.listed},".*",https://www.aliexpress.com/store/${stores.listed},https://counterpoint.example/watchlist/aliexpress/${stores.listed},aliexpress-2022-02-24@1,24,,,false,2,2,2,2,2026-10-05,2026-10-06,\\S+,false$`,
      ),
    );
    expect(rest).toEqual([]);

    const atom = await get('/public/v1/watchlist.atom');
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom.body).toContain('(AliExpress) added to the watchlist');
    expect(atom.body).toContain(
      `https://counterpoint.example/watchlist/aliexpress/${stores.listed}`,
    );
    expect(atom.body.match(/<entry>/g)).toHaveLength(1);
  });

  it('escapes seller-written names in CSV (formulas) and Atom (markup)', async () => {
    const csv = (await get('/public/v1/watchlist.csv')).body;
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil"")<b>&]]>",`);
    const atom = (await get('/public/v1/watchlist.atom')).body;
    expect(atom).toContain(
      '<![CDATA[=HYPERLINK(&#34;http://evil&#34;)&#60;b&#62;&#38;]]&#62; (AliExpress) added to the watchlist]]>',
    );
    expect(atom).not.toContain('<b>');
    expect((await get(`/public/v1/sellers/aliexpress/${stores.listed}`)).json().name).toBe(
      EVIL_NAME,
    );
  });
});

describe('HTTP caching', () => {
  const urls = () => [
    '/public/v1/watchlist',
    `/public/v1/sellers/aliexpress/${stores.listed}`,
    '/public/v1/watchlist.json',
    '/public/v1/watchlist.csv',
    '/public/v1/watchlist.atom',
  ];

  it('sends strong ETags and answers 304 to If-None-Match, in every accepted form', async () => {
    for (const url of urls()) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"[\w-]{27}"$/);
      expect(first.headers['cache-control']).toMatch(
        /^public, max-age=\d+, stale-while-revalidate=\d+$/,
      );
      expect(first.headers.vary).toBe('accept-encoding');
      for (const header of [
        etag,
        `W/${etag}`,
        `"nope", ${etag}`,
        '*',
        etag.replace(/"$/, '-gz"'),
      ]) {
        const again = await get(url, { 'if-none-match': header });
        expect(again.statusCode, `${url} ${header}`).toBe(304);
        expect(again.body).toBe('');
        expect(again.headers.etag).toBe(etag);
        expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
      }
      expect((await get(url, { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
      const head = await context.app.inject({ method: 'HEAD', url });
      expect(head.statusCode).toBe(200);
      expect(head.headers.etag).toBe(etag);
    }
  });

  it('keeps an unchanged seller page’s ETag across snapshots, and shows a changed one within seconds', async () => {
    const page = `/public/v1/sellers/aliexpress/${stores.listed}`;
    const before = await get(page);
    await publish();
    expect((await get(page)).headers.etag).toBe(before.headers.etag);

    const design = await createArtwork(context.app, ana);
    await establish(ana, design.id, stores.listed, '2026-10-20', 'public');
    const started = Date.now();
    await publish([sellerIds.listed]);
    const after = await waitFor(async () => {
      const response = await get(page);
      return response.headers.etag !== before.headers.etag ? response : null;
    }, 'the new page');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(after.json().facts).toMatchObject({
      establishedComplaints: 3,
      distinctDays: 3,
      lastEstablishedOn: '2026-10-20',
    });
    expect((await get(page, { 'if-none-match': before.headers.etag as string })).statusCode).toBe(
      200,
    );
  });
});

describe('hostile requests', () => {
  it('answers 4xx, never 5xx, to hostile query strings and paths', async () => {
    const forged = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const firstPage = (await get('/public/v1/watchlist?limit=1&sort=points')).json();
    const hostile = [
      'marketplace=ebay',
      'marketplace=aliexpress&marketplace=taobao',
      'minPoints=1e308',
      'minPoints=-1',
      'minPoints=abc',
      'minPoints=99999999999999999999999',
      'tier=1.5',
      'limit=0',
      'limit=101',
      'limit=1&limit=2',
      'limit=',
      'sort=DROP%20TABLE',
      'sort=points&sort=recent',
      'cursor=garbage',
      'cursor=',
      `cursor=${'A'.repeat(5000)}`,
      `cursor=${forged(['points', 1, 'not-a-uuid'])}`,
      `cursor=${forged(['points', -5, '00000000-0000-4000-8000-000000000000'])}`,
      `cursor=${forged(['points', 1e300, '00000000-0000-4000-8000-000000000000'])}`,
      `cursor=${forged({ a: 1 })}`,
      `sort=recent&cursor=${firstPage.nextCursor ?? forged(['points', 1, '00000000-0000-4000-8000-000000000000'])}`,
      'foo=bar',
      '__proto__[polluted]=1',
      'constructor=1',
      `marketplace=${'a'.repeat(20_000)}`,
      'limit[]=5',
      'minPoints=%zz',
    ];
    for (const query of hostile) {
      const response = await get(`/public/v1/watchlist?${query}`);
      expect(response.statusCode, query.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, query.slice(0, 80)).toBeLessThan(500);
      expect(response.json().error.code, query.slice(0, 80)).toMatch(
        /^(bad_request|validation_failed)$/,
      );
    }
    const paths = [
      '/public/v1/sellers/ebay/123',
      `/public/v1/sellers/aliexpress/${'9'.repeat(300)}`,
      '/public/v1/sellers/aliexpress/12%003',
      '/public/v1/sellers/aliexpress/%E0%A4%A',
      "/public/v1/sellers/aliexpress/1'%20OR%201=1",
      '/public/v1/sellers/aliexpress/..%2F..%2Fetc',
      '/public/v1/watchlist.json?x=1',
      '/public/v1/watchlist.csv?download=1',
      '/public/v1/watchlist.atom?page=2',
    ];
    for (const path of paths) {
      const response = await get(path);
      expect(response.statusCode, path.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, path.slice(0, 80)).toBeLessThan(500);
    }
  });
});

describe('pagination and filters', () => {
  beforeAll(async () => {
    // Three more listed sellers, on two marketplaces' worth of store ids (all AliExpress here).
    const [anaArt, benArt] = await Promise.all([
      createArtwork(context.app, ana),
      createArtwork(context.app, ben),
    ]);
    for (let index = 0; index < 3; index += 1) {
      const storeId = uniqueStoreId();
      const { sellerId } = await establish(ana, anaArt.id, storeId, '2026-10-05', 'public');
      for (let day = 0; day <= index; day += 1)
        await establish(ben, benArt.id, storeId, `2026-10-1${day}`, 'public');
      extra.push(sellerId);
    }
    await publish([...Object.values(sellerIds), ...extra]);
    await waitFor(async () => (await listedStoreIds()).length === 4, 'four listed sellers');
  });
  const extra: string[] = [];

  it('walks every page with keyset cursors, in order, without duplicates', async () => {
    for (const sort of ['points', 'complaints', 'artists', 'recent', 'added']) {
      const all = (await get(`/public/v1/watchlist?sort=${sort}&limit=100`))
        .json()
        .entries.map((entry: { storeId: string }) => entry.storeId);
      expect(all).toHaveLength(4);
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await get(
          `/public/v1/watchlist?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json();
        walked.push(...page.entries.map((entry: { storeId: string }) => entry.storeId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked, sort).toEqual(all);
    }
    const points = (await get('/public/v1/watchlist?limit=100'))
      .json()
      .entries.map((entry: { confirmedPoints: number }) => entry.confirmedPoints);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  it('compresses (once the export is big enough) with brotli or gzip as accepted, each coding with its own ETag', async () => {
    const plain = await get('/public/v1/watchlist.json');
    const br = await get('/public/v1/watchlist.json', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.headers.etag).toBe((plain.headers.etag as string).replace(/"$/, '-br"'));
    const gz = await get('/public/v1/watchlist.json', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(
      (await get('/public/v1/watchlist.json', { 'accept-encoding': 'identity' })).headers[
        'content-encoding'
      ],
    ).toBeUndefined();
    expect(
      (
        await get('/public/v1/watchlist.json', {
          'accept-encoding': 'br',
          'if-none-match': br.headers.etag as string,
        })
      ).statusCode,
    ).toBe(304);
  });

  it('filters by marketplace, minimum points and tier', async () => {
    expect(await listedStoreIds('/public/v1/watchlist?marketplace=taobao')).toEqual([]);
    expect(await listedStoreIds('/public/v1/watchlist?marketplace=aliexpress')).toHaveLength(4);
    const strong = (await get('/public/v1/watchlist?minPoints=24')).json().entries;
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.every((entry: { confirmedPoints: number }) => entry.confirmedPoints >= 24)).toBe(
      true,
    );
    expect(await listedStoreIds('/public/v1/watchlist?minPoints=10000')).toEqual([]);
    // AliExpress's ladder has one step (48, terminated): every seller here is below it.
    expect(await listedStoreIds('/public/v1/watchlist?tier=0')).toHaveLength(4);
    expect(await listedStoreIds('/public/v1/watchlist?tier=48')).toEqual([]);
  });
});

describe('changes that rebuild public pages', () => {
  /** Seller ids named by `watchlist.changed` messages written after outbox id `afterId`. */
  async function announcedSellers(afterId: number): Promise<string[]> {
    const rows = await context.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'watchlist.changed')
      .where('id', '>', afterId)
      .execute();
    return rows.flatMap((row) => (row.payload as { sellerIds: string[] }).sellerIds);
  }
  const lastOutboxId = async () =>
    Number(
      (
        await context.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id ?? 0,
    );
  const patchMe = async (payload: Record<string, unknown>) => {
    const response = await context.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: ana.headers,
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  it('an opt-out takes the artist’s name off every public page their complaints are on', async () => {
    const before = await lastOutboxId();
    await patchMe({ publicAttribution: false });
    // Every seller Ana complained about is rebuilt, listed or not, and no other.
    const anasSellers = await context.db
      .selectFrom('complaintListings')
      .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
      .select('complaintListings.sellerId')
      .distinct()
      .where('complaints.artistId', '=', ana.id)
      .execute();
    const announced = (await announcedSellers(before)).sort();
    expect(announced).toEqual(anasSellers.map((row) => row.sellerId).sort());
    expect(announced).toEqual(expect.arrayContaining([sellerIds.listed, sellerIds.single]));
    expect(announced).not.toContain(sellerIds.privateOnly);
    await publish([sellerIds.listed]);
    await waitFor(
      async () =>
        (await get(`/public/v1/sellers/aliexpress/${stores.listed}`)).json().attributions.length ===
        0,
      'the attribution to disappear',
    );
    const page = await get(`/public/v1/sellers/aliexpress/${stores.listed}`);
    expect(page.body).not.toContain('Studio Ana');

    // Saving the settings unchanged rebuilds nothing; opting in again credits her again.
    const unchanged = await lastOutboxId();
    await patchMe({ publicAttribution: false, checkbackDays: 9 });
    expect(await announcedSellers(unchanged)).toEqual([]);
    await patchMe({ publicAttribution: true });
    await publish([sellerIds.listed]);
    await waitFor(
      async () =>
        (await get(`/public/v1/sellers/aliexpress/${stores.listed}`)).json().attributions[0]
          ?.name === 'Studio Ana',
      'the attribution to come back',
    );
  });

  it('renaming a seller rebuilds its public page', async () => {
    const before = await lastOutboxId();
    const rename = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1/sellers/${sellerIds.listed}`,
      headers: ben.headers,
      payload: { name: EVIL_NAME },
    });
    expect(rename.statusCode, rename.body).toBe(200);
    expect(await announcedSellers(before)).toEqual([sellerIds.listed]);
  });
});
