import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtistClient, itemId, storeId } from '../support/artists';
import { Stack, waitFor } from '../support/stack';

/*
 * The normal path from a fact to derived state: API write → outbox row → relay → BullMQ job
 * → standing. The reconciliation sweep is pushed out of the way, so only the relay can do it.
 */

const stack = new Stack({ RECONCILE_EVERY_SECONDS: '86400' });

beforeAll(() => stack.start().then(() => undefined));
afterAll(() => stack.stop());

describe('outbox relay', () => {
  it('turns a recorded removal into an updated standing within seconds', async () => {
    const artist = await ArtistClient.register(stack.app, 'Relay Artist');
    const design = await artist.approvedDesign('Relay design');
    const { sellerId, listingIds } = await artist.findings(design, storeId(), [itemId()]);
    const complaint = await artist.complaint(design, listingIds, '2026-11-02');
    await artist.status(complaint, 'removed', '2026-11-05');
    const facts = await stack.db.selectFrom('sellers').select('factsVersion').where('id', '=', sellerId).executeTakeFirstOrThrow();

    const standing = await waitFor(
      async () => {
        const row = await stack.db.selectFrom('sellerStandings').selectAll().where('sellerId', '=', sellerId).executeTakeFirst();
        return row && row.computedVersion >= facts.factsVersion ? row : null;
      },
      20_000,
      'the standing to be recomputed through the relay',
    );
    expect(standing.confirmedPoints).toBe(6);
    // A job run for an earlier message may already have read the newest facts; the last
    // message is then relayed by the next poll, a moment later.
    const relayed = await waitFor(
      async () => {
        const pending = await stack.db.selectFrom('outbox').select('id').where('processedAt', 'is', null).where('topic', '=', 'seller.facts_changed').execute();
        return pending.length === 0 ? true : null;
      },
      5_000,
      'every facts message to be relayed',
    );
    expect(relayed).toBe(true);
    const failed = await stack.worker!.queues.get('standings')!.getFailedCount();
    expect(failed).toBe(0);
  });
});
