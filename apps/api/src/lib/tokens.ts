import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret with a readable prefix, e.g. `cps_…` for sessions, `cpt_…` for API tokens. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * Secrets are 256-bit random values, so a fast hash is enough to store them safely
 * (there is nothing to brute-force); passwords use argon2id instead.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
