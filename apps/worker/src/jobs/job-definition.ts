import type { Db } from '@counterpoint/db';
import type { QueueName } from '@counterpoint/queue';
import type { Job, JobsOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { WorkerConfig } from '../config';
import type { RulesetMap } from '../standings/rulesets';

/** What a job handler may use. Handlers get ids in their payload and read rows themselves. */
export interface JobContext {
  db: Db;
  config: WorkerConfig;
  rulesets: RulesetMap;
  log: Logger;
  now: () => Date;
  enqueue: <Payload>(
    definition: JobDefinition<Payload>,
    payload: Payload,
    options?: { delay?: number },
  ) => Promise<void>;
}

/**
 * One job: its queue, name, payload schema, default options and handler, in one file.
 * Handlers must be safe to run twice (the relay delivers at least once).
 */
export interface JobDefinition<Payload> {
  queue: QueueName;
  name: string;
  payload: z.ZodType<Payload>;
  options: JobsOptions;
  /** Deterministic id: a second enqueue of the same work while one is waiting is dropped. */
  jobId?: (payload: Payload) => string;
  handle(payload: Payload, context: JobContext, job: Job): Promise<unknown>;
  /** Run on a schedule (a BullMQ job scheduler), every this many milliseconds. */
  every?: (config: WorkerConfig) => number;
}

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

/** Retries with exponential backoff; completed jobs are dropped, failed ones kept to inspect. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 86_400, count: 5000 },
};
