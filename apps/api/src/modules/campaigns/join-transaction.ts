import type { Db } from '@counterpoint/db';

/**
 * The open transaction `trx`, seen as a database whose `transaction()` runs inside it instead
 * of opening a new one. Services that open their own transaction (ComplaintService) then commit
 * or roll back together with the caller: filing a campaign task creates its complaint through
 * the complaint rules and marks the task filed in one transaction, so neither can happen alone.
 */
export function joinTransaction(trx: Db): Db {
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        return () => ({ execute: <T>(callback: (inner: Db) => Promise<T>) => callback(trx) });
      }
      const value: unknown = Reflect.get(target, property, target);
      // Kysely keeps its state in private fields: methods must run on the real object.
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
