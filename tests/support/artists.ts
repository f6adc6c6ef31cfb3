import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** A signed-in artist driving the API like the web app does (cookie + CSRF token). */
export class ArtistClient {
  constructor(
    readonly app: FastifyInstance,
    readonly id: string,
    readonly email: string,
    readonly headers: Record<string, string>,
  ) {}

  static async register(app: FastifyInstance, displayName: string): Promise<ArtistClient> {
    const email = `${displayName.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.test`;
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: 'a long test password', displayName } });
    if (response.statusCode !== 201) throw new Error(`register ${displayName}: ${response.body}`);
    const cookie = response.cookies.find((entry) => entry.name === 'cp_session')!;
    const body = response.json<{ artist: { id: string }; csrfToken: string }>();
    return new ArtistClient(app, body.artist.id, email, { cookie: `cp_session=${cookie.value}`, 'x-csrf-token': body.csrfToken });
  }

  async request<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, expected = [200, 201]): Promise<T> {
    const response = await this.app.inject({ method, url, headers: this.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (!expected.includes(response.statusCode)) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
    return response.json<T>();
  }

  async approvedDesign(title: string): Promise<string> {
    const artwork = await this.request<{ id: string }>('POST', '/api/v1/artworks', { title });
    await this.request('POST', `/api/v1/artworks/${artwork.id}/ipr-status`, { status: 'pending', occurredOn: '2026-01-05' });
    await this.request('POST', `/api/v1/artworks/${artwork.id}/ipr-status`, { status: 'approved', occurredOn: '2026-01-09' });
    return artwork.id;
  }

  /** Records listings of a store as copying the design; returns their ids. */
  async findings(artworkId: string, storeId: string, itemIds: string[], visibility = 'collective'): Promise<{ sellerId: string; listingIds: string[] }> {
    const text = itemIds.map((itemId) => `https://www.aliexpress.com/store/product/copy/${storeId}_${itemId}.html`).join('\n');
    const result = await this.request<{ results: { listingId: string; sellerId: string }[] }>('POST', '/api/v1/findings', { text, artworkId, visibility, foundOn: '2026-02-01' });
    return { sellerId: result.results[0]!.sellerId, listingIds: result.results.map((entry) => entry.listingId) };
  }

  async complaint(artworkId: string, listingIds: string[], filedOn: string, visibility = 'collective'): Promise<string> {
    const complaint = await this.request<{ id: string }>('POST', '/api/v1/complaints', { artworkId, listingIds, filedOn, visibility });
    return complaint.id;
  }

  async status(complaintId: string, status: string, occurredOn: string, listingIds?: string[]): Promise<void> {
    await this.request('POST', `/api/v1/complaints/${complaintId}/status`, { status, occurredOn, ...(listingIds ? { listingIds } : {}) });
  }
}

let nextItem = 0;
export function itemId(): string {
  nextItem += 1;
  return String(1005008000000000 + Math.floor(Math.random() * 1e9) * 1000 + nextItem);
}
export function storeId(): string {
  return String(910000000 + Math.floor(Math.random() * 80_000_000));
}
