import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArtwork, createSellerWithListings } from './factories';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

/**
 * What artists share on a seller profile, and who may change it: notes (private, collective,
 * public without the author's name; deleted by their author only) and the seller's name
 * (set only by artists connected to the seller, since it shows on the public watchlist).
 */

let context: TestContext;
let ana: TestArtist;
let ben: TestArtist;
let outsider: TestArtist;
let sellerId: string;
let otherSellerId: string;

interface NoteView {
  id: string;
  body: string;
  visibility: string;
  artist: { id: string | null; name: string; isYou: boolean };
}

async function notesSeenBy(artist: TestArtist, seller = sellerId): Promise<NoteView[]> {
  const response = await context.app.inject({
    method: 'GET',
    url: `/api/v1/sellers/${seller}`,
    headers: artist.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ notes: NoteView[] }>().notes;
}

async function addNote(artist: TestArtist, body: string, visibility: string, seller = sellerId) {
  return context.app.inject({
    method: 'POST',
    url: `/api/v1/sellers/${seller}/notes`,
    headers: artist.headers,
    payload: { body, visibility },
  });
}

async function deleteNote(artist: TestArtist, noteId: string, seller = sellerId) {
  return context.app.inject({
    method: 'DELETE',
    url: `/api/v1/sellers/${seller}/notes/${noteId}`,
    headers: artist.headers,
  });
}

beforeAll(async () => {
  context = await createTestContext();
  const { app } = context;
  [ana, ben, outsider] = await Promise.all([
    registerArtist(app, { displayName: 'Ana' }),
    registerArtist(app, { displayName: 'Ben' }),
    registerArtist(app, { displayName: 'Outsider' }),
  ]);
  const artwork = await createArtwork(app, ana);
  sellerId = (await createSellerWithListings(app, ana, artwork.id, 1)).sellerId;
  otherSellerId = (await createSellerWithListings(app, ana, artwork.id, 1)).sellerId;
  // Ana and Ben share a collective; the outsider shares none with them.
  const collective = await app.inject({
    method: 'POST',
    url: '/api/v1/collectives',
    headers: ana.headers,
    payload: { name: 'Enamel pin makers' },
  });
  const invitation = await app.inject({
    method: 'POST',
    url: `/api/v1/collectives/${collective.json().id}/invitations`,
    headers: ana.headers,
    payload: {},
  });
  const accepted = await app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    headers: ben.headers,
    payload: { token: invitation.json().token },
  });
  expect(accepted.statusCode, accepted.body).toBe(201);
});

afterAll(async () => {
  await context?.close();
});

describe('seller notes', () => {
  it('shows each note only to those its visibility allows, and public ones without a name', async () => {
    for (const visibility of ['private', 'collective', 'public']) {
      const created = await addNote(ana, `Ana's ${visibility} note`, visibility);
      expect(created.statusCode, created.body).toBe(201);
    }

    const own = await notesSeenBy(ana);
    expect(own.map((note) => note.body).sort()).toEqual([
      "Ana's collective note",
      "Ana's private note",
      "Ana's public note",
    ]);
    expect(own.every((note) => note.artist.isYou)).toBe(true);

    const mate = await notesSeenBy(ben);
    expect(mate.map((note) => note.body).sort()).toEqual([
      "Ana's collective note",
      "Ana's public note",
    ]);
    expect(mate.every((note) => note.artist.id === ana.id && note.artist.name === 'Ana')).toBe(
      true,
    );

    const stranger = await notesSeenBy(outsider);
    expect(stranger.map((note) => note.body)).toEqual(["Ana's public note"]);
    expect(stranger[0]!.artist.id).toBeNull();
    expect(JSON.stringify(stranger)).not.toContain('Ana"');
  });

  it('lets only the author delete a note, and only through the seller it is on', async () => {
    const created = await addNote(ana, 'Same photos as my shop', 'collective');
    const noteId = created.json<{ id: string }>().id;

    // Ben sees it (same collective) but it is not his to delete.
    expect((await deleteNote(ben, noteId)).statusCode).toBe(404);
    // The right note through another seller's address is not found either.
    const elsewhere = await deleteNote(ana, noteId, otherSellerId);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.code).toBe('not_found');
    expect((await notesSeenBy(ana)).map((note) => note.id)).toContain(noteId);

    const deleted = await deleteNote(ana, noteId);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await notesSeenBy(ana)).map((note) => note.id)).not.toContain(noteId);
    expect((await deleteNote(ana, noteId)).statusCode).toBe(404);

    const audit = await context.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', noteId)
      .orderBy('id')
      .execute();
    expect(audit.map((event) => event.action)).toEqual([
      'seller_note.created',
      'seller_note.deleted',
    ]);
  });

  it('refuses bad notes with a clear 4xx and writes nothing', async () => {
    const before = await context.db
      .selectFrom('sellerNotes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    const cases: [string, Record<string, unknown>, number, string][] = [
      [`/api/v1/sellers/${sellerId}/notes`, { body: '' }, 400, 'validation_failed'],
      [`/api/v1/sellers/${sellerId}/notes`, { body: 'x'.repeat(4001) }, 400, 'validation_failed'],
      [
        `/api/v1/sellers/${sellerId}/notes`,
        { body: 'ok', visibility: 'everyone' },
        400,
        'validation_failed',
      ],
      [
        `/api/v1/sellers/${sellerId}/notes`,
        { body: 'NUL \u0000 inside' },
        400,
        'validation_failed',
      ],
      ['/api/v1/sellers/not-a-uuid/notes', { body: 'ok' }, 400, 'validation_failed'],
      [`/api/v1/sellers/${crypto.randomUUID()}/notes`, { body: 'ok' }, 404, 'not_found'],
    ];
    for (const [url, payload, status, code] of cases) {
      const response = await context.app.inject({
        method: 'POST',
        url,
        headers: ana.headers,
        payload,
      });
      expect(response.statusCode, `${url} ${JSON.stringify(payload).slice(0, 40)}`).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    const after = await context.db
      .selectFrom('sellerNotes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(after.count).toBe(before.count);
  });
});

describe("a seller's name", () => {
  async function rename(artist: TestArtist, name: string) {
    return context.app.inject({
      method: 'PATCH',
      url: `/api/v1/sellers/${sellerId}`,
      headers: artist.headers,
      payload: { name },
    });
  }
  async function profile(artist: TestArtist) {
    const response = await context.app.inject({
      method: 'GET',
      url: `/api/v1/sellers/${sellerId}`,
      headers: artist.headers,
    });
    return response.json<{ seller: { name: string | null }; canRename: boolean }>();
  }

  it('can be set by the artist who recorded the seller and by collective mates who see it', async () => {
    expect((await profile(ana)).canRename).toBe(true);
    expect((await profile(ben)).canRename).toBe(true);
    expect((await rename(ana, 'Happy Badge World')).statusCode).toBe(200);
    const byMate = await rename(ben, 'Happy Badge World Store');
    expect(byMate.statusCode, byMate.body).toBe(200);
    expect((await profile(outsider)).seller.name).toBe('Happy Badge World Store');
  });

  it('cannot be changed by an artist with no connection to the seller', async () => {
    expect((await profile(outsider)).canRename).toBe(false);
    const refused = await rename(outsider, 'Totally Legit Shop');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect((await profile(ana)).seller.name).toBe('Happy Badge World Store');
    const audit = await context.db
      .selectFrom('auditEvents')
      .select('actorArtistId')
      .where('action', '=', 'seller.renamed')
      .where('subjectId', '=', sellerId)
      .execute();
    expect(audit.map((event) => event.actorArtistId).sort()).toEqual([ana.id, ben.id].sort());
  });
});
