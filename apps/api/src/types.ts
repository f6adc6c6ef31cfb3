import type { BlobStore, Db } from '@counterpoint/db';
import type { FastifyRequest } from 'fastify';
import type { QueueConnection } from '@counterpoint/queue';
import type { Redis } from 'ioredis';
import type { ApiConfig } from './config';
import type { AttemptLimiter } from './lib/attempt-limiter';

/** Who is calling, once `authenticate` has run. */
export interface AuthContext {
  artistId: string;
  role: 'artist' | 'moderator';
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: ApiConfig;
    db: Db;
    blobs: BlobStore;
    redis: Redis | null;
    queues: QueueConnection;
    attemptLimiter: AttemptLimiter;
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** The caller's identity on a route that ran `authenticate`; throws if it did not. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new Error('authenticate hook missing on this route');
  return request.auth;
}
