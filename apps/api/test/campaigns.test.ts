import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFindings, createArtwork, createSellerWithListings, fileComplaint } from './factories';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

let context: TestContext;

beforeAll(async () => {
  context = await createTestContext();
});
afterAll(() => context.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function call(
  artist: TestArtist,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return context.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: artist.headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

function expectError(response: LightMyRequestResponse, status: number, code: string): string {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().error.code).toBe(code);
  return response.json().error.message as string;
}

// Test bodies are read loosely: the assertions are their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expectOk<T = any>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

/** A collective: the owner, an admin and three members, each joined through an invitation. */
async function collectiveOf(names: string[]) {
  const [ownerName, ...others] = names;
  const owner = await registerArtist(context.app, { displayName: ownerName! });
  const collective = expectOk<{ id: string }>(
    await call(owner, 'POST', '/collectives', { name: `${ownerName}'s circle` }),
    201,
  );
  const members: TestArtist[] = [];
  for (const [index, name] of others.entries()) {
    const member = await registerArtist(context.app, { displayName: name });
    const role = index === 0 ? 'admin' : 'member';
    const { token } = expectOk(
      await call(owner, 'POST', `/collectives/${collective.id}/invitations`, { role }),
      201,
    );
    expectOk(await call(member, 'POST', '/invitations/accept', { token }), 201);
    members.push(member);
  }
  return { id: collective.id, owner, members };
}

/** Inserts a planned task as the worker would (the worker's own tests cover planning). */
async function plantTask(
  campaignId: string,
  artistId: string,
  artworkId: string,
  sellerId: string,
  listingIds: string[],
  plannedOn = '2026-03-02',
) {
  const row = await context.db
    .insertInto('campaignTasks')
    .values({
      campaignId,
      artistId,
      artworkId,
      sellerId,
      marketplace: 'aliexpress',
      plannedOn,
      expectedEstablishedOn: plannedOn,
      listingIds,
      taskKey: `task-${randomUUID()}`,
      explanation: 'Planted by the test.',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await context.db
    .insertInto('reminders')
    .values({ artistId, kind: 'campaign_task', campaignTaskId: row.id, dueOn: plannedOn })
    .execute();
  return row.id;
}

async function outboxCampaignIds(): Promise<string[]> {
  const rows = await context.db
    .selectFrom('outbox')
    .select('payload')
    .where('topic', '=', 'campaign.inputs_changed')
    .execute();
  return rows.flatMap((row) => (row.payload as { campaignIds: string[] }).campaignIds);
}

describe('campaigns: authorization', () => {
  it('lets admins create and change a campaign, members read it, and hides it from everyone else', async () => {
    const circle = await collectiveOf(['Ada', 'Abe', 'Mia']);
    const [admin, member] = circle.members as [TestArtist, TestArtist];
    const outsider = await registerArtist(context.app, { displayName: 'Otto' });
    const design = await createArtwork(context.app, member);
    const { sellerId } = await createSellerWithListings(context.app, member, design.id, 2);

    expectError(
      await call(member, 'POST', `/collectives/${circle.id}/campaigns`, {
        name: 'Mine',
        sellerIds: [sellerId],
      }),
      403,
      'forbidden',
    );
    expectError(
      await call(outsider, 'POST', `/collectives/${circle.id}/campaigns`, {
        name: 'Mine',
        sellerIds: [sellerId],
      }),
      404,
      'not_found',
    );

    const created = expectOk(
      await call(admin, 'POST', `/collectives/${circle.id}/campaigns`, {
        name: 'Pin copies',
        sellerIds: [sellerId],
      }),
      201,
    );
    expect(created).toMatchObject({
      name: 'Pin copies',
      status: 'open',
      goalPoints: 48,
      endsOn: null,
      role: 'admin',
      plan: null,
      participantCount: 0,
    });
    expect(created.sellers).toEqual([
      expect.objectContaining({ id: sellerId, marketplace: 'aliexpress' }),
    ]);
    const base = `/collectives/${circle.id}/campaigns/${created.id}`;

    const listed = expectOk(await call(member, 'GET', `/collectives/${circle.id}/campaigns`));
    expect(listed.campaigns.map((campaign: { id: string }) => campaign.id)).toEqual([created.id]);
    expect(expectOk(await call(member, 'GET', base))).toMatchObject({
      id: created.id,
      role: 'member',
    });

    for (const [method, path] of [
      ['GET', ''],
      ['GET', '/coverage'],
      ['GET', '/progress'],
      ['GET', '/tasks'],
      ['PUT', '/participation'],
    ] as const) {
      expectError(
        await call(outsider, method, `${base}${path}`, method === 'PUT' ? {} : undefined),
        404,
        'not_found',
      );
    }
    expectError(
      await call(outsider, 'GET', `/collectives/${circle.id}/campaigns`),
      404,
      'not_found',
    );
    expectError(await call(member, 'PATCH', base, { name: 'Renamed' }), 403, 'forbidden');
    expectError(await call(member, 'PATCH', base, { status: 'closed' }), 403, 'forbidden');
    expectError(await call(member, 'POST', `${base}/replan`), 403, 'forbidden');

    // A campaign is found only through its own collective.
    const other = await collectiveOf(['Zoe']);
    expectError(
      await call(other.owner, 'GET', `/collectives/${other.id}/campaigns/${created.id}`),
      404,
      'not_found',
    );

    const renamed = expectOk(
      await call(circle.owner, 'PATCH', base, {
        name: 'Pin copies, round 2',
        goalPoints: 48,
        endsOn: '2099-12-31',
      }),
    );
    expect(renamed).toMatchObject({
      name: 'Pin copies, round 2',
      goalPoints: 48,
      endsOn: '2099-12-31',
    });
    expect(expectOk(await call(admin, 'POST', `${base}/replan`), 202)).toEqual({ ok: true });
    const closed = expectOk(await call(admin, 'PATCH', base, { status: 'closed' }));
    expect(closed.status).toBe('closed');
    expectError(await call(admin, 'PATCH', base, { status: 'open' }), 409, 'conflict');
    expectError(await call(member, 'PUT', `${base}/participation`, {}), 409, 'conflict');

    const audit = await context.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectId', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((event) => event.action)).toEqual([
      'campaign.created',
      'campaign.updated',
      'campaign.replan_requested',
      'campaign.closed',
    ]);
    const versions = await context.db
      .selectFrom('campaigns')
      .select('inputsVersion')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(versions.inputsVersion).toBe(4);
    expect((await outboxCampaignIds()).filter((id) => id === created.id)).toHaveLength(4);
  });

  it('lets members opt in and out with their constraints, and refuses impossible ones', async () => {
    const circle = await collectiveOf(['Iris', 'Ivo', 'Ina']);
    const [, member] = circle.members as [TestArtist, TestArtist];
    const design = await createArtwork(context.app, member);
    const { sellerId } = await createSellerWithListings(context.app, member, design.id, 1);
    const campaign = expectOk(
      await call(circle.owner, 'POST', `/collectives/${circle.id}/campaigns`, {
        name: 'Opt-in',
        sellerIds: [sellerId],
      }),
      201,
    );
    const participation = `/collectives/${circle.id}/campaigns/${campaign.id}/participation`;

    const joined = expectOk(
      await call(member, 'PUT', participation, {
        unavailableWeekdays: [6, 0],
        unavailableDates: ['2099-01-02', '2099-01-01', '2099-01-02'],
        maxPerWeek: 2,
      }),
    );
    expect(joined).toMatchObject({
      artistId: member.id,
      isYou: true,
      unavailableWeekdays: [0, 6],
      unavailableDates: ['2099-01-01', '2099-01-02'],
      maxPerWeek: 2,
    });
    const changed = expectOk(await call(member, 'PUT', participation, {}));
    expect(changed).toMatchObject({
      unavailableWeekdays: [],
      unavailableDates: [],
      maxPerWeek: null,
    });
    const detail = expectOk(
      await call(circle.owner, 'GET', `/collectives/${circle.id}/campaigns/${campaign.id}`),
    );
    expect(detail.participants).toEqual([
      expect.objectContaining({ artistId: member.id, isYou: false }),
    ]);
    expect(detail.isParticipant).toBe(false);

    expectError(
      await call(member, 'PUT', participation, { unavailableWeekdays: [0, 1, 2, 3, 4, 5, 6] }),
      400,
      'validation_failed',
    );
    expectError(
      await call(member, 'PUT', participation, { unavailableWeekdays: [7] }),
      400,
      'validation_failed',
    );
    expectError(
      await call(member, 'PUT', participation, { unavailableWeekdays: [1, 1] }),
      400,
      'validation_failed',
    );
    expectError(
      await call(member, 'PUT', participation, { maxPerWeek: 0 }),
      400,
      'validation_failed',
    );
    expectError(
      await call(member, 'PUT', participation, { unavailableDates: ['2099-02-30'] }),
      400,
      'validation_failed',
    );
    expectError(
      await call(member, 'PUT', participation, { holidays: true }),
      400,
      'validation_failed',
    );

    const taskId = await plantTask(campaign.id, member.id, design.id, sellerId, [
      (await createSellerWithListings(context.app, member, design.id, 1)).listingIds[0]!,
    ]);
    expect(expectOk(await call(member, 'DELETE', participation))).toEqual({ ok: true });
    const task = await context.db
      .selectFrom('campaignTasks')
      .select('status')
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(task.status).toBe('cancelled');
    const reminder = await context.db
      .selectFrom('reminders')
      .select('doneAt')
      .where('campaignTaskId', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(reminder.doneAt).not.toBeNull();
    expectError(await call(member, 'DELETE', participation), 404, 'not_found');
  });
});

describe('campaigns: bad input', () => {
  it('answers bad ids, enums, goals, sellers and dates with 4xx codes, never 500', async () => {
    const circle = await collectiveOf(['Bea']);
    const design = await createArtwork(context.app, circle.owner);
    const { sellerId } = await createSellerWithListings(context.app, circle.owner, design.id, 1);
    const campaigns = `/collectives/${circle.id}/campaigns`;
    const campaign = expectOk(
      await call(circle.owner, 'POST', campaigns, { name: 'Bad input', sellerIds: [sellerId] }),
      201,
    );
    const base = `${campaigns}/${campaign.id}`;

    expectError(
      await call(circle.owner, 'GET', '/collectives/not-a-uuid/campaigns'),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'GET', `${campaigns}/not-a-uuid`),
      400,
      'validation_failed',
    );
    expectError(await call(circle.owner, 'GET', `${campaigns}/${randomUUID()}`), 404, 'not_found');
    expectError(await call(circle.owner, 'GET', `${base}/tasks/123`), 400, 'validation_failed');
    expectError(await call(circle.owner, 'GET', `${base}/tasks/${randomUUID()}`), 404, 'not_found');
    expectError(
      await call(circle.owner, 'POST', `${base}/tasks/${randomUUID()}/filed`, {}),
      404,
      'not_found',
    );
    expectError(
      await call(circle.owner, 'GET', `${base}/tasks?status=done`),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'GET', `${base}/tasks?scope=everyone`),
      400,
      'validation_failed',
    );

    expectError(
      await call(circle.owner, 'POST', campaigns, { name: '', sellerIds: [sellerId] }),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'POST', campaigns, { name: 'No target', sellerIds: [] }),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'POST', campaigns, {
        name: 'Twice',
        sellerIds: [sellerId, sellerId],
      }),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'POST', campaigns, { name: 'Bad id', sellerIds: ['seller-1'] }),
      400,
      'validation_failed',
    );
    const unknown = expectError(
      await call(circle.owner, 'POST', campaigns, { name: 'Unknown', sellerIds: [randomUUID()] }),
      404,
      'not_found',
    );
    expect(unknown).toMatch(/Unknown seller/);
    const ladder = expectError(
      await call(circle.owner, 'POST', campaigns, {
        name: 'Odd goal',
        sellerIds: [sellerId],
        goalPoints: 30,
      }),
      400,
      'validation_failed',
    );
    expect(ladder).toMatch(/48 \(Terminated\)/);
    expectError(
      await call(circle.owner, 'POST', campaigns, {
        name: 'Float',
        sellerIds: [sellerId],
        goalPoints: 6.5,
      }),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'POST', campaigns, {
        name: 'Past',
        sellerIds: [sellerId],
        endsOn: '2020-01-01',
      }),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'POST', campaigns, {
        name: 'Not a day',
        sellerIds: [sellerId],
        endsOn: '2099-13-01',
      }),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'POST', campaigns, {
        name: 'Extra',
        sellerIds: [sellerId],
        colour: 'red',
      }),
      400,
      'validation_failed',
    );

    expectError(await call(circle.owner, 'PATCH', base, {}), 400, 'validation_failed');
    expectError(
      await call(circle.owner, 'PATCH', base, { status: 'archived' }),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'PATCH', base, { goalPoints: 7 }),
      400,
      'validation_failed',
    );
    expectError(
      await call(circle.owner, 'PATCH', base, { endsOn: 'tomorrow' }),
      400,
      'validation_failed',
    );
    const response = await context.app.inject({
      method: 'PATCH',
      url: `/api/v1${base}`,
      headers: { ...circle.owner.headers, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expectError(response, 400, 'invalid_json');

    const after = expectOk(await call(circle.owner, 'GET', base));
    expect(after).toMatchObject({
      name: 'Bad input',
      goalPoints: 48,
      status: 'open',
      endsOn: null,
    });
  });
});

describe('campaigns: coverage matrix', () => {
  it('shows who can file now, who must finish IPP set-up, who has not opted in, and unclaimed listings', async () => {
    const circle = await collectiveOf(['Cora', 'Cid', 'Cam', 'Cy']);
    const [approvedMember, pendingMember, bystander] = circle.members as [
      TestArtist,
      TestArtist,
      TestArtist,
    ];
    const koi = await createArtwork(context.app, approvedMember, { title: 'Koi' });
    const moth = await createArtwork(context.app, pendingMember, { title: 'Moth', approve: false });
    expectOk(
      await call(pendingMember, 'POST', `/artworks/${moth.id}/ipr-status`, {
        status: 'pending',
        occurredOn: '2026-01-05',
      }),
    );
    const heron = await createArtwork(context.app, bystander, { title: 'Heron' });
    const fern = await createArtwork(context.app, circle.owner, { title: 'Fern' });

    const {
      sellerId,
      storeId,
      listingIds: koiListings,
    } = await createSellerWithListings(context.app, approvedMember, koi.id, 3);
    const listingUrl = (index: number) =>
      `https://www.aliexpress.com/store/product/copy/${storeId}_${1005009100000000 + index}.html`;
    const found = async (
      artist: TestArtist,
      artworkId: string | undefined,
      indexes: number[],
      visibility = 'collective',
    ) =>
      (
        await addFindings(context.app, artist, {
          text: indexes.map(listingUrl).join('\n'),
          ...(artworkId ? { artworkId } : {}),
          visibility,
          foundOn: '2026-02-01',
        })
      ).results.map((entry) => entry.listingId!);
    const mothListings = await found(pendingMember, moth.id, [1, 2]);
    const heronListings = await found(bystander, heron.id, [3]);
    const [unclaimed] = await found(circle.owner, undefined, [4]);
    // The owner's private sighting stays private: the listing shows as unclaimed to the collective.
    const [privately] = await found(circle.owner, fern.id, [5], 'private');
    const complaint = await fileComplaint(context.app, approvedMember, {
      artworkId: koi.id,
      listingIds: [koiListings[0]!],
    });

    const campaign = expectOk(
      await call(circle.owner, 'POST', `/collectives/${circle.id}/campaigns`, {
        name: 'Matrix',
        sellerIds: [sellerId],
      }),
      201,
    );
    const base = `/collectives/${circle.id}/campaigns/${campaign.id}`;
    expectOk(await call(approvedMember, 'PUT', `${base}/participation`, {}));
    expectOk(await call(pendingMember, 'PUT', `${base}/participation`, {}));

    const coverage = expectOk(await call(pendingMember, 'GET', `${base}/coverage`));
    const [seller] = coverage.sellers;
    expect(seller.seller).toMatchObject({ id: sellerId, storeId, marketplace: 'aliexpress' });
    const stateOf = (listingId: string) =>
      seller.listings.find((listing: { listingId: string }) => listing.listingId === listingId)
        ?.state;
    expect(stateOf(koiListings[0]!)).toBe('complained');
    expect(stateOf(koiListings[1]!)).toBe('can_file');
    expect(stateOf(koiListings[2]!)).toBe('can_file');
    expect(mothListings.map(stateOf)).toEqual(['needs_ipp_setup', 'needs_ipp_setup']);
    expect(stateOf(heronListings[0]!)).toBe('not_opted_in');
    expect(stateOf(unclaimed!)).toBe('unclaimed');
    expect(stateOf(privately!)).toBe('unclaimed');
    expect(seller.counts).toEqual({
      removed: 0,
      complained: 1,
      can_file: 2,
      needs_ipp_setup: 2,
      not_opted_in: 1,
      unclaimed: 2,
    });

    const complained = seller.listings.find(
      (listing: { listingId: string }) => listing.listingId === koiListings[0],
    );
    expect(complained.complaints).toEqual([
      {
        complaintId: complaint.id,
        artist: { id: approvedMember.id, displayName: 'Cid', isYou: false },
        status: 'submitted',
        filedOn: '2026-03-02',
      },
    ]);
    expect(complained.copies).toEqual([
      expect.objectContaining({
        artistId: approvedMember.id,
        artworkTitle: 'Koi',
        iprStatus: 'approved',
        isParticipant: true,
      }),
    ]);
    const mothCopy = seller.listings.find(
      (listing: { listingId: string }) => listing.listingId === mothListings[0],
    ).copies[0];
    expect(mothCopy).toMatchObject({
      artistId: pendingMember.id,
      isYou: true,
      iprStatus: 'pending',
    });

    const byMember = Object.fromEntries(
      coverage.members.map((member: { displayName: string }) => [member.displayName, member]),
    );
    expect(Object.keys(byMember).sort()).toEqual(['Cam', 'Cid', 'Cora', 'Cy']);
    expect(byMember.Cid).toMatchObject({ isParticipant: true, canFileNow: 2, awaitingSetup: 0 });
    expect(byMember.Cam).toMatchObject({
      isParticipant: true,
      isYou: true,
      canFileNow: 0,
      awaitingSetup: 2,
    });
    expect(byMember.Cy).toMatchObject({ isParticipant: false, canFileNow: 0 });
    expect(byMember.Cora.artworks).toEqual([]);
    const mothSetup = byMember.Cam.artworks[0];
    expect(mothSetup).toMatchObject({
      artworkTitle: 'Moth',
      iprStatus: 'pending',
      listingCount: 2,
    });
    expect(
      mothSetup.setupSteps.map(
        (step: { key: string; state: string }) => `${step.key}:${step.state}`,
      ),
    ).toEqual([
      'register:done',
      'submit_ipr:done',
      'ipr_review:waiting',
      'unique_registration:note',
    ]);
    expect(byMember.Cid.artworks[0]).toMatchObject({ artworkTitle: 'Koi', listingCount: 2 });
    expect(coverage.ippSetup.map((step: { key: string }) => step.key)).toEqual([
      'register',
      'submit_ipr',
      'ipr_review',
      'unique_registration',
    ]);
    expect(coverage.ippSetup[1].detail).toMatch(/place of registration "Others"/);
  });
});

describe('campaigns: tasks', () => {
  it('files your own task as a complaint through the complaint rules, in one transaction', async () => {
    const circle = await collectiveOf(['Tess', 'Tom', 'Tia']);
    const [tom, tia] = circle.members as [TestArtist, TestArtist];
    const fox = await createArtwork(context.app, tom, { title: 'Fox' });
    const { sellerId, listingIds } = await createSellerWithListings(context.app, tom, fox.id, 3);
    const campaign = expectOk(
      await call(circle.owner, 'POST', `/collectives/${circle.id}/campaigns`, {
        name: 'Tasks',
        sellerIds: [sellerId],
      }),
      201,
    );
    const base = `/collectives/${circle.id}/campaigns/${campaign.id}`;
    expectOk(await call(tom, 'PUT', `${base}/participation`, {}));
    const first = await plantTask(
      campaign.id,
      tom.id,
      fox.id,
      sellerId,
      listingIds.slice(0, 2),
      '2026-03-02',
    );
    const second = await plantTask(
      campaign.id,
      tom.id,
      fox.id,
      sellerId,
      listingIds.slice(2),
      '2026-03-03',
    );

    const mine = expectOk(await call(tom, 'GET', `${base}/tasks?status=planned`));
    expect(mine.tasks.map((task: { id: string }) => task.id)).toEqual([first, second]);
    const task = mine.tasks[0];
    expect(task).toMatchObject({
      status: 'planned',
      fileOn: '2026-03-02',
      isOverdue: true,
      artist: { id: tom.id, isYou: true },
      ipr: { artworkId: fox.id, artworkTitle: 'Fox', iprStatus: 'approved' },
    });
    expect(task.pasteList.split('\n')).toEqual(
      task.listings.map((listing: { canonicalUrl: string }) => listing.canonicalUrl),
    );
    expect(task.pasteList).toMatch(/^https:\/\/www\.aliexpress\.com\/item\/\d+\.html$/m);
    expect(task.reasonText).toContain('"Fox"');
    expect(expectOk(await call(tia, 'GET', `${base}/tasks`)).tasks).toEqual([]);
    expect(expectOk(await call(tia, 'GET', `${base}/tasks?scope=all`)).tasks).toHaveLength(2);

    // Nobody files another member's task, not even the owner.
    expectError(await call(tia, 'POST', `${base}/tasks/${first}/filed`, {}), 403, 'forbidden');
    expectError(
      await call(circle.owner, 'POST', `${base}/tasks/${first}/skip`, { reason: 'no' }),
      403,
      'forbidden',
    );
    expectError(
      await call(tom, 'POST', `${base}/tasks/${first}/filed`, { filedOn: '2099-01-01' }),
      400,
      'validation_failed',
    );
    expectError(
      await call(tom, 'POST', `${base}/tasks/${first}/filed`, { filedOn: '2026-02-31' }),
      400,
      'validation_failed',
    );
    expectError(
      await call(tom, 'POST', `${base}/tasks/${first}/skip`, { reason: '   ' }),
      400,
      'validation_failed',
    );
    expect(
      await context.db
        .selectFrom('complaints')
        .select('id')
        .where('artistId', '=', tom.id)
        .execute(),
    ).toHaveLength(0);

    const filed = expectOk(
      await call(tom, 'POST', `${base}/tasks/${first}/filed`, {
        filedOn: '2026-03-02',
        ippReference: 'IPP-77',
      }),
    );
    expect(filed).toMatchObject({ status: 'filed', filedOn: '2026-03-02', isOverdue: false });
    const complaint = expectOk(await call(tom, 'GET', `/complaints/${filed.complaintId}`));
    expect(complaint).toMatchObject({
      status: 'submitted',
      visibility: 'collective',
      filedOn: '2026-03-02',
      ippReference: 'IPP-77',
      listingCount: 2,
      artwork: { id: fox.id, title: 'Fox' },
    });
    expect(complaint.reason).toContain('"Fox"');
    // Shared with the collective: the other members see it too.
    expect(expectOk(await call(tia, 'GET', `/complaints/${filed.complaintId}`))).toMatchObject({
      status: 'submitted',
      artist: { id: tom.id },
    });
    const reminders = await context.db
      .selectFrom('reminders')
      .select(['kind', 'doneAt', 'complaintId'])
      .where((eb) =>
        eb.or([eb('campaignTaskId', '=', first), eb('complaintId', '=', filed.complaintId)]),
      )
      .execute();
    // The task's reminder is done; the complaint has its own check-back reminder now.
    expect(reminders).toHaveLength(2);
    expect(reminders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'campaign_task', doneAt: expect.any(Date) }),
        expect.objectContaining({
          kind: 'check_back',
          doneAt: null,
          complaintId: filed.complaintId,
        }),
      ]),
    );
    expectError(await call(tom, 'POST', `${base}/tasks/${first}/filed`, {}), 409, 'conflict');
    expectError(
      await call(tom, 'POST', `${base}/tasks/${first}/skip`, { reason: 'again' }),
      409,
      'conflict',
    );

    const skipped = expectOk(
      await call(tom, 'POST', `${base}/tasks/${second}/skip`, {
        reason: 'That listing is mine to check first.',
      }),
    );
    expect(skipped).toMatchObject({
      status: 'skipped',
      skipReason: 'That listing is mine to check first.',
      complaintId: null,
    });

    const actions = await context.db
      .selectFrom('auditEvents')
      .select('action')
      .where('collectiveId', '=', circle.id)
      .where('action', 'like', 'campaign.task%')
      .orderBy('id')
      .execute();
    expect(actions.map((event) => event.action)).toEqual([
      'campaign.task_filed',
      'campaign.task_skipped',
    ]);
    const progress = expectOk(await call(tia, 'GET', `${base}/progress`));
    expect(progress.tasks).toEqual({ planned: 0, filed: 1, skipped: 1, cancelled: 0, overdue: 0 });
    expect(progress.sellers).toEqual([
      expect.objectContaining({ sellerId, projected: [], goalReachedOn: null }),
    ]);
  });

  it('refuses a task whose IPR is no longer approved with ipr_not_approved, and writes nothing', async () => {
    const circle = await collectiveOf(['Uma', 'Ugo']);
    const [ugo] = circle.members as [TestArtist];
    const owl = await createArtwork(context.app, ugo, { title: 'Owl' });
    const { sellerId, listingIds } = await createSellerWithListings(context.app, ugo, owl.id, 1);
    const campaign = expectOk(
      await call(circle.owner, 'POST', `/collectives/${circle.id}/campaigns`, {
        name: 'Rejected',
        sellerIds: [sellerId],
      }),
      201,
    );
    const base = `/collectives/${circle.id}/campaigns/${campaign.id}`;
    expectOk(await call(ugo, 'PUT', `${base}/participation`, {}));
    const taskId = await plantTask(campaign.id, ugo.id, owl.id, sellerId, listingIds);
    const before = (
      await context.db
        .selectFrom('campaigns')
        .select('inputsVersion')
        .where('id', '=', campaign.id)
        .executeTakeFirstOrThrow()
    ).inputsVersion;

    expectOk(
      await call(ugo, 'POST', `/artworks/${owl.id}/ipr-status`, {
        status: 'rejected',
        occurredOn: '2026-02-01',
      }),
    );
    const bumped = (
      await context.db
        .selectFrom('campaigns')
        .select('inputsVersion')
        .where('id', '=', campaign.id)
        .executeTakeFirstOrThrow()
    ).inputsVersion;
    expect(bumped).toBe(before + 1);

    const message = expectError(
      await call(ugo, 'POST', `${base}/tasks/${taskId}/filed`, {}),
      409,
      'ipr_not_approved',
    );
    expect(message).toMatch(/rejected/);
    expect(
      await context.db
        .selectFrom('complaints')
        .select('id')
        .where('artistId', '=', ugo.id)
        .execute(),
    ).toHaveLength(0);
    const task = await context.db
      .selectFrom('campaignTasks')
      .select(['status', 'complaintId'])
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ status: 'planned', complaintId: null });

    expectOk(await call(circle.owner, 'PATCH', base, { status: 'paused' }));
    expect(
      (
        await context.db
          .selectFrom('campaignTasks')
          .select('status')
          .where('id', '=', taskId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('cancelled');
    expectError(await call(ugo, 'POST', `${base}/tasks/${taskId}/filed`, {}), 409, 'conflict');
  });
});

describe('campaigns: OpenAPI', () => {
  it('documents every campaign route with its schemas', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const { paths } = response.json();
    const base = '/api/v1/collectives/{id}/campaigns';
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        base,
        `${base}/{campaignId}`,
        `${base}/{campaignId}/replan`,
        `${base}/{campaignId}/participation`,
        `${base}/{campaignId}/coverage`,
        `${base}/{campaignId}/progress`,
        `${base}/{campaignId}/tasks`,
        `${base}/{campaignId}/tasks/{taskId}`,
        `${base}/{campaignId}/tasks/{taskId}/filed`,
        `${base}/{campaignId}/tasks/{taskId}/skip`,
      ]),
    );
    const filed = paths[`${base}/{campaignId}/tasks/{taskId}/filed`].post;
    expect(filed.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'filedOn',
    );
    expect(filed.responses['200'].content['application/json'].schema.properties).toHaveProperty(
      'pasteList',
    );
    expect(
      paths[`${base}/{campaignId}/coverage`].get.responses['200'].content['application/json'].schema
        .properties,
    ).toHaveProperty('members');
  });
});
