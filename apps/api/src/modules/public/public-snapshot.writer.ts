import type { Db } from '@counterpoint/db';

/**
 * Takes sellers off every public output at once, inside the caller's transaction (a hide or
 * a safelisting must not wait for the worker). The snapshot's version row is locked first,
 * as the worker's refresh does, so the two never interleave: a refresh that read the seller
 * before the hide commits after it, and this deletion then runs after that refresh. Putting
 * a seller back on the list is left to the worker (it applies the policy).
 */
export async function removeFromPublicSnapshot(trx: Db, sellerIds: string[]): Promise<boolean> {
  await trx
    .selectFrom('publicSnapshot')
    .select('version')
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirst();
  if (sellerIds.length === 0) return false;
  const removed = await trx
    .deleteFrom('publicWatchlist')
    .where('sellerId', 'in', sellerIds)
    .executeTakeFirst();
  await trx.deleteFrom('publicWatchlistEvents').where('sellerId', 'in', sellerIds).execute();
  const count = Number(removed.numDeletedRows);
  if (count === 0) return false;
  // The snapshot row is locked: the count moves by exactly what this deletion removed.
  await trx
    .updateTable('publicSnapshot')
    .set((eb) => ({
      version: eb('version', '+', 1),
      refreshedAt: new Date(),
      listedSellers: eb('listedSellers', '-', count),
    }))
    .where('id', '=', 1)
    .execute();
  return true;
}
