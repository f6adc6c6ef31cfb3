import { writeOutbox, type Db } from '@counterpoint/db';

/**
 * Records that what a campaign's plan is made from has changed: bumps its inputs version (so
 * a plan made from older inputs shows as not current) and asks the worker to re-plan, in the
 * caller's transaction. Facts about sellers (sightings, complaint statuses) reach campaigns
 * through the seller's standing job instead; this is for what only the API knows about.
 */
export async function markCampaignsChanged(trx: Db, campaignIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(campaignIds)].sort();
  if (ids.length === 0) return;
  await trx
    .updateTable('campaigns')
    .set((eb) => ({ inputsVersion: eb('inputsVersion', '+', 1) }))
    .where('id', 'in', ids)
    .execute();
  await writeOutbox(trx, { topic: 'campaign.inputs_changed', payload: { campaignIds: ids } });
}

/**
 * An artist's facts changed (an artwork's IPR status): re-plans the campaigns, not closed,
 * the artist takes part in.
 */
export async function markArtistCampaignsChanged(trx: Db, artistId: string): Promise<void> {
  const rows = await trx
    .selectFrom('campaignParticipants')
    .innerJoin('campaigns', 'campaigns.id', 'campaignParticipants.campaignId')
    .select('campaigns.id')
    .where('campaignParticipants.artistId', '=', artistId)
    .where('campaigns.status', '<>', 'closed')
    .execute();
  await markCampaignsChanged(
    trx,
    rows.map((row) => row.id),
  );
}
