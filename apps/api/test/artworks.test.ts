import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArtwork, createSellerWithListings, fileComplaint } from './factories';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

let context: TestContext;
let artist: TestArtist;
let other: TestArtist;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

function multipart(content: Buffer, filename = 'image.png', contentType = 'image/png') {
  const boundary = '----counterpoint-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  context = await createTestContext();
  artist = await registerArtist(context.app);
  other = await registerArtist(context.app);
});
afterAll(() => context.close());

describe('artworks', () => {
  it('creates, lists, edits and reads a design with its IPR history', async () => {
    const created = await context.app.inject({
      method: 'POST',
      url: '/api/v1/artworks',
      headers: artist.headers,
      payload: { title: 'Luna Moth pin', registrationNumber: null },
    });
    expect(created.statusCode).toBe(201);
    const artwork = created.json();
    expect(artwork).toMatchObject({ title: 'Luna Moth pin', iprType: 'copyright', iprStatus: 'not_submitted', canFileComplaints: false, imageUrl: null });

    const patched = await context.app.inject({ method: 'PATCH', url: `/api/v1/artworks/${artwork.id}`, headers: artist.headers, payload: { description: 'Gold enamel, 2021' } });
    expect(patched.json().description).toBe('Gold enamel, 2021');

    for (const [status, occurredOn] of [['pending', '2026-01-02'], ['approved', '2026-01-07']]) {
      const response = await context.app.inject({ method: 'POST', url: `/api/v1/artworks/${artwork.id}/ipr-status`, headers: artist.headers, payload: { status, occurredOn } });
      expect(response.statusCode).toBe(200);
    }
    const detail = await context.app.inject({ method: 'GET', url: `/api/v1/artworks/${artwork.id}`, headers: artist.headers });
    expect(detail.json()).toMatchObject({ iprStatus: 'approved', canFileComplaints: true, counts: { sightings: 0, complaints: 0 } });
    expect(detail.json().iprHistory.map((event: { toStatus: string; occurredOn: string }) => [event.toStatus, event.occurredOn])).toEqual([
      ['pending', '2026-01-02'],
      ['approved', '2026-01-07'],
    ]);
    const list = await context.app.inject({ method: 'GET', url: '/api/v1/artworks', headers: artist.headers });
    expect(list.json().artworks.map((item: { id: string }) => item.id)).toContain(artwork.id);
    const audit = await context.db.selectFrom('auditEvents').select('action').where('subjectId', '=', artwork.id).execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['artwork.created', 'artwork.updated', 'artwork.ipr_status_changed']));
  });

  it('keeps designs private to their owner', async () => {
    const artwork = await createArtwork(context.app, artist);
    for (const [method, url] of [
      ['GET', `/api/v1/artworks/${artwork.id}`],
      ['PATCH', `/api/v1/artworks/${artwork.id}`],
      ['DELETE', `/api/v1/artworks/${artwork.id}`],
    ] as const) {
      const response = await context.app.inject({ method, url, headers: other.headers, payload: method === 'PATCH' ? { title: 'Stolen' } : undefined });
      expect(response.statusCode).toBe(404);
    }
    const list = await context.app.inject({ method: 'GET', url: '/api/v1/artworks', headers: other.headers });
    expect(list.json().artworks).toEqual([]);
  });

  it('refuses illegal IPR changes, future dates, bad enums and bad ids', async () => {
    const artwork = await createArtwork(context.app, artist, { approve: false });
    const same = await context.app.inject({ method: 'POST', url: `/api/v1/artworks/${artwork.id}/ipr-status`, headers: artist.headers, payload: { status: 'not_submitted', occurredOn: '2026-01-01' } });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('illegal_transition');
    const future = await context.app.inject({ method: 'POST', url: `/api/v1/artworks/${artwork.id}/ipr-status`, headers: artist.headers, payload: { status: 'pending', occurredOn: '2099-01-01' } });
    expect(future.statusCode).toBe(400);
    const badEnum = await context.app.inject({ method: 'POST', url: `/api/v1/artworks/${artwork.id}/ipr-status`, headers: artist.headers, payload: { status: 'granted', occurredOn: '2026-01-01' } });
    expect(badEnum.statusCode).toBe(400);
    expect(badEnum.json().error.code).toBe('validation_failed');
    const badDate = await context.app.inject({ method: 'POST', url: `/api/v1/artworks/${artwork.id}/ipr-status`, headers: artist.headers, payload: { status: 'pending', occurredOn: '2026-02-30' } });
    expect(badDate.statusCode).toBe(400);
    const badId = await context.app.inject({ method: 'GET', url: '/api/v1/artworks/not-a-uuid', headers: artist.headers });
    expect(badId.statusCode).toBe(400);
    const badType = await context.app.inject({ method: 'POST', url: '/api/v1/artworks', headers: artist.headers, payload: { title: 'X', iprType: 'design-right' } });
    expect(badType.statusCode).toBe(400);
    const detail = await context.app.inject({ method: 'GET', url: `/api/v1/artworks/${artwork.id}`, headers: artist.headers });
    expect(detail.json().iprHistory).toEqual([]);
  });

  it('accepts PNG images checked by content and serves them back', async () => {
    const artwork = await createArtwork(context.app, artist);
    const upload = await context.app.inject({ method: 'PUT', url: `/api/v1/artworks/${artwork.id}/image`, ...withAuth(multipart(PNG)) });
    expect(upload.statusCode).toBe(200);
    expect(upload.json().imageUrl).toMatch(`/api/v1/artworks/${artwork.id}/image`);
    const image = await context.app.inject({ method: 'GET', url: `/api/v1/artworks/${artwork.id}/image`, headers: artist.headers });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PNG)).toBe(true);
    const stranger = await context.app.inject({ method: 'GET', url: `/api/v1/artworks/${artwork.id}/image`, headers: other.headers });
    expect(stranger.statusCode).toBe(404);
  });

  it('refuses files that are not images whatever they claim (415), oversized ones (413), and non-multipart bodies', async () => {
    const artwork = await createArtwork(context.app, artist);
    const fake = await context.app.inject({ method: 'PUT', url: `/api/v1/artworks/${artwork.id}/image`, ...withAuth(multipart(Buffer.from('<svg></svg>'), 'moth.png', 'image/png')) });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('unsupported_media_type');
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10, 0)]);
    const tooBig = await context.app.inject({ method: 'PUT', url: `/api/v1/artworks/${artwork.id}/image`, ...withAuth(multipart(big)) });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    const json = await context.app.inject({ method: 'PUT', url: `/api/v1/artworks/${artwork.id}/image`, headers: artist.headers, payload: { image: 'x' } });
    expect(json.statusCode).toBe(415);
    const row = await context.db.selectFrom('artworks').select('imageKey').where('id', '=', artwork.id).executeTakeFirstOrThrow();
    expect(row.imageKey).toBeNull();
  });

  it("re-estimates the sellers a design was complained about when its IPR type changes, and only then", async () => {
    const artwork = await createArtwork(context.app, artist);
    const { sellerId, listingIds } = await createSellerWithListings(context.app, artist, artwork.id, 2);
    await fileComplaint(context.app, artist, { artworkId: artwork.id, listingIds, status: 'submitted' });
    const version = async () =>
      (await context.db.selectFrom('sellers').select('factsVersion').where('id', '=', sellerId).executeTakeFirstOrThrow()).factsVersion;
    const patch = (payload: Record<string, unknown>) =>
      context.app.inject({ method: 'PATCH', url: `/api/v1/artworks/${artwork.id}`, headers: artist.headers, payload });

    const before = await version();
    expect((await patch({ title: 'Renamed' })).statusCode).toBe(200);
    expect(await version()).toBe(before);
    expect((await patch({ iprType: 'trademark' })).statusCode).toBe(200);
    expect(await version()).toBe(before + 1);
    const listings = await context.db.selectFrom('complaintListings').select('iprType').where('sellerId', '=', sellerId).execute();
    expect(listings.map((row) => row.iprType)).toEqual(['trademark', 'trademark']);
  });

  it('deletes a design without complaints', async () => {
    const artwork = await createArtwork(context.app, artist);
    const deleted = await context.app.inject({ method: 'DELETE', url: `/api/v1/artworks/${artwork.id}`, headers: artist.headers });
    expect(deleted.statusCode).toBe(200);
    const gone = await context.app.inject({ method: 'GET', url: `/api/v1/artworks/${artwork.id}`, headers: artist.headers });
    expect(gone.statusCode).toBe(404);
  });
});

function withAuth(request: { payload: Buffer; headers: Record<string, string> }) {
  return { payload: request.payload, headers: { ...request.headers, ...artist.headers } };
}
