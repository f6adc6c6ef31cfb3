import type { Db } from '@counterpoint/db';

/**
 * Campaigns, not closed, whose plan is missing, was made for an earlier day, or is older than
 * their inputs; oldest plans first.
 */
export function findCampaignsToReplan(
  db: Db,
  today: string,
  limit: number,
): Promise<{ id: string; inputsVersion: number }[]> {
  return db
    .selectFrom('campaigns')
    .select(['id', 'inputsVersion'])
    .where('status', '<>', 'closed')
    .where((eb) =>
      eb.or([
        eb('planAsOf', 'is', null),
        eb('planAsOf', '<', today),
        eb('planVersion', 'is', null),
        eb('planVersion', '<', eb.ref('inputsVersion')),
      ]),
    )
    .orderBy('planAsOf', (order) => order.asc().nullsFirst())
    .orderBy('id')
    .limit(limit)
    .execute();
}
