import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnvironment } from '@counterpoint/core';
import { parallelWorkersSchema, preparedStatementsSchema, type ParallelWorkers } from '@counterpoint/db';
import type { QueueBackendConfig } from '@counterpoint/queue';
import { z } from 'zod';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  COUNTERPOINT_MODE: z.enum(['servers', 'embedded']).default('servers'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/counterpoint'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_PARALLEL_WORKERS: parallelWorkersSchema,
  DATABASE_PREPARED_STATEMENTS: preparedStatementsSchema,
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:-]+$/)
    .default('counterpoint'),
  TRUST_PROXY: booleanString.default(false),
  COOKIE_SECURE: booleanString.optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  DATA_DIR: z.string().default(path.join(repositoryRoot, '.data')),
  WEB_DIST_DIR: z.string().default(path.join(repositoryRoot, 'apps/web/dist')),
  PENALTY_RULESET_OVERRIDES: z.string().optional(),
});

export type Environment = Record<string, string | undefined>;

export interface ApiConfig {
  environment: 'development' | 'production' | 'test';
  mode: 'servers' | 'embedded';
  host: string;
  port: number;
  logLevel: string;
  publicUrl: string;
  database: { url: string; poolMax: number; parallelWorkers: ParallelWorkers; preparedStatements: boolean };
  redis: { url: string; prefix: string } | null;
  queue: QueueBackendConfig;
  trustProxy: boolean;
  cookieSecure: boolean;
  sessionTtlDays: number;
  bodyLimitBytes: number;
  rateLimit: {
    store: 'redis' | 'memory';
    perMinute: number;
    publicPerMinute: number;
    loginPerAccount: number;
    loginPerIp: number;
    loginWindowSeconds: number;
  };
  dataDir: string;
  webDistDir: string;
  penaltyRulesetOverrides: string | null;
}

/** Reads the API's configuration from the environment once, at start-up. */
export function loadApiConfig(environment: Environment = process.env): ApiConfig {
  const env = parseEnvironment(environmentSchema, environment);
  const embedded = env.COUNTERPOINT_MODE === 'embedded';
  return {
    environment: env.NODE_ENV,
    mode: env.COUNTERPOINT_MODE,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    database: {
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
      parallelWorkers: env.DATABASE_PARALLEL_WORKERS,
      preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
    },
    redis: embedded ? null : { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    queue: embedded
      ? { kind: 'postgres', connectionString: env.DATABASE_URL, schema: 'bullmq' }
      : { kind: 'redis', url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    trustProxy: env.TRUST_PROXY,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    sessionTtlDays: env.SESSION_TTL_DAYS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    rateLimit: {
      store: embedded ? 'memory' : 'redis',
      perMinute: env.RATE_LIMIT_PER_MINUTE,
      publicPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
      loginPerAccount: env.LOGIN_ATTEMPTS_PER_ACCOUNT,
      loginPerIp: env.LOGIN_ATTEMPTS_PER_IP,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
    },
    dataDir: path.resolve(env.DATA_DIR),
    webDistDir: path.resolve(env.WEB_DIST_DIR),
    penaltyRulesetOverrides: env.PENALTY_RULESET_OVERRIDES ?? null,
  };
}
