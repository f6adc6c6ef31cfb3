import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStatus, createArtwork, createSellerWithListings, fileComplaint, uniqueItemId } from './factories';
import { deliverRemindersJob } from '@counterpoint/worker';
import { ComplaintRepository } from '../src/modules/complaints/complaint.repository';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

let context: TestContext;
let artist: TestArtist;
let other: TestArtist;

beforeAll(async () => {
  context = await createTestContext();
  [artist, other] = await Promise.all([registerArtist(context.app), registerArtist(context.app)]);
});
afterAll(() => context.close());

describe('complaints', () => {
  it('refuses a design whose IPR is not approved with 409 and what to do on IPP', async () => {
    const pending = await createArtwork(context.app, artist, { approve: false });
    await context.app.inject({ method: 'POST', url: `/api/v1/artworks/${pending.id}/ipr-status`, headers: artist.headers, payload: { status: 'pending', occurredOn: '2026-01-05' } });
    const { listingIds } = await createSellerWithListings(context.app, artist, pending.id, 2);
    const response = await context.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: artist.headers, payload: { artworkId: pending.id, listingIds } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ipr_not_approved');
    expect(response.json().error.message).toMatch(/3–5 business days/);
    const count = await context.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('n')).where('artworkId', '=', pending.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('files a complaint with a default reason, a check-back reminder and an outbox message', async () => {
    const design = await createArtwork(context.app, artist, { title: 'Barn Owl' });
    const { listingIds, sellerId } = await createSellerWithListings(context.app, artist, design.id, 3);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    const detail = await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.id}`, headers: artist.headers });
    const body = detail.json();
    expect(body).toMatchObject({ marketplace: 'aliexpress', filedOn: '2026-03-02', status: 'submitted', listingCount: 3, isOwner: true });
    expect(body.reason).toContain('"Barn Owl"');
    expect(body.listings[0].allowedNext).toEqual(['removed', 'unable_to_process', 'information_requested', 'counter_notice', 'withdrawn']);
    const reminders = await context.app.inject({ method: 'GET', url: '/api/v1/me/reminders', headers: artist.headers });
    const reminder = reminders.json().reminders.find((item: { complaintId: string }) => item.complaintId === complaint.id);
    expect(reminder).toMatchObject({ kind: 'check_back', dueOn: '2026-03-05' });
    // Days in the words are written for people; `dueOn` stays machine-readable.
    expect(reminder.detail).toMatch(/^Filed Mon, Mar 2, 2026\./);
    const outbox = await context.db.selectFrom('outbox').select('payload').where('topic', '=', 'seller.facts_changed').execute();
    expect(outbox.some((row) => (row.payload as { sellerIds: string[] }).sellerIds.includes(sellerId))).toBe(true);
  });

  it('words the default reason after the design’s IPR (a trademark is not an artwork)', async () => {
    const design = await createArtwork(context.app, artist, { title: 'Bumble Bee', iprType: 'trademark', registrationNumber: 'TM-2231' });
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 1);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    const detail = (await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.id}`, headers: artist.headers })).json();
    expect(detail.reason).toContain('my registered trademark "Bumble Bee"');
    expect(detail.reason).not.toContain('original artwork');
  });

  it('refuses an IPP reference another of the artist’s complaints carries, on filing, editing and recording as filed', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 4);
    const reference = `C77${Math.random().toString().slice(2, 8)}`;
    const first = await context.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: artist.headers, payload: { artworkId: design.id, listingIds: [listingIds[0]!], filedOn: '2026-03-02', ippReference: reference } });
    expect(first.statusCode).toBe(201);

    // Filing a second complaint with the same reference (whatever its case and spaces).
    const second = await context.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: artist.headers, payload: { artworkId: design.id, listingIds: [listingIds[1]!], filedOn: '2026-03-03', ippReference: ` ${reference.toLowerCase()} ` } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'ipp_reference_taken', details: { complaintId: first.json().id } });
    expect(second.json().error.message).toContain('filed 2026-03-02');
    const count = await context.db.selectFrom('complaintListings').select((eb) => eb.fn.countAll<string>().as('n')).where('listingId', '=', listingIds[1]!).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);

    // Editing another complaint's reference to it.
    const another = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds: [listingIds[2]!] });
    const edit = await context.app.inject({ method: 'PATCH', url: `/api/v1/complaints/${another.id}`, headers: artist.headers, payload: { ippReference: reference } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('ipp_reference_taken');
    // A complaint keeps its own reference when edited.
    const same = await context.app.inject({ method: 'PATCH', url: `/api/v1/complaints/${first.json().id}`, headers: artist.headers, payload: { ippReference: reference, visibility: 'private' } });
    expect(same.statusCode).toBe(200);

    // Recording a draft as filed under it.
    const draft = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds: [listingIds[3]!], status: 'draft' });
    const filed = await context.app.inject({ method: 'POST', url: `/api/v1/complaints/${draft.id}/status`, headers: artist.headers, payload: { status: 'submitted', occurredOn: '2026-03-09', ippReference: reference } });
    expect(filed.statusCode).toBe(409);
    expect(filed.json().error.code).toBe('ipp_reference_taken');
    const still = (await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${draft.id}`, headers: artist.headers })).json();
    expect(still).toMatchObject({ status: 'draft', ippReference: null });

    // Another artist may carry the same number: references are checked per artist.
    const otherDesign = await createArtwork(context.app, other);
    const { listingIds: theirs } = await createSellerWithListings(context.app, other, otherDesign.id, 1);
    const theirsFiled = await context.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: other.headers, payload: { artworkId: otherDesign.id, listingIds: theirs, filedOn: '2026-03-02', ippReference: reference } });
    expect(theirsFiled.statusCode).toBe(201);
  });

  it('reads the check-back notification once the complaint’s change settles its reminder', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 1);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    // The worker turns the due reminder into a notification, as it does every ten minutes.
    const jobContext = { db: context.db, now: () => new Date() } as unknown as Parameters<typeof deliverRemindersJob.handle>[1];
    await deliverRemindersJob.handle({}, jobContext, {} as Parameters<typeof deliverRemindersJob.handle>[2]);
    const unread = async () =>
      (await context.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: artist.headers })).json().notifications.filter(
        (item: { link: string | null; readAt: string | null }) => item.link === `/complaints/${complaint.id}` && item.readAt === null,
      ).length;
    expect(await unread()).toBe(1);

    const removed = await changeStatus(context.app, artist, complaint.id, { status: 'removed', occurredOn: '2026-03-06' });
    expect(removed.statusCode).toBe(200);
    expect(await unread()).toBe(0);

    // Marking a reminder done answers its notification as well.
    const second = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-03' });
    await deliverRemindersJob.handle({}, jobContext, {} as Parameters<typeof deliverRemindersJob.handle>[2]);
    const notificationsOf = async (complaintId: string) =>
      (await context.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: artist.headers })).json().notifications.filter((item: { link: string | null }) => item.link === `/complaints/${complaintId}`);
    expect((await notificationsOf(second.id)).map((item: { readAt: string | null }) => item.readAt)).toEqual([null]);
    const reminder = (await context.app.inject({ method: 'GET', url: '/api/v1/me/reminders', headers: artist.headers })).json().reminders.find((item: { complaintId: string }) => item.complaintId === second.id);
    const done = await context.app.inject({ method: 'POST', url: `/api/v1/me/reminders/${reminder.id}/done`, headers: artist.headers, payload: {} });
    expect(done.statusCode).toBe(200);
    expect((await notificationsOf(second.id))[0].readAt).not.toBeNull();
  });

  it('walks listings through removal, counter-notice with a business-day deadline, and answer', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 2);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });

    const removed = await changeStatus(context.app, artist, complaint.id, { status: 'removed', occurredOn: '2026-03-05', listingIds: [listingIds[0]!] });
    expect(removed.statusCode).toBe(200);
    const countered = await changeStatus(context.app, artist, complaint.id, { status: 'counter_notice', occurredOn: '2026-03-05', listingIds: [listingIds[1]!] });
    expect(countered.statusCode).toBe(200);
    const listing = countered.json().listings.find((item: { listing: { id: string } }) => item.listing.id === listingIds[1]);
    // Thursday + 3 business days = Tuesday.
    expect(listing).toMatchObject({ status: 'counter_notice', counterNoticeOn: '2026-03-05', responseDueOn: '2026-03-10', allowedNext: ['responded', 'restored', 'withdrawn'] });
    expect(countered.json().status).toBe('counter_notice');
    expect(countered.json().nextDeadline).toBe('2026-03-10');
    expect(removed.json().lastRemovedOn).toBe('2026-03-05');

    const reminders = (await context.app.inject({ method: 'GET', url: '/api/v1/me/reminders', headers: artist.headers })).json().reminders;
    expect(reminders.filter((item: { complaintId: string }) => item.complaintId === complaint.id).map((item: { kind: string }) => item.kind)).toEqual(['counter_notice_deadline']);
    expect(reminders.find((item: { complaintId: string }) => item.complaintId === complaint.id).title).toMatch(/ by Tue, Mar 10, 2026$/);

    await changeStatus(context.app, artist, complaint.id, { status: 'responded', occurredOn: '2026-03-06', listingIds: [listingIds[1]!] });
    const final = await changeStatus(context.app, artist, complaint.id, { status: 'removed', occurredOn: '2026-03-12', listingIds: [listingIds[1]!] });
    expect(final.json().listings.map((item: { status: string; establishedOn: string }) => [item.status, item.establishedOn]).sort()).toEqual([
      ['removed', '2026-03-05'],
      ['removed', '2026-03-12'],
    ]);
    expect(final.json().lastRemovedOn).toBe('2026-03-12');
    const history = final.json().listings.find((item: { listing: { id: string } }) => item.listing.id === listingIds[1]).history;
    expect(history.map((event: { toStatus: string }) => event.toStatus)).toEqual(['submitted', 'counter_notice', 'responded', 'removed']);
    const open = (await context.app.inject({ method: 'GET', url: '/api/v1/me/reminders', headers: artist.headers })).json().reminders;
    expect(open.filter((item: { complaintId: string }) => item.complaintId === complaint.id)).toEqual([]);
    const listingRow = await context.db.selectFrom('listings').select('removedOn').where('id', '=', listingIds[0]!).executeTakeFirstOrThrow();
    expect(listingRow.removedOn).toBe('2026-03-05');
  });

  it('answers each status change with the detail a fresh read gives', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 3);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    const steps = [
      { status: 'removed', occurredOn: '2026-03-05', listingIds: [listingIds[0]!], note: 'gone from the store' },
      { status: 'counter_notice', occurredOn: '2026-03-05', listingIds: [listingIds[1]!] },
      { status: 'information_requested', occurredOn: '2026-03-06', listingIds: [listingIds[2]!] },
      { status: 'responded', occurredOn: '2026-03-06', listingIds: [listingIds[1]!] },
      { status: 'restored', occurredOn: '2026-03-09', listingIds: [listingIds[1]!] },
      { status: 'submitted', occurredOn: '2026-03-09', listingIds: [listingIds[2]!], ippReference: 'IPP-2026-0042' },
      { status: 'withdrawn', occurredOn: '2026-03-10', listingIds: [listingIds[2]!] },
    ];
    for (const step of steps) {
      const answer = await changeStatus(context.app, artist, complaint.id, step);
      expect(answer.statusCode).toBe(200);
      const read = await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.id}`, headers: artist.headers });
      expect(answer.json()).toEqual(read.json());
    }
    const final = (await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.id}`, headers: artist.headers })).json();
    expect(final.listings.map((item: { status: string }) => item.status).sort()).toEqual(['removed', 'restored', 'withdrawn']);
    expect(final.ippReference).toBe('IPP-2026-0042');
    expect(final.listings.find((item: { listing: { id: string } }) => item.listing.id === listingIds[0]).history.at(-1)).toMatchObject({ toStatus: 'removed', note: 'gone from the store' });

  });

  it('reads a complaint with its listings and histories in one query, as the separate reads give them', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 3);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    expect((await changeStatus(context.app, artist, complaint.id, { status: 'removed', occurredOn: '2026-03-06', listingIds: [listingIds[0]!], note: 'gone' })).statusCode).toBe(200);
    const repository = new ComplaintRepository(context.db);

    const found = await repository.findVisibleWithListings(artist.id, complaint.id);
    expect(found?.header).toEqual(await repository.findVisible(artist.id, complaint.id));
    const listings = await repository.listListings([complaint.id]);
    expect(found?.listings.map(({ history: _history, ...listing }) => listing)).toEqual(listings);
    const events = await context.db
      .selectFrom('complaintStatusEvents')
      .innerJoin('complaintListings', 'complaintListings.id', 'complaintStatusEvents.complaintListingId')
      .select(['complaintStatusEvents.complaintListingId', 'fromStatus', 'toStatus', 'occurredOn', 'note', 'createdAt'])
      .where('complaintListings.complaintId', '=', complaint.id)
      .orderBy('complaintStatusEvents.id')
      .execute();
    expect(found?.listings.flatMap((listing) => listing.history)).toEqual(
      expect.arrayContaining(events.map((event) => expect.objectContaining(event))),
    );
    expect(found?.listings.flatMap((listing) => listing.history)).toHaveLength(events.length);
    expect(await repository.findVisibleWithListings(other.id, complaint.id)).toBeUndefined();
  });

  it('answers an illegal transition with 409 naming the allowed statuses, and records nothing', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 1);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds });
    await changeStatus(context.app, artist, complaint.id, { status: 'withdrawn', occurredOn: '2026-03-03' });
    const response = await changeStatus(context.app, artist, complaint.id, { status: 'removed', occurredOn: '2026-03-04' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('illegal_transition');
    expect(response.json().error.message).toContain('“Withdrawn” cannot become');
    expect(response.json().error.details.refusals[0]).toMatchObject({ code: 'illegal_transition', allowed: [] });
    const events = await context.db
      .selectFrom('complaintStatusEvents')
      .innerJoin('complaintListings', 'complaintListings.id', 'complaintStatusEvents.complaintListingId')
      .select('toStatus')
      .where('complaintListings.complaintId', '=', complaint.id)
      .execute();
    expect(events.map((event) => event.toStatus)).toEqual(['submitted', 'withdrawn']);
  });

  it('refuses future dates and dates before the previous change', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 1);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    const future = await changeStatus(context.app, artist, complaint.id, { status: 'removed', occurredOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    const before = await changeStatus(context.app, artist, complaint.id, { status: 'removed', occurredOn: '2026-03-01' });
    expect(before.statusCode).toBe(400);
    const futureFiling = await context.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: artist.headers, payload: { artworkId: design.id, listingIds, filedOn: '2099-01-01' } });
    expect(futureFiling.statusCode).toBe(400);
  });

  it('applies a bulk update all or nothing', async () => {
    const design = await createArtwork(context.app, artist);
    const first = await createSellerWithListings(context.app, artist, design.id, 1);
    const second = await createSellerWithListings(context.app, artist, design.id, 1);
    const a = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds: first.listingIds });
    const b = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds: second.listingIds });
    const refused = await context.app.inject({
      method: 'POST',
      url: '/api/v1/complaints/status',
      headers: artist.headers,
      payload: { updates: [{ complaintId: a.id, status: 'removed', occurredOn: '2026-03-06' }, { complaintId: b.id, status: 'draft', occurredOn: '2026-03-06' }] },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.refusals).toHaveLength(1);
    const stillSubmitted = await context.db.selectFrom('complaintListings').select('status').where('complaintId', '=', a.id).executeTakeFirstOrThrow();
    expect(stillSubmitted.status).toBe('submitted');
    const accepted = await context.app.inject({
      method: 'POST',
      url: '/api/v1/complaints/status',
      headers: artist.headers,
      payload: { updates: [{ complaintId: a.id, status: 'removed', occurredOn: '2026-03-06' }, { complaintId: b.id, status: 'unable_to_process', occurredOn: '2026-03-06' }] },
    });
    expect(accepted.json()).toEqual({ updated: 2 });
  });

  it('applies changes to the same listing in the order a bulk request gives them', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 2);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    const [first, second] = listingIds as [string, string];
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/complaints/status',
      headers: artist.headers,
      payload: {
        updates: [
          { complaintId: complaint.id, status: 'counter_notice', occurredOn: '2026-03-05', listingIds: [first] },
          { complaintId: complaint.id, status: 'responded', occurredOn: '2026-03-06', listingIds: [first] },
          { complaintId: complaint.id, status: 'removed', occurredOn: '2026-03-09', listingIds: [first] },
          { complaintId: complaint.id, status: 'removed', occurredOn: '2026-03-06', listingIds: [second] },
        ],
      },
    });
    expect(response.json()).toEqual({ updated: 4 });
    const detail = (await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.id}`, headers: artist.headers })).json();
    const listing = (id: string) => detail.listings.find((item: { listing: { id: string } }) => item.listing.id === id);
    expect(listing(first)).toMatchObject({ status: 'removed', establishedOn: '2026-03-09', counterNoticeOn: '2026-03-05', responseDueOn: null });
    expect(listing(first).history.map((event: { fromStatus: string | null; toStatus: string }) => [event.fromStatus, event.toStatus])).toEqual([
      [null, 'submitted'],
      ['submitted', 'counter_notice'],
      ['counter_notice', 'responded'],
      ['responded', 'removed'],
    ]);
    expect(listing(second)).toMatchObject({ status: 'removed', establishedOn: '2026-03-06' });
    const removedOn = await context.db.selectFrom('listings').select(['id', 'removedOn']).where('id', 'in', listingIds).orderBy('removedOn').execute();
    expect(removedOn.map((row) => row.removedOn)).toEqual(['2026-03-06', '2026-03-09']);
    // The deadline the counter-notice opened and the check-back are both settled now.
    const reminders = await context.db.selectFrom('reminders').select(['kind', 'doneAt']).where('complaintId', '=', complaint.id).orderBy('kind').execute();
    expect(reminders.map((reminder) => [reminder.kind, reminder.doneAt !== null])).toEqual([
      ['check_back', true],
      ['counter_notice_deadline', true],
    ]);
  });

  it('limits complaints to 300 listings and one marketplace, and checks URLs', async () => {
    const design = await createArtwork(context.app, artist);
    const tooMany = await context.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: artist.headers,
      payload: { artworkId: design.id, listingUrls: Array.from({ length: 301 }, () => `https://www.aliexpress.com/item/${uniqueItemId()}.html`) },
    });
    expect(tooMany.statusCode).toBe(400);
    const mixed = await context.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: artist.headers,
      payload: { artworkId: design.id, listingUrls: [`https://www.aliexpress.com/item/${uniqueItemId()}.html`, 'https://detail.1688.com/offer/745000123999.html'] },
    });
    expect(mixed.statusCode).toBe(422);
    const store = await context.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: artist.headers,
      payload: { artworkId: design.id, listingUrls: ['https://www.aliexpress.com/store/912345'] },
    });
    expect(store.statusCode).toBe(422);
    const none = await context.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: artist.headers, payload: { artworkId: design.id } });
    expect(none.statusCode).toBe(400);
  });

  it('gives the paste list in chunks of 300 and as text', async () => {
    const design = await createArtwork(context.app, artist);
    const urls = Array.from({ length: 3 }, () => `https://www.aliexpress.com/item/${uniqueItemId()}.html`);
    const complaint = await context.app.inject({ method: 'POST', url: '/api/v1/complaints', headers: artist.headers, payload: { artworkId: design.id, listingUrls: urls, status: 'draft' } });
    expect(complaint.statusCode).toBe(201);
    expect(complaint.json().filedOn).toBeNull();
    const list = await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.json().id}/paste-list`, headers: artist.headers });
    expect(list.json().urlCount).toBe(3);
    expect(list.json().chunks[0].text.split('\n').sort()).toEqual(urls.sort());
    const text = await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.json().id}/paste-list.txt`, headers: artist.headers });
    expect(text.headers['content-type']).toContain('text/plain');
    expect(text.body.trim().split('\n')).toHaveLength(3);
    const foreign = await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.json().id}/paste-list`, headers: other.headers });
    expect(foreign.statusCode).toBe(404);
    // Drafts can be filed later, then they get a filing date.
    const filed = await changeStatus(context.app, artist, complaint.json().id, { status: 'submitted', occurredOn: '2026-03-09' });
    expect(filed.json()).toMatchObject({ filedOn: '2026-03-09', status: 'submitted' });
  });

  it('keeps complaints private to their owner unless shared, and never lets others change them', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 1);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, visibility: 'private' });
    expect((await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.id}`, headers: other.headers })).statusCode).toBe(404);
    expect((await changeStatus(context.app, other, complaint.id, { status: 'removed', occurredOn: '2026-03-04' })).statusCode).toBe(404);
    const list = await context.app.inject({ method: 'GET', url: '/api/v1/complaints?scope=shared', headers: other.headers });
    expect(list.json().complaints.map((item: { id: string }) => item.id)).not.toContain(complaint.id);
    const publicOne = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, visibility: 'public' });
    const seen = await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${publicOne.id}`, headers: other.headers });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ isOwner: false, reason: null, ippReference: null, artwork: null, artist: { id: null, name: 'An artist' } });
    expect(seen.json().listings[0].allowedNext).toEqual([]);
  });

  it('filters my complaints by status and paginates with a cursor', async () => {
    const design = await createArtwork(context.app, artist);
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 1);
      ids.push((await fileComplaint(context.app, artist, { artworkId: design.id, listingIds })).id);
    }
    await changeStatus(context.app, artist, ids[0]!, { status: 'removed', occurredOn: '2026-03-04' });
    const removed = await context.app.inject({ method: 'GET', url: `/api/v1/complaints?status=removed&artworkId=${design.id}`, headers: artist.headers });
    expect(removed.json().complaints.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    const page1 = await context.app.inject({ method: 'GET', url: `/api/v1/complaints?artworkId=${design.id}&limit=2`, headers: artist.headers });
    const page2 = await context.app.inject({ method: 'GET', url: `/api/v1/complaints?artworkId=${design.id}&limit=2&cursor=${page1.json().nextCursor}`, headers: artist.headers });
    const seen = [...page1.json().complaints, ...page2.json().complaints].map((item: { id: string }) => item.id);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(page2.json().nextCursor).toBeNull();
    const badCursor = await context.app.inject({ method: 'GET', url: '/api/v1/complaints?cursor=%%%', headers: artist.headers });
    expect(badCursor.statusCode).toBe(400);
    const badStatus = await context.app.inject({ method: 'GET', url: '/api/v1/complaints?status=taken_down', headers: artist.headers });
    expect(badStatus.statusCode).toBe(400);
  });

  it('deletes drafts only', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 1);
    const filed = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds });
    expect((await context.app.inject({ method: 'DELETE', url: `/api/v1/complaints/${filed.id}`, headers: artist.headers })).statusCode).toBe(409);
    const draft = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, status: 'draft' });
    expect((await context.app.inject({ method: 'DELETE', url: `/api/v1/complaints/${draft.id}`, headers: artist.headers })).statusCode).toBe(200);
    // A design with complaints cannot be deleted.
    const deleteDesign = await context.app.inject({ method: 'DELETE', url: `/api/v1/artworks/${design.id}`, headers: artist.headers });
    expect(deleteDesign.statusCode).toBe(409);
  });

  it('snoozes and completes reminders', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 1);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    const reminder = (await context.app.inject({ method: 'GET', url: '/api/v1/me/reminders', headers: artist.headers }))
      .json()
      .reminders.find((item: { complaintId: string }) => item.complaintId === complaint.id);
    const foreign = await context.app.inject({ method: 'POST', url: `/api/v1/me/reminders/${reminder.id}/done`, headers: other.headers, payload: {} });
    expect(foreign.statusCode).toBe(404);
    const snoozed = await context.app.inject({ method: 'POST', url: `/api/v1/me/reminders/${reminder.id}/done`, headers: artist.headers, payload: { snoozeDays: 2 } });
    expect(snoozed.statusCode).toBe(200);
    const row = await context.db.selectFrom('reminders').select(['dueOn', 'doneAt']).where('id', '=', reminder.id).executeTakeFirstOrThrow();
    expect(row.doneAt).toBeNull();
    const done = await context.app.inject({ method: 'POST', url: `/api/v1/me/reminders/${reminder.id}/done`, headers: artist.headers, payload: {} });
    expect(done.statusCode).toBe(200);
    const after = (await context.app.inject({ method: 'GET', url: '/api/v1/me/reminders', headers: artist.headers })).json().reminders;
    expect(after.map((item: { id: string }) => item.id)).not.toContain(reminder.id);
  });
});
