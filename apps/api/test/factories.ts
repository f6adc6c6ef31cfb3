import type { FastifyInstance } from 'fastify';
import type { TestArtist } from './helpers';

/** Test data built through the API, as an artist would, so every rule applies. */

let itemCounter = 0;
/** A fresh AliExpress item id (16 digits), unique within the test run. */
export function uniqueItemId(): string {
  itemCounter += 1;
  return String(1005007000000000 + Math.floor(Math.random() * 1e9) * 1000 + itemCounter);
}

export function aliexpressListingUrl(itemId = uniqueItemId()): string {
  return `https://www.aliexpress.com/item/${itemId}.html?spm=a2g0o.home.0`;
}

export function uniqueStoreId(): string {
  return String(900000000 + Math.floor(Math.random() * 99_000_000));
}

export async function createArtwork(
  app: FastifyInstance,
  artist: TestArtist,
  overrides: Record<string, unknown> & { approve?: boolean } = {},
): Promise<{ id: string; title: string }> {
  const { approve = true, ...body } = overrides;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/artworks',
    headers: artist.headers,
    payload: { title: `Design ${Math.random().toString(36).slice(2, 8)}`, ...body },
  });
  if (response.statusCode !== 201) throw new Error(`createArtwork: ${response.statusCode} ${response.body}`);
  const artwork = response.json<{ id: string; title: string }>();
  if (approve) {
    for (const status of ['pending', 'approved']) {
      const changed = await app.inject({
        method: 'POST',
        url: `/api/v1/artworks/${artwork.id}/ipr-status`,
        headers: artist.headers,
        payload: { status, occurredOn: '2026-01-10' },
      });
      if (changed.statusCode !== 200) throw new Error(`approve: ${changed.statusCode} ${changed.body}`);
    }
  }
  return artwork;
}

/** Pastes store and listing URLs as findings for a design; returns the API's answer. */
export async function addFindings(
  app: FastifyInstance,
  artist: TestArtist,
  payload: { text: string; artworkId?: string; sellerId?: string; foundOn?: string; visibility?: string; note?: string },
) {
  const response = await app.inject({ method: 'POST', url: '/api/v1/findings', headers: artist.headers, payload });
  if (response.statusCode !== 200) throw new Error(`findings: ${response.statusCode} ${response.body}`);
  return response.json<{
    results: { line: number; outcome: string; listingId: string | null; sellerId: string | null; sightingId: string | null }[];
    summary: Record<string, number>;
  }>();
}

/** A seller with `count` listings copying the design, seen by the artist. */
export async function createSellerWithListings(
  app: FastifyInstance,
  artist: TestArtist,
  artworkId: string,
  count: number,
  visibility = 'collective',
) {
  const storeId = uniqueStoreId();
  const lines = Array.from({ length: count }, () => `https://www.aliexpress.com/store/product/copied-pin/${storeId}_${uniqueItemId()}.html`);
  const result = await addFindings(app, artist, { text: lines.join('\n'), artworkId, visibility, foundOn: '2026-02-01' });
  const listingIds = result.results.map((entry) => entry.listingId!);
  return { sellerId: result.results[0]!.sellerId!, storeId, listingIds };
}

export async function fileComplaint(
  app: FastifyInstance,
  artist: TestArtist,
  payload: { artworkId: string; listingIds: string[]; filedOn?: string; status?: string; visibility?: string },
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: artist.headers,
    payload: { filedOn: '2026-03-02', ...payload },
  });
  if (response.statusCode !== 201) throw new Error(`fileComplaint: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string; listings: { id: string; listing: { id: string }; status: string }[] }>();
}

export async function changeStatus(
  app: FastifyInstance,
  artist: TestArtist,
  complaintId: string,
  payload: { status: string; occurredOn: string; listingIds?: string[]; note?: string },
) {
  return app.inject({ method: 'POST', url: `/api/v1/complaints/${complaintId}/status`, headers: artist.headers, payload });
}
