import { createKysely, createPool, parallelQuerySettings, type Db } from '@counterpoint/db';
import {
  ALL_QUEUES,
  QUEUES,
  createQueueConnection,
  type AnyQueue,
  type AnyWorker,
  type QueueConnection,
  type QueueName,
} from '@counterpoint/queue';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { WorkerConfig } from './config';
import { DEFAULT_JOB_OPTIONS, type JobContext, type JobDefinition } from './jobs/job-definition';
import { JOBS, type AnyJobDefinition } from './jobs/registry';
import { OutboxRelay } from './relay/outbox-relay';
import { loadRulesets, type RulesetMap } from './standings/rulesets';

export interface WorkerRuntime {
  db: Db;
  rulesets: RulesetMap;
  pool: pg.Pool;
  queues: Map<string, AnyQueue>;
  connection: QueueConnection;
  relay: OutboxRelay;
  enqueue: JobContext['enqueue'];
  /** Stops taking jobs and closes everything; `force` abandons running jobs (as a crash would). */
  close(options?: { force?: boolean }): Promise<void>;
}

export interface StartOptions {
  log: Logger;
  jobs?: AnyJobDefinition[];
  /** Start BullMQ workers (false for producers-only use in tests and benchmarks). */
  isConsuming?: boolean;
  /** Start the outbox relay loop. */
  isRelaying?: boolean;
  /** Register the periodic jobs (reconciliation, reminders, clean-up). */
  isScheduling?: boolean;
  now?: () => Date;
}

/**
 * Jobs of the public-snapshot queue serialise on the snapshot's row lock: running several at
 * once would only hold database connections (and starve the standings) while they wait.
 */
const SERIAL_QUEUES: ReadonlySet<QueueName> = new Set([QUEUES.publicSnapshots]);

function concurrencyOf(queue: QueueName, configured: number): number {
  return SERIAL_QUEUES.has(queue) ? 1 : configured;
}

/**
 * The worker process: BullMQ workers for every queue, the outbox relay and the periodic
 * schedulers. `close()` stops taking jobs, lets running ones finish, and closes everything.
 */
export async function startWorkerRuntime(
  config: WorkerConfig,
  options: StartOptions,
): Promise<WorkerRuntime> {
  const { log } = options;
  const jobs = options.jobs ?? JOBS;
  const rulesets = loadRulesets(config.penaltyRulesetOverrides);
  const pool = createPool(config.database.url, {
    max: config.database.poolMax,
    application_name: 'counterpoint-worker',
    ...parallelQuerySettings(config.database.parallelWorkers),
  });
  pool.on('error', (error) => log.error({ err: error }, 'idle database connection failed'));
  const db = createKysely(pool, { prepare: config.database.preparedStatements });
  const connection = createQueueConnection(config.queue);
  const queues = new Map<string, AnyQueue>();
  for (const name of ALL_QUEUES) {
    const queue = connection.createQueue(name, { defaultJobOptions: DEFAULT_JOB_OPTIONS });
    queue.on('error', (error) => log.warn({ err: error, queue: name }, 'queue error'));
    queues.set(name, queue);
  }

  const enqueue = async <Payload>(
    definition: JobDefinition<Payload>,
    payload: Payload,
    { delay }: { delay?: number } = {},
  ) => {
    const queue = queues.get(definition.queue);
    if (!queue) throw new Error(`unknown queue ${definition.queue}`);
    const jobId = definition.jobId?.(payload);
    await queue.add(definition.name, payload, {
      ...definition.options,
      ...(jobId ? { jobId } : {}),
      ...(delay ? { delay } : {}),
    });
  };
  const now = options.now ?? (() => new Date());
  const context: JobContext = { db, config, rulesets, log, now, enqueue };

  const workers: AnyWorker[] = [];
  if (options.isConsuming !== false) {
    for (const queueName of ALL_QUEUES) {
      const handlers = jobs.filter((job) => job.queue === queueName);
      if (handlers.length === 0) continue;
      const worker = connection.createWorker(
        queueName,
        async (job: Job) => {
          const definition = handlers.find((candidate) => candidate.name === job.name);
          if (!definition)
            throw new UnrecoverableError(
              `no handler for job "${job.name}" on queue "${queueName}"`,
            );
          const parsed = definition.payload.safeParse(job.data);
          if (!parsed.success) {
            throw new UnrecoverableError(
              `invalid payload for ${job.name}: ${parsed.error.message}`,
            );
          }
          return definition.handle(
            parsed.data,
            { ...context, log: log.child({ job: job.name, jobId: job.id }) },
            job,
          );
        },
        { concurrency: concurrencyOf(queueName, config.concurrency) },
      );
      worker.on('failed', (job, error) =>
        log.warn(
          { err: error, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade },
          'job failed',
        ),
      );
      worker.on('error', (error) => log.error({ err: error, queue: queueName }, 'worker error'));
      workers.push(worker);
    }
  }

  if (options.isScheduling !== false) {
    for (const job of jobs) {
      if (!job.every) continue;
      await queues
        .get(job.queue)!
        .upsertJobScheduler(
          job.name,
          { every: job.every(config) },
          { name: job.name, data: {}, opts: job.options },
        );
    }
  }

  const relay = new OutboxRelay({
    db,
    log,
    enqueue,
    pollMs: config.outboxPollMs,
    watchlistGatherMs: config.watchlistGatherMs,
  });
  if (options.isRelaying !== false) relay.start();

  return {
    db,
    rulesets,
    pool,
    queues,
    connection,
    relay,
    enqueue,
    close: async ({ force = false } = {}) => {
      await relay.stop();
      await Promise.allSettled(workers.map((worker) => worker.close(force)));
      await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
      await connection.close();
      await pool.end();
    },
  };
}
