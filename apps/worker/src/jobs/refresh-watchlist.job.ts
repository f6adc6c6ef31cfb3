import { QUEUES } from '@counterpoint/queue';
import { z } from 'zod';
import { refreshWatchlist } from '../watchlist/refresh-watchlist';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';

const MAX_SELLERS_PER_JOB = 5000;
const FULL_REFRESH_EVERY_MS = 15 * 60_000;

export const refreshWatchlistPayloadSchema = z.object({
  /** Sellers whose public documents may have changed; absent: every candidate (the scheduler). */
  sellerIds: z.array(z.uuid()).max(MAX_SELLERS_PER_JOB).optional(),
  trigger: z.string().max(64).optional(),
});
export type RefreshWatchlistPayload = z.infer<typeof refreshWatchlistPayloadSchema>;

/**
 * The jobs for a relayed batch of `watchlist.changed` messages: every seller of the batch in
 * one job (in slices of 5,000), keyed by the batch, so a replayed batch adds nothing.
 */
export function refreshWatchlistPayloads(
  sellerIds: Iterable<string>,
  trigger: string,
): RefreshWatchlistPayload[] {
  const unique = [...new Set(sellerIds)].sort();
  const payloads: RefreshWatchlistPayload[] = [];
  for (let start = 0; start < unique.length; start += MAX_SELLERS_PER_JOB) {
    const slice = unique.slice(start, start + MAX_SELLERS_PER_JOB);
    payloads.push({
      sellerIds: slice,
      trigger: start === 0 ? trigger : `${trigger}-${start / MAX_SELLERS_PER_JOB}`,
    });
  }
  return payloads;
}

/**
 * Rebuilds the public watchlist snapshot for sellers whose standing, disputes, hide or
 * safelist status changed (`watchlist.changed`), and every 15 minutes for every candidate
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
      ...(payload.sellerIds ? { sellerIds: payload.sellerIds } : { isFull: true }),
    });
    if (result.changed > 0 || result.removed > 0)
      context.log.info(result, 'public watchlist refreshed');
    return result;
  },
});
