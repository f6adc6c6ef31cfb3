import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

let context: TestContext;

beforeAll(async () => {
  context = await createTestContext();
});
afterAll(() => context.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

function call(
  artist: TestArtist,
  method: Method,
  url: string,
  payload?: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return context.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: artist.headers,
    ...(payload === undefined ? {} : { payload }),
  });
}

function expectError(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().error.code).toBe(code);
  return response.json().error.message as string;
}

const artist = (displayName: string) => registerArtist(context.app, { displayName });

async function createCollective(owner: TestArtist, name = 'Ink & Thread') {
  const response = await call(owner, 'POST', '/collectives', { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function invite(actor: TestArtist, collectiveId: string, role = 'member') {
  const response = await call(actor, 'POST', `/collectives/${collectiveId}/invitations`, { role });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; token: string; url: string; expiresAt: string }>();
}

async function join(inviter: TestArtist, collectiveId: string, name: string, role = 'member') {
  const member = await artist(name);
  const { token } = await invite(inviter, collectiveId, role);
  const accepted = await call(member, 'POST', '/invitations/accept', { token });
  expect(accepted.statusCode, accepted.body).toBe(201);
  return member;
}

async function roleOf(collectiveId: string, artistId: string) {
  const row = await context.db
    .selectFrom('memberships')
    .select('role')
    .where('collectiveId', '=', collectiveId)
    .where('artistId', '=', artistId)
    .executeTakeFirst();
  return row?.role ?? null;
}

describe('collectives', () => {
  it('creates a collective, lists it with role and member count, and shows its members', async () => {
    const owner = await artist('Ada Owner');
    const created = await call(owner, 'POST', '/collectives', {
      name: '  Risograph Club ',
      description: 'Printmakers against copies',
    });
    expect(created.statusCode).toBe(201);
    const collective = created.json();
    expect(collective).toMatchObject({
      name: 'Risograph Club',
      description: 'Printmakers against copies',
      role: 'owner',
      memberCount: 1,
      members: [{ id: owner.id, displayName: 'Ada Owner', role: 'owner', isYou: true }],
    });

    const member = await join(owner, collective.id, 'Ben Member');
    const list = await call(member, 'GET', '/collectives');
    expect(list.json().collectives).toEqual([
      expect.objectContaining({
        id: collective.id,
        name: 'Risograph Club',
        role: 'member',
        memberCount: 2,
      }),
    ]);

    const detail = await call(member, 'GET', `/collectives/${collective.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().members).toEqual([
      expect.objectContaining({ id: owner.id, role: 'owner', isYou: false }),
      expect.objectContaining({
        id: member.id,
        displayName: 'Ben Member',
        role: 'member',
        isYou: true,
      }),
    ]);
    expect(Date.parse(detail.json().members[1].joinedAt)).not.toBeNaN();

    const audit = await context.db
      .selectFrom('auditEvents')
      .select(['action', 'actorArtistId'])
      .where('collectiveId', '=', collective.id)
      .orderBy('id')
      .execute();
    expect(audit.map((event) => event.action)).toEqual([
      'collective.created',
      'invitation.created',
      'member.joined',
    ]);
  });

  it('answers 404 to non-members on every route, exactly as for a collective that does not exist', async () => {
    const owner = await artist('Owner');
    const outsider = await artist('Outsider');
    const collectiveId = await createCollective(owner);
    const { id: invitationId } = await invite(owner, collectiveId);
    const requests: [Method, string, Record<string, unknown>?][] = [
      ['GET', ''],
      ['PATCH', '', { name: 'Mine now' }],
      ['POST', '/invitations', { role: 'member' }],
      ['GET', '/invitations'],
      ['DELETE', `/invitations/${invitationId}`],
      ['PATCH', `/members/${owner.id}`, { role: 'member' }],
      ['DELETE', `/members/${owner.id}`],
      ['DELETE', `/members/${outsider.id}`],
      ['POST', '/transfer', { artistId: outsider.id }],
      ['GET', '/sellers'],
      ['GET', '/audit'],
    ];
    for (const [method, path, payload] of requests) {
      const hidden = await call(outsider, method, `/collectives/${collectiveId}${path}`, payload);
      const missing = await call(outsider, method, `/collectives/${randomUUID()}${path}`, payload);
      expectError(hidden, 404, 'not_found');
      expect(hidden.json()).toEqual(missing.json());
    }
    expect((await call(outsider, 'GET', '/collectives')).json().collectives).toEqual([]);
    expect(await roleOf(collectiveId, owner.id)).toBe('owner');
    const invitation = await context.db
      .selectFrom('invitations')
      .select('revokedAt')
      .where('id', '=', invitationId)
      .executeTakeFirstOrThrow();
    expect(invitation.revokedAt).toBeNull();
  });

  it('invites by a single-use link: create, preview, accept, and refuse a second use with 410', async () => {
    const owner = await artist('Cleo Owner');
    const invitee = await artist('Dev Invitee');
    const latecomer = await artist('Late Comer');
    const collectiveId = await createCollective(owner, 'Linocut League');

    const created = await invite(owner, collectiveId, 'admin');
    expect(created.url).toBe(`${context.config.publicUrl}/invite#${created.token}`);
    const stored = await context.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const days = (stored.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const open = await call(owner, 'GET', `/collectives/${collectiveId}/invitations`);
    expect(open.json().invitations).toEqual([
      expect.objectContaining({
        id: created.id,
        role: 'admin',
        createdBy: { id: owner.id, displayName: 'Cleo Owner' },
      }),
    ]);
    expect(open.body).not.toContain(created.token);

    const preview = await call(invitee, 'POST', '/invitations/preview', { token: created.token });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      collectiveName: 'Linocut League',
      inviterName: 'Cleo Owner',
      role: 'admin',
      expiresAt: created.expiresAt,
    });

    const accepted = await call(invitee, 'POST', '/invitations/accept', { token: created.token });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({
      collectiveId,
      collectiveName: 'Linocut League',
      role: 'admin',
    });
    expect(await roleOf(collectiveId, invitee.id)).toBe('admin');
    const detail = await call(invitee, 'GET', `/collectives/${collectiveId}`);
    expect(detail.json()).toMatchObject({ role: 'admin', memberCount: 2 });

    const again = await call(latecomer, 'POST', '/invitations/accept', { token: created.token });
    expect(expectError(again, 410, 'gone')).toMatch(/already been used/);
    expectError(
      await call(latecomer, 'POST', '/invitations/preview', { token: created.token }),
      410,
      'gone',
    );
    expect(await roleOf(collectiveId, latecomer.id)).toBeNull();
    expect(
      (await call(owner, 'GET', `/collectives/${collectiveId}/invitations`)).json().invitations,
    ).toEqual([]);
  });

  it('refuses expired and withdrawn links with 410, unknown ones with 404, and members with 409', async () => {
    const owner = await artist('Owner');
    const invitee = await artist('Invitee');
    const collectiveId = await createCollective(owner);

    const expired = await invite(owner, collectiveId);
    await context.db
      .updateTable('invitations')
      .set({ expiresAt: sql<Date>`now() - interval '1 minute'` })
      .where('id', '=', expired.id)
      .execute();
    const expiredPreview = await call(invitee, 'POST', '/invitations/preview', {
      token: expired.token,
    });
    expect(expectError(expiredPreview, 410, 'gone')).toMatch(/expired/);
    const expiredAccept = await call(invitee, 'POST', '/invitations/accept', {
      token: expired.token,
    });
    expect(expectError(expiredAccept, 410, 'gone')).toMatch(/expired/);

    const revoked = await invite(owner, collectiveId);
    const revoke = await call(
      owner,
      'DELETE',
      `/collectives/${collectiveId}/invitations/${revoked.id}`,
    );
    expect(revoke.json()).toEqual({ ok: true });
    expect(
      (await call(owner, 'GET', `/collectives/${collectiveId}/invitations`)).json().invitations,
    ).toEqual([]);
    const revokedAccept = await call(invitee, 'POST', '/invitations/accept', {
      token: revoked.token,
    });
    expect(expectError(revokedAccept, 410, 'gone')).toMatch(/withdrawn/);

    const unknown = await call(invitee, 'POST', '/invitations/accept', {
      token: 'cpi_not-a-real-token',
    });
    expect(expectError(unknown, 404, 'not_found')).toMatch(/not valid/);
    expect(await roleOf(collectiveId, invitee.id)).toBeNull();

    // A member opening a link gets 409, and the link stays usable for someone else.
    const open = await invite(owner, collectiveId);
    const own = await call(owner, 'POST', '/invitations/accept', { token: open.token });
    expect(expectError(own, 409, 'conflict')).toMatch(/already a member/);
    const accepted = await call(invitee, 'POST', '/invitations/accept', { token: open.token });
    expect(accepted.statusCode).toBe(201);

    const missing = await call(
      owner,
      'DELETE',
      `/collectives/${collectiveId}/invitations/${randomUUID()}`,
    );
    expectError(missing, 404, 'not_found');
    const used = await call(owner, 'DELETE', `/collectives/${collectiveId}/invitations/${open.id}`);
    expectError(used, 409, 'conflict');
  });

  it('lets exactly one of several simultaneous accepts of the same link win', async () => {
    const owner = await artist('Owner');
    const racers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => artist(`Racer ${index}`)),
    );
    const collectiveId = await createCollective(owner);
    const { id, token } = await invite(owner, collectiveId);
    const responses = await Promise.all(
      racers.map((racer) => call(racer, 'POST', '/invitations/accept', { token })),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 410, 410, 410, 410, 410, 410, 410]);
    const winner = racers[responses.findIndex((response) => response.statusCode === 201)]!;
    const members = await context.db
      .selectFrom('memberships')
      .select('artistId')
      .where('collectiveId', '=', collectiveId)
      .orderBy('role')
      .execute();
    expect(members.map((row) => row.artistId).sort()).toEqual([owner.id, winner.id].sort());
    const invitation = await context.db
      .selectFrom('invitations')
      .select('acceptedBy')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(invitation.acceptedBy).toBe(winner.id);
  });

  it('keeps role management to admins, and making admins to the owner', async () => {
    const owner = await artist('Owner');
    const collectiveId = await createCollective(owner);
    const admin = await join(owner, collectiveId, 'Admin', 'admin');
    const otherAdmin = await join(owner, collectiveId, 'Other Admin', 'admin');
    const member = await join(admin, collectiveId, 'Member');
    const base = `/collectives/${collectiveId}`;

    const memberInvites = await call(member, 'POST', `${base}/invitations`, { role: 'member' });
    expect(expectError(memberInvites, 403, 'forbidden')).toMatch(/admins and the owner/);
    expectError(await call(member, 'GET', `${base}/invitations`), 403, 'forbidden');
    const memberPromotes = await call(member, 'PATCH', `${base}/members/${member.id}`, {
      role: 'admin',
    });
    expect(expectError(memberPromotes, 403, 'forbidden')).toMatch(/admins and the owner/);
    expectError(await call(member, 'PATCH', base, { name: 'Hijacked' }), 403, 'forbidden');

    const adminInvitesAdmin = await call(admin, 'POST', `${base}/invitations`, { role: 'admin' });
    expect(expectError(adminInvitesAdmin, 403, 'forbidden')).toMatch(/Only the owner/);
    const adminPromotes = await call(admin, 'PATCH', `${base}/members/${member.id}`, {
      role: 'admin',
    });
    expect(expectError(adminPromotes, 403, 'forbidden')).toMatch(/Only the owner/);
    const adminDemotes = await call(admin, 'PATCH', `${base}/members/${otherAdmin.id}`, {
      role: 'member',
    });
    expect(expectError(adminDemotes, 403, 'forbidden')).toMatch(/Only the owner/);
    const ownerRole = await call(admin, 'PATCH', `${base}/members/${owner.id}`, { role: 'member' });
    expect(expectError(ownerRole, 409, 'conflict')).toMatch(/transfer ownership/);
    const selfDemote = await call(owner, 'PATCH', `${base}/members/${owner.id}`, { role: 'admin' });
    expectError(selfDemote, 409, 'conflict');
    const renamed = await call(admin, 'PATCH', base, { description: 'We report together' });
    expect(renamed.json()).toMatchObject({ description: 'We report together', role: 'admin' });

    const promoted = await call(owner, 'PATCH', `${base}/members/${member.id}`, { role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ id: member.id, displayName: 'Member', role: 'admin' });
    const demoted = await call(owner, 'PATCH', `${base}/members/${otherAdmin.id}`, {
      role: 'member',
    });
    expect(demoted.json()).toMatchObject({ id: otherAdmin.id, role: 'member' });
    expect(await roleOf(collectiveId, member.id)).toBe('admin');
    expect(await roleOf(collectiveId, otherAdmin.id)).toBe('member');

    const notMember = await call(owner, 'PATCH', `${base}/members/${randomUUID()}`, {
      role: 'member',
    });
    expect(expectError(notMember, 404, 'not_found')).toMatch(/member/);
  });

  it('transfers ownership to a member in one step; the old owner becomes an admin', async () => {
    const owner = await artist('Old Owner');
    const collectiveId = await createCollective(owner);
    const member = await join(owner, collectiveId, 'New Owner');
    const outsider = await artist('Outsider');
    const base = `/collectives/${collectiveId}`;

    const toOutsider = await call(owner, 'POST', `${base}/transfer`, { artistId: outsider.id });
    expect(expectError(toOutsider, 404, 'not_found')).toMatch(/not a member/);
    const byMember = await call(member, 'POST', `${base}/transfer`, { artistId: member.id });
    expect(expectError(byMember, 403, 'forbidden')).toMatch(/Only the owner/);

    const transferred = await call(owner, 'POST', `${base}/transfer`, { artistId: member.id });
    expect(transferred.statusCode, transferred.body).toBe(200);
    expect(transferred.json()).toMatchObject({ role: 'admin' });
    expect(transferred.json().members).toEqual([
      expect.objectContaining({ id: member.id, role: 'owner' }),
      expect.objectContaining({ id: owner.id, role: 'admin', isYou: true }),
    ]);
    const owners = await context.db
      .selectFrom('memberships')
      .select('artistId')
      .where('collectiveId', '=', collectiveId)
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toEqual([{ artistId: member.id }]);

    const again = await call(owner, 'POST', `${base}/transfer`, { artistId: member.id });
    expectError(again, 403, 'forbidden');
    const back = await call(member, 'POST', `${base}/transfer`, { artistId: owner.id });
    expect(back.json()).toMatchObject({ role: 'admin' });
    expect(await roleOf(collectiveId, owner.id)).toBe('owner');
  });

  it('lets members leave, but not the owner until they transfer', async () => {
    const owner = await artist('Owner');
    const collectiveId = await createCollective(owner);
    const member = await join(owner, collectiveId, 'Leaver');
    const admin = await join(owner, collectiveId, 'Successor', 'admin');
    const base = `/collectives/${collectiveId}`;

    const left = await call(member, 'DELETE', `${base}/members/${member.id}`);
    expect(left.json()).toEqual({ ok: true });
    expectError(await call(member, 'GET', base), 404, 'not_found');
    expect((await call(member, 'GET', '/collectives')).json().collectives).toEqual([]);

    const ownerLeaves = await call(owner, 'DELETE', `${base}/members/${owner.id}`);
    expect(expectError(ownerLeaves, 409, 'conflict')).toMatch(/Transfer ownership/);
    expect(await roleOf(collectiveId, owner.id)).toBe('owner');

    await call(owner, 'POST', `${base}/transfer`, { artistId: admin.id });
    const leavesNow = await call(owner, 'DELETE', `${base}/members/${owner.id}`);
    expect(leavesNow.statusCode).toBe(200);
    const detail = await call(admin, 'GET', base);
    expect(detail.json().members).toEqual([
      expect.objectContaining({ id: admin.id, role: 'owner' }),
    ]);
  });

  it('lets admins remove members (not the owner or other admins); removed members lose access', async () => {
    const owner = await artist('Owner');
    const collectiveId = await createCollective(owner);
    const admin = await join(owner, collectiveId, 'Admin', 'admin');
    const otherAdmin = await join(owner, collectiveId, 'Other Admin', 'admin');
    const member = await join(admin, collectiveId, 'Member');
    const bystander = await join(admin, collectiveId, 'Bystander');
    const base = `/collectives/${collectiveId}`;

    const byMember = await call(bystander, 'DELETE', `${base}/members/${member.id}`);
    expect(expectError(byMember, 403, 'forbidden')).toMatch(/admins and the owner/);
    const removeOwner = await call(admin, 'DELETE', `${base}/members/${owner.id}`);
    expect(expectError(removeOwner, 403, 'forbidden')).toMatch(/owner/);
    const removeAdmin = await call(admin, 'DELETE', `${base}/members/${otherAdmin.id}`);
    expect(expectError(removeAdmin, 403, 'forbidden')).toMatch(/Only the owner/);

    const removed = await call(admin, 'DELETE', `${base}/members/${member.id}`);
    expect(removed.json()).toEqual({ ok: true });
    expect(await roleOf(collectiveId, member.id)).toBeNull();
    for (const path of ['', '/sellers', '/invitations', '/audit']) {
      expectError(await call(member, 'GET', `${base}${path}`), 404, 'not_found');
    }
    const again = await call(admin, 'DELETE', `${base}/members/${member.id}`);
    expectError(again, 404, 'not_found');

    const ownerRemovesAdmin = await call(owner, 'DELETE', `${base}/members/${otherAdmin.id}`);
    expect(ownerRemovesAdmin.statusCode).toBe(200);
    expect((await call(owner, 'GET', base)).json().memberCount).toBe(3);
  });

  it('answers malformed ids and bodies with 400 validation_failed', async () => {
    const owner = await artist('Owner');
    const collectiveId = await createCollective(owner);
    const cases: [Method, string, Record<string, unknown>?][] = [
      ['GET', '/collectives/not-a-uuid'],
      ['GET', '/collectives/123/sellers'],
      ['PATCH', `/collectives/${collectiveId}/members/nope`, { role: 'admin' }],
      ['DELETE', `/collectives/${collectiveId}/members/nope`],
      ['DELETE', `/collectives/${collectiveId}/invitations/xyz`],
      ['POST', `/collectives/${collectiveId}/transfer`, { artistId: 'nope' }],
      ['POST', `/collectives/${collectiveId}/invitations`, { role: 'owner' }],
      ['POST', `/collectives/${collectiveId}/invitations`, { expiresInDays: 31 }],
      ['PATCH', `/collectives/${collectiveId}/members/${owner.id}`, { role: 'owner' }],
      ['PATCH', `/collectives/${collectiveId}`, {}],
      ['POST', '/collectives', { name: '   ' }],
      ['GET', `/collectives/${collectiveId}/sellers?limit=101`],
    ];
    for (const [method, url, payload] of cases) {
      const response = await call(owner, method, url, payload);
      expectError(response, 400, 'validation_failed');
    }
    const badCursor = await call(owner, 'GET', `/collectives/${collectiveId}/audit?cursor=garbage`);
    expect(expectError(badCursor, 400, 'bad_request')).toMatch(/cursor/);
  });
});

describe('collective sellers', () => {
  it('lists sellers members share, with the members each copies, never others’ private sightings', async () => {
    const ada = await artist('Ada');
    const collectiveId = await createCollective(ada);
    const ben = await join(ada, collectiveId, 'Ben');
    const outsider = await artist('Cy Outsider');
    const { db } = context;

    const artwork = (artistId: string, title: string) =>
      db
        .insertInto('artworks')
        .values({ artistId, title })
        .returning('id')
        .executeTakeFirstOrThrow();
    const [moth, heron, fern, crow] = await Promise.all([
      artwork(ada.id, 'Moth'),
      artwork(ben.id, 'Heron'),
      artwork(ben.id, 'Fern'),
      artwork(outsider.id, 'Crow'),
    ]);
    const seller = async (name: string) => {
      const storeId = randomBytes(6).toString('hex');
      return db
        .insertInto('sellers')
        .values({
          marketplace: 'aliexpress',
          storeId,
          name,
          storeUrl: `https://www.aliexpress.com/store/${storeId}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    };
    const shared = await seller('Shared Copies');
    const bensSecret = await seller('Ben Private');
    const outsiders = await seller('Outsider Only');
    const ranked = await seller('Ranked Store');
    const adasSecret = await seller('Ada Private');
    const listing = (sellerId: string) => {
      const itemId = String(Date.now()) + randomBytes(3).toString('hex');
      return db
        .insertInto('listings')
        .values({
          marketplace: 'aliexpress',
          itemId,
          canonicalUrl: `https://www.aliexpress.com/item/${itemId}.html`,
          sellerId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    };
    const [l1, l2, l3, l4, l5, l6] = await Promise.all([
      listing(shared.id),
      listing(shared.id),
      listing(bensSecret.id),
      listing(outsiders.id),
      listing(ranked.id),
      listing(adasSecret.id),
    ]);
    const sight = (
      artistId: string,
      artworkId: string,
      listingId: string,
      visibility: 'private' | 'collective' | 'public',
    ) => ({ artistId, artworkId, listingId, visibility, foundOn: '2026-11-02' });
    await db
      .insertInto('sightings')
      .values([
        sight(ada.id, moth.id, l1.id, 'collective'),
        sight(ben.id, heron.id, l1.id, 'collective'),
        sight(ben.id, fern.id, l2.id, 'public'),
        sight(ben.id, heron.id, l3.id, 'private'),
        sight(outsider.id, crow.id, l4.id, 'collective'),
        sight(outsider.id, crow.id, l1.id, 'public'),
        sight(ada.id, moth.id, l5.id, 'public'),
        sight(ada.id, moth.id, l6.id, 'private'),
      ])
      .execute();
    await db
      .insertInto('sellerStandings')
      .values({
        sellerId: ranked.id,
        marketplace: 'aliexpress',
        rulesetId: 'aliexpress-2024',
        confirmedPoints: 12,
        pendingPoints: 6,
        strikes: 0,
        tierPoints: 12,
        nextTierPoints: 24,
        remainingPoints: 36,
        isTerminated: false,
        complaintsNeeded: 6,
        distinctDaysNeeded: 6,
        pointsStartExpiringOn: null,
        establishedComplaints: 2,
        distinctArtists: 1,
        activeListings: 1,
        removedListings: 0,
        firstEstablishedOn: null,
        lastEstablishedOn: null,
        estimate: JSON.stringify({ tier: { points: 12, label: 'Restricted 7 days' } }),
        computedVersion: 0,
        nextChangeAt: null,
      })
      .execute();

    const asAda = await call(ada, 'GET', `/collectives/${collectiveId}/sellers`);
    expect(asAda.statusCode, asAda.body).toBe(200);
    const sellers = asAda.json().sellers;
    expect(sellers.map((row: { name: string }) => row.name)).toEqual([
      'Shared Copies',
      'Ranked Store',
      'Ada Private',
    ]);
    expect(sellers[0]).toMatchObject({
      id: shared.id,
      marketplace: 'aliexpress',
      listingCount: 2,
      confirmedPoints: null,
      tierLabel: null,
      members: [
        {
          artistId: ben.id,
          displayName: 'Ben',
          isYou: false,
          listingCount: 2,
          artworkTitles: ['Fern', 'Heron'],
        },
        {
          artistId: ada.id,
          displayName: 'Ada',
          isYou: true,
          listingCount: 1,
          artworkTitles: ['Moth'],
        },
      ],
    });
    expect(sellers[1]).toMatchObject({
      id: ranked.id,
      listingCount: 1,
      confirmedPoints: 12,
      pendingPoints: 6,
      tierLabel: 'Restricted 7 days',
    });
    expect(asAda.body).not.toContain('Crow');
    expect(asAda.body).not.toContain('Ben Private');
    expect(asAda.body).not.toContain(outsider.id);
    expect(asAda.json().nextCursor).toBeNull();

    // Ben sees his own private find, not Ada's.
    const asBen = await call(ben, 'GET', `/collectives/${collectiveId}/sellers`);
    expect(asBen.json().sellers.map((row: { name: string }) => row.name)).toEqual([
      'Shared Copies',
      'Ranked Store',
      'Ben Private',
    ]);

    // Keyset pages: one seller at a time, in the same order, then no cursor.
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await call(ada, 'GET', `/collectives/${collectiveId}/sellers?limit=1${query}`);
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json().sellers).toHaveLength(1);
      names.push(page.json().sellers[0].name);
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(names).toEqual(['Shared Copies', 'Ranked Store', 'Ada Private']);

    expectError(
      await call(outsider, 'GET', `/collectives/${collectiveId}/sellers`),
      404,
      'not_found',
    );
  });
});

describe('collective audit trail', () => {
  it('shows admins what happened, newest first, and refuses plain members with 403', async () => {
    const owner = await artist('Olga Owner');
    const collectiveId = await createCollective(owner, 'Audit Atelier');
    const base = `/collectives/${collectiveId}`;
    const admin = await join(owner, collectiveId, 'Adam Admin', 'admin');
    const member = await join(admin, collectiveId, 'Mia Member');
    await call(owner, 'PATCH', `${base}/members/${member.id}`, { role: 'admin' });
    await call(owner, 'PATCH', `${base}/members/${member.id}`, { role: 'member' });
    await call(admin, 'PATCH', base, { name: 'Audit Atelier II' });
    const spare = await invite(admin, collectiveId);
    await call(admin, 'DELETE', `${base}/invitations/${spare.id}`);
    await call(admin, 'DELETE', `${base}/members/${member.id}`);
    const rejoined = await join(admin, collectiveId, 'Mia Again');

    const forbidden = await call(rejoined, 'GET', `${base}/audit`);
    expect(expectError(forbidden, 403, 'forbidden')).toMatch(/admins and the owner/);

    const trail = await call(admin, 'GET', `${base}/audit?limit=100`);
    expect(trail.statusCode, trail.body).toBe(200);
    const events = trail.json().events as {
      id: number;
      action: string;
      actor: { id: string; displayName: string } | null;
      subjectType: string;
      subjectId: string | null;
      before: unknown;
      after: unknown;
      createdAt: string;
    }[];
    expect(events.map((event) => event.action)).toEqual([
      'member.joined',
      'invitation.created',
      'member.removed',
      'invitation.revoked',
      'invitation.created',
      'collective.updated',
      'member.role_changed',
      'member.role_changed',
      'member.joined',
      'invitation.created',
      'member.joined',
      'invitation.created',
      'collective.created',
    ]);
    const ids = events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(events.find((event) => event.action === 'member.removed')).toMatchObject({
      actor: { id: admin.id, displayName: 'Adam Admin' },
      subjectType: 'membership',
      subjectId: member.id,
      before: { role: 'member' },
    });
    expect(events.find((event) => event.action === 'collective.updated')).toMatchObject({
      before: { name: 'Audit Atelier' },
      after: { name: 'Audit Atelier II' },
    });
    expect(events.filter((event) => event.action === 'member.role_changed').reverse()).toEqual([
      expect.objectContaining({
        actor: { id: owner.id, displayName: 'Olga Owner' },
        before: { role: 'member' },
        after: { role: 'admin' },
      }),
      expect.objectContaining({ before: { role: 'admin' }, after: { role: 'member' } }),
    ]);
    expect(trail.body).not.toContain(spare.token);

    const first = await call(owner, 'GET', `${base}/audit?limit=5`);
    expect(first.json().events.map((event: { id: number }) => event.id)).toEqual(ids.slice(0, 5));
    const second = await call(
      owner,
      'GET',
      `${base}/audit?limit=5&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().events.map((event: { id: number }) => event.id)).toEqual(ids.slice(5, 10));
    const last = await call(
      owner,
      'GET',
      `${base}/audit?limit=5&cursor=${second.json().nextCursor}`,
    );
    expect(last.json().events.map((event: { id: number }) => event.id)).toEqual(ids.slice(10));
    expect(last.json().nextCursor).toBeNull();
  });
});
