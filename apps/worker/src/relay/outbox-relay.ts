import type { Db } from '@counterpoint/db';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { JobContext } from '../jobs/job-definition';
import { routeOutboxMessages, type OutboxRow } from './outbox-routes';

const BATCH_SIZE = 500;

export interface OutboxRelayOptions {
  db: Db;
  log: Logger;
  enqueue: JobContext['enqueue'];
  /** How often to look for new rows (`WorkerConfig.outboxPollMs`). */
  pollMs: number;
  /** The public snapshot's gathering window (see `WorkerConfig.watchlistGatherMs`). */
  watchlistGatherMs?: number;
}

/**
 * Turns outbox rows into jobs, at least once. Rows are claimed with SKIP LOCKED (so
 * several worker replicas share the work), enqueued, and marked processed in the same
 * transaction: if enqueueing fails (Redis away), the rows stay and are retried.
 *
 * The relay polls every `pollMs` (one index probe when there is nothing to do), and every
 * row committed since the last poll travels in one batch: under load, a standing job
 * recomputes many sellers at once instead of one job per change. Writers do not NOTIFY:
 * PostgreSQL serialises the commits of every transaction that notifies (behind one lock,
 * held through the commit's WAL flush): on two cores, dropping it lifted the sustained rate
 * of status changes from 175 to 175–225 a second (`pnpm bench:aggregate`, five runs).
 */
export class OutboxRelay {
  private wake: (() => void) | null = null;
  private isRunning = false;
  private loop: Promise<void> | null = null;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.isRunning = false;
    this.wake?.();
    await this.loop;
  }

  /** Relays everything pending now; returns how many rows were relayed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await this.relayBatch();
      total += relayed;
      if (relayed < BATCH_SIZE) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.isRunning) {
      try {
        if (await this.hasPending()) await this.drain();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        this.options.log.warn(
          { err: error, failures: this.failures },
          'outbox relay could not relay; will retry',
        );
      }
      if (!this.isRunning) break;
      const backoff = this.failures
        ? Math.min(30_000, 500 * 2 ** this.failures)
        : this.options.pollMs;
      await this.sleep(backoff);
    }
  }

  /** Whether any row waits, without opening a transaction (the partial index of pending rows). */
  private async hasPending(): Promise<boolean> {
    const row = await this.options.db
      .selectFrom('outbox')
      .select('id')
      .where('processedAt', 'is', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async relayBatch(): Promise<number> {
    return this.options.db.transaction().execute(async (trx) => {
      const rows = (await trx
        .selectFrom('outbox')
        .select(['id', 'topic', 'payload'])
        .where('processedAt', 'is', null)
        .orderBy('id')
        .limit(BATCH_SIZE)
        .forUpdate()
        .skipLocked()
        .execute()) as OutboxRow[];
      if (rows.length === 0) return 0;
      const jobs = routeOutboxMessages(rows, this.options.log, {
        watchlistGatherMs: this.options.watchlistGatherMs ?? 0,
      });
      for (const job of jobs)
        await this.options.enqueue(job.definition, job.payload, job.delay ? { delay: job.delay } : {});
      await trx
        .updateTable('outbox')
        .set({ processedAt: new Date() })
        .where('id', '=', sql<number>`ANY(${rows.map((row) => row.id)}::bigint[])`)
        .execute();
      return rows.length;
    });
  }

  private sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, milliseconds);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
