import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseEnvironment,
  publicationPolicyEnvironmentSchema,
  toPublicationPolicy,
  type PublicationPolicy,
} from '@counterpoint/core';
import { parallelWorkersSchema, preparedStatementsSchema, type ParallelWorkers } from '@counterpoint/db';
import type { QueueBackendConfig } from '@counterpoint/queue';
import { z } from 'zod';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  COUNTERPOINT_MODE: z.enum(['servers', 'embedded']).default('servers'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/counterpoint'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_PARALLEL_WORKERS: parallelWorkersSchema,
  DATABASE_PREPARED_STATEMENTS: preparedStatementsSchema,
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:-]+$/)
    .default('counterpoint'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  RECONCILE_EVERY_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(100),
  WATCHLIST_GATHER_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  PUBLIC_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default(path.join(repositoryRoot, '.data')),
  PENALTY_RULESET_OVERRIDES: z.string().optional(),
  ...publicationPolicyEnvironmentSchema.shape,
});

export interface WorkerConfig {
  environment: 'development' | 'production' | 'test';
  logLevel: string;
  database: { url: string; poolMax: number; parallelWorkers: ParallelWorkers; preparedStatements: boolean };
  queue: QueueBackendConfig;
  concurrency: number;
  reconcileEverySeconds: number;
  /**
   * How often the outbox relay looks for new rows. Everything committed in between travels
   * as one batch (one standing job for all its sellers), so this is also the relay's
   * gathering window: it adds at most this much to the time a standing takes to move.
   */
  outboxPollMs: number;
  /**
   * How long the public snapshot gathers changed sellers before a refresh: one refresh per
   * window however many changes (public pages lag by at most this much); 0 refreshes per batch.
   */
  watchlistGatherMs: number;
  publicUrl: string;
  dataDir: string;
  penaltyRulesetOverrides: string | null;
  watchlistPolicy: PublicationPolicy;
}

/** Reads the worker's configuration from the environment once, at start-up. */
export function loadWorkerConfig(
  environment: Record<string, string | undefined> = process.env,
): WorkerConfig {
  const env = parseEnvironment(environmentSchema, environment);
  return {
    environment: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    database: {
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
      parallelWorkers: env.DATABASE_PARALLEL_WORKERS,
      preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
    },
    queue:
      env.COUNTERPOINT_MODE === 'embedded'
        ? { kind: 'postgres', connectionString: env.DATABASE_URL, schema: 'bullmq' }
        : { kind: 'redis', url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    concurrency: env.WORKER_CONCURRENCY,
    reconcileEverySeconds: env.RECONCILE_EVERY_SECONDS,
    outboxPollMs: env.OUTBOX_POLL_MS,
    watchlistGatherMs: env.WATCHLIST_GATHER_MS,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(env.DATA_DIR),
    penaltyRulesetOverrides: env.PENALTY_RULESET_OVERRIDES ?? null,
    watchlistPolicy: toPublicationPolicy(env),
  };
}
