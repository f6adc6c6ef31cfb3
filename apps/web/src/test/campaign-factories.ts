import type { CampaignCoverage, CampaignTaskView } from '@counterpoint/core/contracts';

let sequence = 0;
const uuid = () => {
  sequence += 1;
  return `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`;
};

export const COLLECTIVE_ID = '80957e88-7630-4870-a622-b350683e3b98';
export const CAMPAIGN_ID = 'c0000000-0000-4000-8000-000000000001';
export const MIRA = { id: '61c5fd7b-fe6f-4730-a6c8-40a505eea186', displayName: 'Mira Okafor' };
export const WEI = { id: 'bb17d5bd-b7b5-4bba-b72b-3c1f175a2b40', displayName: 'Wei Chen' };

/** A planned task of mine (Mira's), for GlowPins on AliExpress. */
export function buildTask(overrides: Partial<CampaignTaskView> = {}): CampaignTaskView {
  const urls = [
    'https://www.aliexpress.com/item/1005007701000.html',
    'https://www.aliexpress.com/item/1005007701001.html',
  ];
  return {
    id: uuid(),
    campaignId: CAMPAIGN_ID,
    status: 'planned',
    artist: { ...MIRA, isYou: true },
    seller: {
      id: 'a0000000-0000-4000-8000-000000000001',
      marketplace: 'aliexpress',
      storeId: '1102345678',
      name: 'GlowPins Official Store',
    },
    marketplace: 'aliexpress',
    fileOn: '2026-03-03',
    expectedEstablishedOn: '2026-03-06',
    isOverdue: false,
    part: 1,
    partCount: 1,
    isOnOwnDay: true,
    ipr: {
      artworkId: 'b0000000-0000-4000-8000-000000000001',
      artworkTitle: 'Luna Moth enamel pin',
      iprReference: 'IPR20250100',
      iprStatus: 'approved',
    },
    listings: urls.map((canonicalUrl) => ({ id: uuid(), canonicalUrl })),
    pasteList: urls.join('\n'),
    reasonText:
      'This listing sells an unauthorised copy of my original artwork "Luna Moth enamel pin".',
    explanation: 'Mira Okafor reports 2 listings copying "Luna Moth enamel pin".',
    complaintId: null,
    filedOn: null,
    skipReason: null,
    updatedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

type Store = CampaignCoverage['sellers'][number];
type Listing = Store['listings'][number];
type Member = CampaignCoverage['members'][number];

export function buildCoverageListing(overrides: Partial<Listing> = {}): Listing {
  const id = uuid();
  return {
    listingId: id,
    canonicalUrl: `https://www.aliexpress.com/item/10050077${id.slice(-5)}.html`,
    state: 'can_file',
    copies: [],
    complaints: [],
    otherComplaints: 0,
    ...overrides,
  };
}

export function copyOf(
  artist: { id: string; displayName: string },
  artworkTitle: string,
  iprStatus: 'approved' | 'pending' | 'not_submitted' | 'rejected' = 'approved',
  isYou = false,
): Listing['copies'][number] {
  return {
    artistId: artist.id,
    displayName: artist.displayName,
    isYou,
    isParticipant: true,
    artworkId: `${artist.id.slice(0, 8)}-0000-4000-8000-${artworkTitle.length.toString().padStart(12, '0')}`,
    artworkTitle,
    iprStatus,
    iprReference: null,
  };
}

export function buildMember(
  artist: { id: string; displayName: string },
  overrides: Partial<Member> = {},
): Member {
  return {
    artistId: artist.id,
    displayName: artist.displayName,
    isYou: false,
    isParticipant: true,
    canFileNow: 0,
    awaitingSetup: 0,
    artworks: [],
    ...overrides,
  };
}
