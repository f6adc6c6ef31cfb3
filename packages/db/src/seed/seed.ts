import { addBusinessDays, addDays, toIsoDate } from '@counterpoint/core';
import { createKysely, createPool, type Db } from '../client';
import type { ComplaintStatusColumn } from '../database';
import { markSellersChanged, writeOutbox } from '../outbox';
import {
  canonicalListingUrl,
  canonicalStoreUrl,
  DEMO_ARTISTS,
  DEMO_CAMPAIGN,
  DEMO_COLLECTIVE,
  DEMO_PASSWORD,
  DEMO_PASSWORD_HASH,
  DEMO_SELLERS,
  demoItemId,
} from './demo-data';

type Scenario = { status: ComplaintStatusColumn; filed: number; event?: number };

/** Sellers whose complaints the artists shared publicly: they appear on the public watchlist. */
const PUBLIC_SELLERS = new Set(['glow', 'happy', 'yiwu', 'offer', 'bloom']);

/** What happens to each complaint against a seller, in days before today. */
const SCENARIOS: Record<string, Scenario[]> = {
  glow: [
    { status: 'removed', filed: 205, event: 200 },
    { status: 'removed', filed: 154, event: 150 },
    { status: 'removed', filed: 95, event: 90 },
    { status: 'removed', filed: 44, event: 40 },
    { status: 'removed', filed: 15, event: 12 },
    { status: 'submitted', filed: 2 },
  ],
  happy: [
    { status: 'removed', filed: 24, event: 20 },
    { status: 'counter_notice', filed: 4, event: 1 },
    { status: 'submitted', filed: 1 },
  ],
  starry: [
    { status: 'unable_to_process', filed: 33, event: 30 },
    { status: 'removed', filed: 11, event: 8 },
  ],
  yiwu: [
    { status: 'removed', filed: 64, event: 60 },
    { status: 'removed', filed: 63, event: 60 },
    { status: 'information_requested', filed: 6, event: 3 },
  ],
  kunshan: [
    { status: 'submitted', filed: 3 },
    { status: 'draft', filed: 0 },
  ],
  xiaomei: [
    { status: 'removed', filed: 104, event: 100 },
    { status: 'restored', filed: 55, event: 50 },
  ],
  tiantian: [{ status: 'withdrawn', filed: 20, event: 18 }],
  bloom: [
    { status: 'removed', filed: 405, event: 400 },
    { status: 'removed', filed: 34, event: 30 },
  ],
  offer: [
    { status: 'removed', filed: 13, event: 10 },
    { status: 'removed', filed: 12, event: 9 },
    { status: 'responded', filed: 9, event: 5 },
  ],
  pinfactory: [{ status: 'submitted', filed: 5 }],
};

const REASON =
  'This listing sells an unauthorised copy of my original artwork, which I designed and hold the copyright to. ' +
  'The product photos and the design are copied from my own published work.';

/** The IPP status chain that leads to a final status. */
function statusChain(status: ComplaintStatusColumn): ComplaintStatusColumn[] {
  switch (status) {
    case 'draft':
      return [];
    case 'submitted':
      return ['submitted'];
    case 'responded':
      return ['submitted', 'counter_notice', 'responded'];
    case 'restored':
      return ['submitted', 'counter_notice', 'responded', 'restored'];
    default:
      return ['submitted', status];
  }
}

export interface SeedResult {
  email: string;
  password: string;
}

/**
 * Loads the demo world. With `onlyIfEmpty`, does nothing when any artist exists, so it is
 * safe on every start. Standings are not written here: the outbox asks the worker to
 * compute them, exactly as for real complaints.
 */
export async function seedDemoData(
  databaseUrl: string,
  options: { onlyIfEmpty?: boolean; today?: Date } = {},
): Promise<SeedResult | null> {
  const pool = createPool(databaseUrl, { max: 2 });
  const db = createKysely(pool);
  try {
    if (options.onlyIfEmpty) {
      const existing = await db.selectFrom('artists').select('id').limit(1).executeTakeFirst();
      if (existing) return null;
    }
    await db
      .transaction()
      .execute((trx) => insertDemoWorld(trx, toIsoDate(options.today ?? new Date())));
    return { email: DEMO_ARTISTS[0]!.email, password: DEMO_PASSWORD };
  } finally {
    await pool.end();
  }
}

async function insertDemoWorld(trx: Db, today: string): Promise<void> {
  const ago = (days: number) => addDays(today, -days);
  const artistIds = new Map<string, string>();
  const artworkIds = new Map<string, { id: string; artistId: string; approved: boolean }>();

  for (const artist of DEMO_ARTISTS) {
    const row = await trx
      .insertInto('artists')
      .values({
        email: artist.email,
        displayName: artist.displayName,
        passwordHash: DEMO_PASSWORD_HASH,
        publicAttribution: artist.publicAttribution,
        publicName: artist.publicName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    artistIds.set(artist.key, row.id);
    for (const [index, design] of artist.designs.entries()) {
      const artwork = await trx
        .insertInto('artworks')
        .values({
          artistId: row.id,
          title: design.title,
          iprType: design.iprType ?? 'copyright',
          registrationNumber: design.iprType === 'trademark' ? `TM-${4402100 + index}` : null,
          isRegistrationRequired: design.iprType === 'trademark',
          iprStatus: design.status,
          ippIprReference:
            design.status === 'approved' ? `IPR${20_250_000 + artistIds.size * 100 + index}` : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      artworkIds.set(`${artist.key}.${design.key}`, {
        id: artwork.id,
        artistId: row.id,
        approved: design.status === 'approved',
      });
      const history: [string, string | null, number][] =
        design.status === 'not_submitted' ? [] : [['pending', 'not_submitted', 300]];
      if (design.status === 'approved' || design.status === 'rejected')
        history.push([design.status, 'pending', 295]);
      for (const [toStatus, fromStatus, days] of history) {
        await trx
          .insertInto('artworkIprEvents')
          .values({
            artworkId: artwork.id,
            fromStatus: fromStatus as never,
            toStatus: toStatus as never,
            occurredOn: ago(days),
            recordedBy: row.id,
          })
          .execute();
      }
    }
  }

  const ownerId = artistIds.get(DEMO_COLLECTIVE.members[0]!.artist)!;
  const collective = await trx
    .insertInto('collectives')
    .values({
      name: DEMO_COLLECTIVE.name,
      description: DEMO_COLLECTIVE.description,
      createdBy: ownerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('memberships')
    .values(
      DEMO_COLLECTIVE.members.map((member) => ({
        collectiveId: collective.id,
        artistId: artistIds.get(member.artist)!,
        role: member.role,
      })),
    )
    .execute();

  const sellerIds: string[] = [];
  for (const [sellerIndex, seller] of DEMO_SELLERS.entries()) {
    const sellerRow = await trx
      .insertInto('sellers')
      .values({
        marketplace: seller.marketplace,
        storeId: seller.storeId,
        name: seller.name,
        storeUrl: canonicalStoreUrl(seller.marketplace, seller.storeId),
        createdBy: ownerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sellerIds.push(sellerRow.id);

    // Listings, each copying one design; the design's owner recorded a sighting.
    const groups = new Map<string, string[]>();
    for (let index = 0; index < seller.listings; index += 1) {
      const designKey = seller.copies[index % seller.copies.length]!;
      const artwork = artworkIds.get(designKey)!;
      const itemId = demoItemId(seller.marketplace, sellerIndex, index);
      const listing = await trx
        .insertInto('listings')
        .values({
          marketplace: seller.marketplace,
          itemId,
          canonicalUrl: canonicalListingUrl(seller.marketplace, itemId),
          sellerId: sellerRow.id,
          createdBy: artwork.artistId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('sightings')
        .values({
          artistId: artwork.artistId,
          artworkId: artwork.id,
          listingId: listing.id,
          foundOn: ago(210 - ((index * 13 + sellerIndex * 7) % 200)),
          note:
            index === 0
              ? 'Same artwork, colours slightly off; product photo is my own mock-up.'
              : '',
          visibility: index % 5 === 4 ? 'private' : 'collective',
        })
        .execute();
      groups.set(designKey, [...(groups.get(designKey) ?? []), listing.id]);
    }

    // One complaint per approved design and seller, following the seller's scenarios.
    const eligible = [...groups.entries()].filter(
      ([designKey]) => artworkIds.get(designKey)!.approved,
    );
    const scenarios = SCENARIOS[seller.key] ?? [];
    for (const [index, scenario] of scenarios.entries()) {
      const group = eligible[index % Math.max(1, eligible.length)];
      if (!group) break;
      const [designKey, listingIds] = group;
      const artwork = artworkIds.get(designKey)!;
      await insertComplaint(trx, {
        scenario,
        seller: { id: sellerRow.id, marketplace: seller.marketplace },
        artwork,
        listingIds: pickListings(listingIds, index < eligible.length),
        ago,
        visibility: PUBLIC_SELLERS.has(seller.key) ? 'public' : 'collective',
      });
    }
  }
  await markSellersChanged(trx, sellerIds);

  // A joint campaign against the store that copies the most members; the worker plans it.
  const target = sellerIds[DEMO_SELLERS.findIndex((seller) => seller.key === DEMO_CAMPAIGN.sellerKey)]!;
  const campaign = await trx
    .insertInto('campaigns')
    .values({ collectiveId: collective.id, name: DEMO_CAMPAIGN.name, goalPoints: 48, createdBy: ownerId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('campaignSellers').values({ campaignId: campaign.id, sellerId: target }).execute();
  await trx
    .insertInto('campaignParticipants')
    .values(
      DEMO_CAMPAIGN.participants.map((participant) => ({
        campaignId: campaign.id,
        artistId: artistIds.get(participant.artist)!,
        unavailableWeekdays: participant.unavailableWeekdays,
        maxPerWeek: participant.maxPerWeek,
      })),
    )
    .execute();
  await writeOutbox(trx, { topic: 'campaign.inputs_changed', payload: { campaignIds: [campaign.id] } });
}

async function insertComplaint(
  trx: Db,
  input: {
    scenario: Scenario;
    seller: { id: string; marketplace: 'aliexpress' | 'alibaba' | 'taobao' | 'tmall' | '1688' };
    artwork: { id: string; artistId: string };
    listingIds: string[];
    ago: (days: number) => string;
    visibility: 'collective' | 'public';
  },
): Promise<void> {
  const { scenario, ago } = input;
  const isDraft = scenario.status === 'draft';
  const filedOn = isDraft ? null : ago(scenario.filed);
  const eventOn = scenario.event === undefined ? filedOn : ago(scenario.event);
  const complaint = await trx
    .insertInto('complaints')
    .values({
      artistId: input.artwork.artistId,
      artworkId: input.artwork.id,
      marketplace: input.seller.marketplace,
      filedOn,
      ippReference: isDraft
        ? null
        : // One reference per complaint, as IPP gives them (an artist may complain twice about a seller).
          `C${String(7_700_000 + (Math.abs(hash(`${input.artwork.id}${input.seller.id}${filedOn}`)) % 100_000))}`,
      reason: REASON,
      visibility: input.visibility,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const chain = statusChain(scenario.status);
  const counterOn = chain.includes('counter_notice')
    ? scenario.status === 'counter_notice'
      ? eventOn
      : addDays(filedOn!, 2)
    : null;
  for (const listingId of input.listingIds) {
    const complaintListing = await trx
      .insertInto('complaintListings')
      .values({
        complaintId: complaint.id,
        listingId,
        sellerId: input.seller.id,
        status: scenario.status,
        statusOn: eventOn,
        establishedOn: scenario.status === 'removed' ? eventOn : null,
        counterNoticeOn: counterOn,
        responseDueOn: counterOn ? addBusinessDays(counterOn, 3) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let previous: ComplaintStatusColumn = 'draft';
    for (const status of chain) {
      const occurredOn =
        status === 'submitted' ? filedOn! : status === 'counter_notice' ? counterOn! : eventOn!;
      await trx
        .insertInto('complaintStatusEvents')
        .values({
          complaintListingId: complaintListing.id,
          fromStatus: previous,
          toStatus: status,
          occurredOn,
          recordedBy: input.artwork.artistId,
        })
        .execute();
      previous = status;
    }
    if (scenario.status === 'removed') {
      await trx
        .updateTable('listings')
        .set({ removedOn: eventOn })
        .where('id', '=', listingId)
        .execute();
    }
  }
  if (scenario.status === 'submitted' || scenario.status === 'information_requested') {
    await trx
      .insertInto('reminders')
      .values({
        artistId: input.artwork.artistId,
        kind: 'check_back',
        complaintId: complaint.id,
        dueOn: addDays(filedOn!, 3),
      })
      .execute();
  }
  if (scenario.status === 'counter_notice' && counterOn) {
    await trx
      .insertInto('reminders')
      .values({
        artistId: input.artwork.artistId,
        kind: 'counter_notice_deadline',
        complaintId: complaint.id,
        dueOn: addBusinessDays(counterOn, 3),
      })
      .execute();
  }
}

/**
 * Two listings for a design's first complaint, one more for a later one: some listings stay
 * unreported, so the demo campaign has work to plan.
 */
function pickListings(listingIds: string[], isFirst: boolean): string[] {
  if (isFirst) return listingIds.slice(0, 2);
  return listingIds.length > 2 ? listingIds.slice(2, 3) : listingIds.slice(0, 1);
}

function hash(text: string): number {
  let value = 0;
  for (const character of text) value = (value * 31 + character.charCodeAt(0)) | 0;
  return value;
}
