import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../config/parse-environment';
import { DEFAULT_PUBLICATION_POLICY } from './publication-policy';
import { publicationPolicyFromEnvironment } from './publication-policy.environment';

describe('publicationPolicyFromEnvironment', () => {
  it('defaults to one established complaint from two artists or on two days', () => {
    expect(publicationPolicyFromEnvironment({})).toEqual(DEFAULT_PUBLICATION_POLICY);
    expect(DEFAULT_PUBLICATION_POLICY).toMatchObject({
      minEstablishedComplaints: 1,
      minDistinctArtists: 2,
      minDistinctDays: 2,
      corroboration: 'either',
      publishedVisibilities: ['public'],
    });
  });

  it('reads every variable, ignoring empty and unrelated ones', () => {
    expect(
      publicationPolicyFromEnvironment({
        WATCHLIST_MIN_ESTABLISHED_COMPLAINTS: '2',
        WATCHLIST_MIN_DISTINCT_ARTISTS: '3',
        WATCHLIST_MIN_DISTINCT_DAYS: '',
        WATCHLIST_CORROBORATION: 'both',
        WATCHLIST_MAX_REMOVED_LISTINGS_SHOWN: '50',
        WATCHLIST_PUBLISHED_VISIBILITIES: ' Public, collective,public ',
        DATABASE_URL: 'not a url, and not ours',
      }),
    ).toEqual({
      minEstablishedComplaints: 2,
      minDistinctArtists: 3,
      minDistinctDays: 2,
      corroboration: 'both',
      maxRemovedListingsShown: 50,
      publishedVisibilities: ['public', 'collective'],
    });
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      publicationPolicyFromEnvironment({
        WATCHLIST_MIN_DISTINCT_ARTISTS: '0',
        WATCHLIST_CORROBORATION: 'sometimes',
        WATCHLIST_MIN_DISTINCT_DAYS: 'two',
        WATCHLIST_PUBLISHED_VISIBILITIES: 'public,private',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems.map((problem) => problem.split(':')[0])).toEqual([
      'WATCHLIST_MIN_DISTINCT_ARTISTS',
      'WATCHLIST_MIN_DISTINCT_DAYS',
      'WATCHLIST_CORROBORATION',
      'WATCHLIST_PUBLISHED_VISIBILITIES',
    ]);
  });
});
