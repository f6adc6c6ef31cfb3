import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Visibility } from '../domain';
import {
  assertValidPolicy,
  decidePublication,
  DEFAULT_PUBLICATION_POLICY,
  publishedFacts,
  type EstablishedListingFact,
  type PublicationPolicy,
  type SellerPublicationInput,
} from './publication-policy';

const TODAY = '2026-06-15';
const WITH_COLLECTIVE: PublicationPolicy = {
  ...DEFAULT_PUBLICATION_POLICY,
  publishedVisibilities: ['collective', 'public'],
};
let counter = 0;

function fact(overrides: Partial<EstablishedListingFact> = {}): EstablishedListingFact {
  counter += 1;
  return {
    complaintId: `complaint-${counter}`,
    artistId: 'artist-a',
    visibility: 'public',
    establishedOn: '2026-06-01',
    listingId: `listing-${counter}`,
    itemId: String(1005000000000000 + counter),
    url: `https://www.aliexpress.com/item/${1005000000000000 + counter}.html`,
    ...overrides,
  };
}

function input(
  established: EstablishedListingFact[],
  overrides: Partial<SellerPublicationInput> = {},
): SellerPublicationInput {
  return {
    isHidden: false,
    isSafelisted: false,
    hasStanding: true,
    established,
    consents: [],
    ...overrides,
  };
}

const decide = (
  value: SellerPublicationInput,
  policy: PublicationPolicy = DEFAULT_PUBLICATION_POLICY,
) => decidePublication(value, policy, TODAY);

describe('decidePublication: corroboration', () => {
  it('does not list one artist on one day, by default', () => {
    const decision = decide(input([fact(), fact()]));
    expect(decision).toMatchObject({ isListed: false, reason: 'not_corroborated' });
    expect(decision.facts).toMatchObject({
      establishedComplaints: 2,
      distinctArtists: 1,
      distinctDays: 1,
    });
  });

  it('lists two artists on the same day', () => {
    const decision = decide(input([fact({ artistId: 'a' }), fact({ artistId: 'b' })]));
    expect(decision).toMatchObject({
      isListed: true,
      facts: { distinctArtists: 2, distinctDays: 1 },
    });
  });

  it('lists one artist on two distinct days', () => {
    const decision = decide(
      input([fact({ establishedOn: '2026-05-01' }), fact({ establishedOn: '2026-05-09' })]),
    );
    expect(decision).toMatchObject({
      isListed: true,
      facts: {
        distinctArtists: 1,
        distinctDays: 2,
        firstEstablishedOn: '2026-05-01',
        lastEstablishedOn: '2026-05-09',
      },
    });
  });

  it('requires both thresholds under corroboration "both"', () => {
    const policy: PublicationPolicy = { ...DEFAULT_PUBLICATION_POLICY, corroboration: 'both' };
    expect(decide(input([fact({ artistId: 'a' }), fact({ artistId: 'b' })]), policy)).toMatchObject(
      { isListed: false, reason: 'not_corroborated' },
    );
    expect(
      decide(
        input([
          fact({ artistId: 'a', establishedOn: '2026-05-01' }),
          fact({ artistId: 'b', establishedOn: '2026-05-02' }),
        ]),
        policy,
      ),
    ).toMatchObject({ isListed: true });
  });

  it('honours a higher minimum of established complaints, counting complaints rather than listings', () => {
    const policy: PublicationPolicy = {
      ...DEFAULT_PUBLICATION_POLICY,
      minEstablishedComplaints: 3,
    };
    const twoComplaintsThreeListings = [
      fact({ artistId: 'a' }),
      fact({ artistId: 'b', complaintId: 'shared' }),
      fact({ artistId: 'b', complaintId: 'shared' }),
    ];
    expect(decide(input(twoComplaintsThreeListings), policy)).toMatchObject({
      isListed: false,
      reason: 'no_established_complaint',
    });
    expect(
      decide(input([...twoComplaintsThreeListings, fact({ artistId: 'c' })]), policy),
    ).toMatchObject({ isListed: true, facts: { establishedComplaints: 3 } });
  });

  it('lowering the thresholds to 1 lists a single established complaint, never none', () => {
    const policy: PublicationPolicy = {
      ...DEFAULT_PUBLICATION_POLICY,
      minDistinctArtists: 1,
      minDistinctDays: 1,
    };
    expect(decide(input([fact()]), policy)).toMatchObject({ isListed: true });
    expect(decide(input([]), policy)).toEqual({
      isListed: false,
      reason: 'no_established_complaint',
      facts: null,
    });
  });
});

describe('decidePublication: published visibilities', () => {
  const collective = () => [
    fact({ artistId: 'a', visibility: 'collective' }),
    fact({ artistId: 'b', visibility: 'collective' }),
  ];

  it('publishes only public complaints by default: collective ones stay inside the collectives', () => {
    expect(DEFAULT_PUBLICATION_POLICY.publishedVisibilities).toEqual(['public']);
    expect(decide(input(collective()))).toEqual({
      isListed: false,
      reason: 'no_established_complaint',
      facts: null,
    });
    expect(decide(input([...collective(), fact({ artistId: 'c' })]))).toMatchObject({
      isListed: false,
      facts: { establishedComplaints: 1, distinctArtists: 1 },
    });
  });

  it('also publishes collective complaints when the policy says so', () => {
    expect(decide(input(collective()), WITH_COLLECTIVE)).toMatchObject({
      isListed: true,
      facts: { establishedComplaints: 2, distinctArtists: 2 },
    });
  });

  it('never publishes private complaints, even from a policy that lists them', () => {
    const policy = {
      ...DEFAULT_PUBLICATION_POLICY,
      publishedVisibilities: ['public', 'private'],
    } as unknown as PublicationPolicy;
    const privateOnly = [
      fact({ artistId: 'a', visibility: 'private' }),
      fact({ artistId: 'b', visibility: 'private' }),
    ];
    expect(decide(input(privateOnly), policy)).toEqual({
      isListed: false,
      reason: 'no_established_complaint',
      facts: null,
    });
    expect(() => assertValidPolicy(policy)).toThrow(/publishedVisibilities/);
  });
});

describe('decidePublication: what never counts', () => {
  it('ignores private complaints, for the facts and for the thresholds', () => {
    const decision = decide(
      input([
        fact({ artistId: 'a' }),
        fact({ artistId: 'b', visibility: 'private', establishedOn: '2026-06-02' }),
      ]),
      WITH_COLLECTIVE,
    );
    expect(decision).toMatchObject({
      isListed: false,
      reason: 'not_corroborated',
      facts: {
        establishedComplaints: 1,
        distinctArtists: 1,
        distinctDays: 1,
        removedListingsTotal: 1,
      },
    });
  });

  it('ignores establishments dated after today', () => {
    const decision = decide(
      input([fact({ artistId: 'a' }), fact({ artistId: 'b', establishedOn: '2026-06-16' })]),
    );
    expect(decision).toMatchObject({ isListed: false, facts: { distinctArtists: 1 } });
  });

  it('never lists a safelisted or hidden seller, however strong the facts', () => {
    const strong = [fact({ artistId: 'a' }), fact({ artistId: 'b', establishedOn: '2026-05-01' })];
    expect(decide(input(strong, { isSafelisted: true }))).toMatchObject({
      isListed: false,
      reason: 'safelisted',
    });
    expect(decide(input(strong, { isHidden: true }))).toMatchObject({
      isListed: false,
      reason: 'hidden',
    });
    expect(decide(input(strong, { isHidden: true, isSafelisted: true }))).toMatchObject({
      isListed: false,
      reason: 'safelisted',
    });
  });

  it('waits for the standing estimate before listing', () => {
    expect(
      decide(input([fact({ artistId: 'a' }), fact({ artistId: 'b' })], { hasStanding: false })),
    ).toMatchObject({ isListed: false, reason: 'no_standing' });
  });
});

describe('publishedFacts: attribution', () => {
  const consents = [
    { artistId: 'named', publicAttribution: true, publicName: '  Mai Tran  ' },
    { artistId: 'anonymous', publicAttribution: false, publicName: 'Should Not Appear' },
    { artistId: 'no-name', publicAttribution: true, publicName: null },
    { artistId: 'collective-only', publicAttribution: true, publicName: 'Collective Only' },
  ];

  it('names only artists who opted in with a public name, for their public complaints only', () => {
    const facts = publishedFacts(
      {
        consents,
        established: [
          fact({ artistId: 'named', complaintId: 'n1' }),
          fact({ artistId: 'named', complaintId: 'n1' }),
          fact({ artistId: 'named', complaintId: 'n2' }),
          fact({ artistId: 'named', visibility: 'collective', complaintId: 'n3' }),
          fact({ artistId: 'anonymous' }),
          fact({ artistId: 'no-name' }),
          fact({ artistId: 'collective-only', visibility: 'collective' }),
        ],
      },
      WITH_COLLECTIVE,
      TODAY,
    );
    expect(facts?.attributions).toEqual([{ name: 'Mai Tran', establishedComplaints: 2 }]);
    expect(facts?.distinctArtists).toBe(4);
    expect(JSON.stringify(facts)).not.toMatch(
      /Should Not Appear|Collective Only|artist-|named|anonymous/,
    );
  });
});

describe('publishedFacts: removed listings', () => {
  it('lists each listing once, with its first removal, most recent first, capped with the total', () => {
    const established = [
      fact({ listingId: 'A', itemId: '1', url: 'https://a', establishedOn: '2026-04-01' }),
      fact({
        listingId: 'A',
        itemId: '1',
        url: 'https://a',
        establishedOn: '2026-03-01',
        artistId: 'b',
      }),
      fact({ listingId: 'B', itemId: '2', url: 'https://b', establishedOn: '2026-05-01' }),
      fact({ listingId: 'C', itemId: '3', url: 'https://c', establishedOn: '2026-05-01' }),
    ];
    const capped = publishedFacts(
      { established, consents: [] },
      { ...DEFAULT_PUBLICATION_POLICY, maxRemovedListingsShown: 2 },
      TODAY,
    )!;
    expect(capped.removedListingsTotal).toBe(3);
    expect(capped.removedListings).toEqual([
      { itemId: '2', url: 'https://b', removedOn: '2026-05-01' },
      { itemId: '3', url: 'https://c', removedOn: '2026-05-01' },
    ]);
    const all = publishedFacts({ established, consents: [] }, DEFAULT_PUBLICATION_POLICY, TODAY)!;
    expect(all.removedListings.at(-1)).toEqual({
      itemId: '1',
      url: 'https://a',
      removedOn: '2026-03-01',
    });
  });
});

describe('private complaints are invisible (property)', () => {
  const visibility = fc.constantFrom<Visibility>('collective', 'public');
  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-05-${String(d).padStart(2, '0')}`);
  const sharedFact = fc.record({
    artist: fc.constantFrom('a', 'b', 'c'),
    visibility,
    day,
    complaint: fc.integer({ min: 1, max: 6 }),
  });
  const privateFact = fc.record({
    artist: fc.constantFrom('a', 'b', 'x', 'y'),
    day,
    complaint: fc.integer({ min: 7, max: 12 }),
  });

  it('adding private complaints never changes the decision or the published facts', () => {
    fc.assert(
      fc.property(
        fc.array(sharedFact, { maxLength: 12 }),
        fc.array(privateFact, { minLength: 1, maxLength: 12 }),
        (shared, hidden) => {
          const consents = ['a', 'b', 'c', 'x', 'y'].map((artistId) => ({
            artistId,
            publicAttribution: true,
            publicName: `Name ${artistId}`,
          }));
          const toFact = (
            artist: string,
            vis: Visibility,
            established: string,
            complaint: number,
            index: number,
          ) =>
            fact({
              artistId: artist,
              visibility: vis,
              establishedOn: established,
              complaintId: `c${complaint}`,
              listingId: `${vis}-${index}`,
              itemId: `${vis}-${index}`,
              url: `https://x/${vis}-${index}`,
            });
          const base = shared.map((entry, index) =>
            toFact(entry.artist, entry.visibility, entry.day, entry.complaint, index),
          );
          const extra = hidden.map((entry, index) =>
            toFact(entry.artist, 'private', entry.day, entry.complaint, index),
          );
          for (const policy of [DEFAULT_PUBLICATION_POLICY, WITH_COLLECTIVE]) {
            expect(decide(input([...extra, ...base], { consents }), policy)).toEqual(
              decide(input(base, { consents }), policy),
            );
          }
        },
      ),
    );
  });
});

describe('assertValidPolicy', () => {
  it('accepts the default and refuses thresholds below 1', () => {
    expect(() => assertValidPolicy(DEFAULT_PUBLICATION_POLICY)).not.toThrow();
    expect(() =>
      assertValidPolicy({
        ...DEFAULT_PUBLICATION_POLICY,
        minEstablishedComplaints: 0,
        minDistinctDays: 1.5,
      }),
    ).toThrow(/minEstablishedComplaints.*minDistinctDays/);
    expect(() =>
      assertValidPolicy({ ...DEFAULT_PUBLICATION_POLICY, publishedVisibilities: [] }),
    ).toThrow(/publishedVisibilities/);
  });
});
