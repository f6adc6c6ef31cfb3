import { QUEUES } from '@counterpoint/queue';
import { z } from 'zod';
import { refreshWatchlist } from '../watchlist/refresh-watchlist';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';

const MAX_SELLERS_PER_JOB = 5000;
const FULL_REFRESH_EVERY_MS = 15 * 60_000;

export const refreshWatchlistPayloadSchema = z.object({
  /** Sellers whose public documents may have changed, to queue first. */
  sellerIds: z.array(z.uuid()).max(MAX_SELLERS_PER_JOB).optional(),
  /** Only drain the queue (its sellers were queued with their `watchlist.changed` message). */
  queued: z.literal(true).optional(),
  trigger: z.string().max(64).optional(),
});
export type RefreshWatchlistPayload = z.infer<typeof refreshWatchlistPayloadSchema>;

/**
 * The refresh that a relayed `watchlist.changed` message wakes. Its sellers are already
 * queued (the outbox writer queued them in its own transaction), so every batch relayed in
 * the same gathering window of `gatherMs` wakes the same job, which waits for the window
 * to end and then drains the queue in full chunks: under a stream of changes the snapshot
 * is refreshed once a window instead of once a batch. `gatherMs` 0 wakes one refresh per
 * batch, at once.
 */
export function queuedRefresh(
  lastOutboxId: number,
  gatherMs: number,
  now: number,
): { payload: RefreshWatchlistPayload; delay: number } {
  if (gatherMs <= 0) return { payload: { queued: true, trigger: `outbox-${lastOutboxId}` }, delay: 0 };
  const window = Math.floor(now / gatherMs);
  return {
    payload: { queued: true, trigger: `window-${gatherMs}-${window}` },
    delay: (window + 1) * gatherMs - now,
  };
}

/**
 * Rebuilds the public watchlist snapshot for sellers whose standing, disputes, hide or
 * safelist status changed (`watchlist.changed`, see `queuedRefresh`), for the sellers a
 * payload names, and every 15 minutes for every candidate
 * (attribution opt-ins, lost jobs). Changes go through a queue table drained one chunk
 * transaction at a time, so a burst of jobs collapses into a few refreshes and a job that
 * finds nothing queued costs one query. Safe to run twice: unchanged documents write nothing.
 */
export const refreshWatchlistJob = defineJob<RefreshWatchlistPayload>({
  queue: QUEUES.publicSnapshots,
  name: 'refresh-watchlist',
  payload: refreshWatchlistPayloadSchema,
  options: DEFAULT_JOB_OPTIONS,
  jobId: (payload) => `watchlist-${payload.trigger ?? 'manual'}`,
  every: () => FULL_REFRESH_EVERY_MS,
  async handle(payload, context) {
    const result = await refreshWatchlist(context.db, {
      policy: context.config.watchlistPolicy,
      now: context.now,
      ...(payload.sellerIds ? { sellerIds: payload.sellerIds } : payload.queued ? {} : { isFull: true }),
    });
    if (result.changed > 0 || result.removed > 0)
      context.log.info(result, 'public watchlist refreshed');
    return result;
  },
});
