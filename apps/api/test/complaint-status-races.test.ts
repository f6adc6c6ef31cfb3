import { sql, type Transaction } from 'kysely';
import type { Database } from '@counterpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStatus, createArtwork, createSellerWithListings, fileComplaint } from './factories';
import { createTestContext, registerArtist, type TestArtist, type TestContext } from './helpers';

/*
 * A status change that opens no reminder reads its complaint without locking it and writes in
 * one statement that checks what it read is still current. These tests make another writer
 * change the complaint between that read and that write, deterministically: the other writer's
 * transaction is open (its rows locked) when the request reads, the request's write waits on
 * those locks, and only then does the other writer commit.
 */

let context: TestContext;
let artist: TestArtist;

beforeAll(async () => {
  context = await createTestContext();
  artist = await registerArtist(context.app);
});
afterAll(() => context.close());

/** Resolves once a status change's write is waiting for a row lock in this test's database. */
async function writeIsWaiting(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await sql<{ waiting: number }>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%UPDATE complaint_listings SET status%'`.execute(context.db);
    if (rows[0]!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the status change never waited for the other writer');
}

/** Runs `otherWriter` in a transaction that commits only after `request`'s write has read and is waiting on it. */
async function race<T>(otherWriter: (trx: Transaction<Database>) => Promise<void>, request: () => Promise<T>): Promise<T> {
  let pending: Promise<T> | undefined;
  await context.db.transaction().execute(async (trx) => {
    await otherWriter(trx);
    pending = request();
    await writeIsWaiting();
  });
  return pending!;
}

async function historyOf(complaintListingId: string) {
  return context.db
    .selectFrom('complaintStatusEvents')
    .select(['fromStatus', 'toStatus'])
    .where('complaintListingId', '=', complaintListingId)
    .orderBy('createdAt')
    .execute();
}

describe('status changes racing other writers', () => {
  it('works a change out again from what a concurrent change wrote, and refuses it when it is no longer legal', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 1);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    const complaintListingId = complaint.listings[0]!.id;

    // Another request records the removal (as the locking path writes it) while this one is
    // recording that IPP could not process the complaint.
    const answer = await race(
      async (trx) => {
        await trx.updateTable('complaints').set({ updatedAt: new Date() }).where('id', '=', complaint.id).execute();
        await trx
          .updateTable('complaintListings')
          .set({ status: 'removed', statusOn: '2026-03-05', establishedOn: '2026-03-05' })
          .where('id', '=', complaintListingId)
          .execute();
      },
      () => changeStatus(context.app, artist, complaint.id, { status: 'unable_to_process', occurredOn: '2026-03-06' }),
    );

    // Read again after the conflict, the listing is removed, which cannot become "unable to process".
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({ error: { code: 'illegal_transition' } });
    const row = await context.db.selectFrom('complaintListings').select('status').where('id', '=', complaintListingId).executeTakeFirstOrThrow();
    expect(row.status).toBe('removed');
    expect(await historyOf(complaintListingId)).toEqual([{ fromStatus: null, toStatus: 'submitted' }]);
  });

  it('records a change once when its complaint was edited meanwhile, and answers with the edit', async () => {
    const design = await createArtwork(context.app, artist);
    const { listingIds } = await createSellerWithListings(context.app, artist, design.id, 2);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds, filedOn: '2026-03-02' });
    const auditBefore = await context.db.selectFrom('auditEvents').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();

    const answer = await race(
      async (trx) => {
        await trx.updateTable('complaints').set({ reason: 'Edited while the change was on its way.' }).where('id', '=', complaint.id).execute();
      },
      () => changeStatus(context.app, artist, complaint.id, { status: 'removed', occurredOn: '2026-03-05', listingIds: [listingIds[0]!] }),
    );

    expect(answer.statusCode).toBe(200);
    const read = await context.app.inject({ method: 'GET', url: `/api/v1/complaints/${complaint.id}`, headers: artist.headers });
    expect(answer.json()).toEqual(read.json());
    expect(answer.json()).toMatchObject({ reason: 'Edited while the change was on its way.' });
    const removed = complaint.listings.find((item) => item.listing.id === listingIds[0])!;
    expect(await historyOf(removed.id)).toEqual([
      { fromStatus: null, toStatus: 'submitted' },
      { fromStatus: 'submitted', toStatus: 'removed' },
    ]);
    // The write that lost the race left nothing behind: one audit entry for the change.
    const auditAfter = await context.db.selectFrom('auditEvents').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(auditAfter.count) - Number(auditBefore.count)).toBe(1);
  });

  it('marks the seller a listing moved to meanwhile as changed, not the one it was read with', async () => {
    const design = await createArtwork(context.app, artist);
    const first = await createSellerWithListings(context.app, artist, design.id, 1);
    const second = await createSellerWithListings(context.app, artist, design.id, 1);
    const complaint = await fileComplaint(context.app, artist, { artworkId: design.id, listingIds: first.listingIds, filedOn: '2026-03-02' });
    const versionOf = async (sellerId: string) =>
      (await context.db.selectFrom('sellers').select('factsVersion').where('id', '=', sellerId).executeTakeFirstOrThrow()).factsVersion;
    const secondBefore = await versionOf(second.sellerId);

    // The listing is found to belong to the second store while its removal is being recorded.
    const answer = await race(
      async (trx) => {
        await trx.updateTable('listings').set({ sellerId: second.sellerId }).where('id', '=', first.listingIds[0]!).execute();
        await trx.updateTable('complaintListings').set({ sellerId: second.sellerId }).where('complaintId', '=', complaint.id).execute();
      },
      () => changeStatus(context.app, artist, complaint.id, { status: 'removed', occurredOn: '2026-03-05' }),
    );

    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ listings: [{ status: 'removed', seller: { id: second.sellerId } }] });
    expect(Number(await versionOf(second.sellerId))).toBe(Number(secondBefore) + 1);
    const outbox = await context.db.selectFrom('outbox').select('payload').where('topic', '=', 'seller.facts_changed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(outbox.payload).toEqual({ sellerIds: [second.sellerId] });
  });
});
