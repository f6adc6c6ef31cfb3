import { QUEUES } from '@counterpoint/queue';
import { sql } from 'kysely';
import { z } from 'zod';
import { DEFAULT_JOB_OPTIONS, defineJob } from './job-definition';

/**
 * The tables used as queues: every row is written, updated or deleted within seconds.
 * Their dead rows pile up in their indexes, and each read of the queue walks them.
 */
export const QUEUE_TABLES = ['outbox', 'public_watchlist_pending'] as const;

/**
 * Vacuums the queue tables every minute. Autovacuum does this where it runs (the tables
 * ask for it early, see the migration `queue-table-vacuum`), but a server with autovacuum
 * off or behind would otherwise see every relay and refresh slow down as they grow: a read
 * of an empty outbox once took 35 ms behind 50,000 dead rows. VACUUM (not FULL) takes no
 * lock that blocks writes; a database user that does not own the tables only gets a warning.
 */
export const vacuumQueuesJob = defineJob({
  queue: QUEUES.maintenance,
  name: 'vacuum-queues',
  payload: z.object({}).passthrough(),
  options: { ...DEFAULT_JOB_OPTIONS, attempts: 1 },
  every: () => 60_000,
  async handle(_payload, context) {
    // Outside a transaction, as VACUUM must be.
    await sql.raw(`VACUUM (ANALYZE) ${QUEUE_TABLES.join(', ')}`).execute(context.db);
    return { tables: QUEUE_TABLES.length };
  },
});
