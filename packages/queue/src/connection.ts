import {
  createPostgresBackend,
  createRedisBackend,
  Queue,
  Worker,
  type BackendFactory,
  type IQueueBackend,
  type JobProgress,
  type Processor,
  type QueueOptions,
  type WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';

/**
 * Where BullMQ keeps its queues. Production runs on Redis (BullMQ's fastest and most
 * proven backend); the embedded default runs on the PostgreSQL it already has.
 */
export type QueueBackendConfig =
  | { kind: 'redis'; url: string; prefix: string }
  | { kind: 'postgres'; connectionString: string; schema: string };

export type AnyQueue = Queue<
  unknown,
  unknown,
  string,
  unknown,
  unknown,
  string,
  IQueueBackend,
  unknown
>;
export type AnyWorker = Worker<unknown, unknown, string, IQueueBackend, JobProgress, unknown>;

export interface QueueConnection {
  readonly kind: QueueBackendConfig['kind'];
  createQueue(name: string, options?: Partial<QueueOptions<unknown>>): AnyQueue;
  createWorker(
    name: string,
    processor: Processor<unknown, unknown, string>,
    options?: Partial<WorkerOptions<unknown>>,
  ): AnyWorker;
  /** Answers within `timeoutMs` whether the backend is reachable. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Settings BullMQ's production guide asks for on worker connections. */
export function redisWorkerOptions(url: string) {
  return { url, maxRetriesPerRequest: null, enableReadyCheck: true };
}

/**
 * The one place that chooses a BullMQ backend. Everything else talks to the returned
 * object and never learns which backend it got.
 */
export function createQueueConnection(config: QueueBackendConfig): QueueConnection {
  return config.kind === 'redis' ? redisConnection(config) : postgresConnection(config);
}

function redisConnection(config: Extract<QueueBackendConfig, { kind: 'redis' }>): QueueConnection {
  // Producers fail fast when Redis is away (the outbox keeps the fact); workers wait.
  const producer = new Redis(config.url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  producer.on('error', () => undefined);
  const workers: Redis[] = [];
  const factory = createRedisBackend as unknown as BackendFactory<IQueueBackend, unknown>;
  return {
    kind: 'redis',
    createQueue: (name, options = {}) =>
      new Queue(name, { prefix: config.prefix, ...options, connection: producer }, factory),
    createWorker: (name, processor, options = {}) => {
      const connection = new Redis(config.url, { maxRetriesPerRequest: null });
      connection.on('error', () => undefined);
      workers.push(connection);
      return new Worker(
        name,
        processor,
        { prefix: config.prefix, ...options, connection },
        factory,
      );
    },
    ping: async (timeoutMs = 1000) => {
      try {
        const answer = await Promise.race([
          producer.ping(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
          ),
        ]);
        return answer === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      await Promise.allSettled([producer, ...workers].map((client) => client.quit()));
    },
  };
}

function postgresConnection(
  config: Extract<QueueBackendConfig, { kind: 'postgres' }>,
): QueueConnection {
  const factory = createPostgresBackend as unknown as BackendFactory<IQueueBackend, unknown>;
  const connection = {
    connectionString: config.connectionString,
    schema: config.schema,
    migrate: true,
    max: 4,
  };
  const opened: { close(): Promise<void> }[] = [];
  return {
    kind: 'postgres',
    createQueue: (name, options = {}) => {
      const queue = new Queue(name, { ...options, connection }, factory);
      opened.push(queue);
      return queue;
    },
    createWorker: (name, processor, options = {}) =>
      new Worker(name, processor, { ...options, connection }, factory),
    ping: async () => true,
    close: async () => {
      await Promise.allSettled(opened.map((queue) => queue.close()));
    },
  };
}
