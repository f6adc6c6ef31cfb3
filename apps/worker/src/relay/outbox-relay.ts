import { OUTBOX_CHANNEL, type Db } from '@counterpoint/db';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { JobContext } from '../jobs/job-definition';
import { routeOutboxMessages, type OutboxRow } from './outbox-routes';

const BATCH_SIZE = 500;

export interface OutboxRelayOptions {
  db: Db;
  pool: pg.Pool;
  log: Logger;
  enqueue: JobContext['enqueue'];
  pollMs: number;
  /** The least time between two batches (see `WorkerConfig.outboxGatherMs`); 0 relays at once. */
  gatherMs?: number;
}

/**
 * Turns outbox rows into jobs, at least once. Rows are claimed with SKIP LOCKED (so
 * several worker replicas share the work), enqueued, and marked processed in the same
 * transaction: if enqueueing fails (Redis away), the rows stay and are retried.
 * A NOTIFY at commit wakes the relay at once; polling covers a missed notification. When
 * commits come faster than one per `gatherMs`, the relay waits out the rest of that window
 * after a batch, so that the next batch carries every message of the window: under load, a
 * standing job recomputes many sellers at once instead of one job per change, while a lone
 * change still goes at once.
 */
export class OutboxRelay {
  private listener: { client: pg.PoolClient; release: (destroy: boolean) => void } | null = null;
  private wake: (() => void) | null = null;
  private isRunning = false;
  private loop: Promise<void> | null = null;
  private failures = 0;
  private lastBatchAt = 0;

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
    await this.unlisten();
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
        await this.listen();
        await this.gather();
        this.lastBatchAt = Date.now();
        await this.drain();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        this.options.log.warn(
          { err: error, failures: this.failures },
          'outbox relay could not relay; will retry',
        );
        await this.unlisten();
      }
      if (!this.isRunning) break;
      const backoff = this.failures
        ? Math.min(30_000, 500 * 2 ** this.failures)
        : this.options.pollMs;
      await this.sleep(backoff);
    }
  }

  /** Waits out the rest of the gathering window that began with the previous batch. */
  private async gather(): Promise<void> {
    const wait = this.lastBatchAt + (this.options.gatherMs ?? 0) - Date.now();
    if (wait > 0 && this.isRunning) await new Promise((resolve) => setTimeout(resolve, wait));
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
      const jobs = routeOutboxMessages(rows, this.options.log);
      for (const job of jobs) await this.options.enqueue(job.definition, job.payload);
      await trx
        .updateTable('outbox')
        .set({ processedAt: new Date() })
        .where('id', '=', sql<number>`ANY(${rows.map((row) => row.id)}::bigint[])`)
        .execute();
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    if (this.listener) return;
    const client = await this.options.pool.connect();
    // The connection can fail while it is being given back (the server going away during a
    // shutdown): whichever comes first releases it, once.
    let isReleased = false;
    const release = (destroy: boolean) => {
      if (isReleased) return;
      isReleased = true;
      client.release(destroy);
    };
    client.on('notification', () => this.wake?.());
    client.on('error', () => {
      if (this.listener?.client === client) this.listener = null;
      release(true);
    });
    try {
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      release(true);
      throw error;
    }
    this.listener = { client, release };
  }

  private async unlisten(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    if (!listener) return;
    try {
      await listener.client.query(`UNLISTEN ${OUTBOX_CHANNEL}`);
      listener.release(false);
    } catch {
      listener.release(true);
    }
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
