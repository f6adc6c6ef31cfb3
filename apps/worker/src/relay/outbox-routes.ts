import type { OutboxTopic } from '@counterpoint/db';
import type { Logger } from 'pino';
import type { JobDefinition } from '../jobs/job-definition';
import { importCsvJob } from '../jobs/import-csv.job';
import { queuedRefresh, refreshWatchlistJob } from '../jobs/refresh-watchlist.job';
import { replanCampaignJob } from '../jobs/replan-campaign.job';
import { sellerStandingJob } from '../jobs/seller-standing.job';

export interface OutboxRow {
  id: number;
  topic: OutboxTopic;
  payload: Record<string, unknown>;
}

export interface RoutedJob {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition: JobDefinition<any>;
  payload: unknown;
  /** Milliseconds to wait before the job may run. */
  delay?: number;
}

export interface RouteOptions {
  /** The public snapshot's gathering window (`WorkerConfig.watchlistGatherMs`); 0 by default. */
  watchlistGatherMs?: number;
  now?: number;
}

function ids(payload: Record<string, unknown>, key: string): string[] {
  const value = payload[key];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/**
 * Which jobs a batch of outbox messages becomes. Messages about the same seller (or
 * campaign) inside one batch collapse: a burst of a thousand changes to one seller costs
 * one recomputation per batch. Jobs are keyed by the batch's last outbox id, so a batch
 * relayed twice (after a crash) adds no second job while the first is waiting.
 */
const SELLERS_PER_JOB = 100;

export function routeOutboxMessages(rows: OutboxRow[], log: Logger, options: RouteOptions = {}): RoutedJob[] {
  const lastId = rows.at(-1)?.id ?? 0;
  const sellers = new Set<string>();
  let isWatchlistChanged = false;
  const campaigns = new Set<string>();
  const jobs: RoutedJob[] = [];
  for (const row of rows) {
    switch (row.topic) {
      case 'seller.facts_changed':
        for (const sellerId of ids(row.payload, 'sellerIds')) sellers.add(sellerId);
        break;
      case 'import.requested': {
        const importId = row.payload.importId;
        if (typeof importId === 'string')
          jobs.push({ definition: importCsvJob, payload: { importId } });
        break;
      }
      case 'watchlist.changed':
        // Its sellers were queued with the message; the batch only has to wake a refresh.
        isWatchlistChanged ||= ids(row.payload, 'sellerIds').length > 0;
        break;
      case 'campaign.inputs_changed':
        for (const campaignId of ids(row.payload, 'campaignIds')) campaigns.add(campaignId);
        break;
      default:
        log.warn(
          { topic: row.topic, id: row.id },
          'outbox message with no route; marking it processed',
        );
    }
  }
  // One public-snapshot refresh per gathering window, however many batches and standings.
  if (isWatchlistChanged) {
    const { payload, delay } = queuedRefresh(lastId, options.watchlistGatherMs ?? 0, options.now ?? Date.now());
    jobs.push({ definition: refreshWatchlistJob, payload, ...(delay > 0 ? { delay } : {}) });
  }
  // One re-plan per campaign per batch, however many of its inputs changed in it.
  for (const campaignId of [...campaigns].sort()) {
    jobs.push({ definition: replanCampaignJob, payload: { campaignId, trigger: `outbox-${lastId}` } });
  }
  // Sellers travel in chunks: one job recomputes many sellers with a few set-based queries.
  const sellerIds = [...sellers].sort();
  for (let index = 0; index < sellerIds.length; index += SELLERS_PER_JOB) {
    jobs.push({
      definition: sellerStandingJob,
      payload: { sellerIds: sellerIds.slice(index, index + SELLERS_PER_JOB), trigger: `outbox-${lastId}-${index / SELLERS_PER_JOB}` },
    });
  }
  return jobs;
}
