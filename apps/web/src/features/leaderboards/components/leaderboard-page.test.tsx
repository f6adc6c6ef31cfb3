import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test/render';
import { LeaderboardPage } from './leaderboard-page';

const COLLECTIVE_ID = '80957e88-7630-4870-a622-b350683e3b98';

const entry = {
  rank: 1,
  sellerId: 'ce444081-6be5-4f68-b083-05f3a2c8c362',
  marketplace: 'aliexpress',
  storeId: '1102345678',
  name: 'GlowPins Official Store',
  storeUrl: 'https://www.aliexpress.com/store/1102345678',
  points: 30,
  distinctArtists: 4,
  establishedComplaints: 5,
  activeListings: 2,
  lastEstablishedOn: '2026-11-17',
  confirmedPoints: 30,
  tierLabel: null,
};

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body)));

function stubApi() {
  const fetchSpy = vi.fn((path: string) => {
    if (path === '/api/v1/collectives')
      return json({
        collectives: [
          {
            id: COLLECTIVE_ID,
            name: 'Enamel Pin Makers Guild',
            description: '',
            role: 'member',
            memberCount: 4,
            createdAt: '2026-01-01T00:00:00.000Z',
            updatedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      });
    const query = new URL(path, 'http://localhost').searchParams;
    return json({
      window: query.get('window'),
      sort: query.get('sort'),
      isEstimate: true,
      entries: [entry],
      nextCursor: null,
    });
  });
  vi.stubGlobal('fetch', fetchSpy);
  return fetchSpy;
}

/** The query of the last leaderboard request, as a plain object. */
function lastLeaderboardQuery(fetchSpy: ReturnType<typeof stubApi>) {
  const paths = fetchSpy.mock.calls
    .map(([path]) => path)
    .filter((path) => path.startsWith('/api/v1/leaderboards/sellers?'));
  const last = paths.at(-1);
  return last ? Object.fromEntries(new URL(last, 'http://localhost').searchParams) : null;
}

afterEach(() => vi.unstubAllGlobals());

describe('LeaderboardPage', () => {
  it('asks for the default leaderboard, then for exactly the filters chosen', async () => {
    const fetchSpy = stubApi();
    const user = userEvent.setup();
    renderPage(<LeaderboardPage />, '/leaderboards');

    expect(await screen.findByRole('link', { name: 'GlowPins Official Store' })).toHaveAttribute(
      'href',
      `/sellers/${entry.sellerId}`,
    );
    expect(lastLeaderboardQuery(fetchSpy)).toEqual({
      scope: 'global',
      window: '365d',
      sort: 'points',
      limit: '50',
    });

    await user.selectOptions(screen.getByLabelText('Marketplace'), 'AliExpress');
    await waitFor(() =>
      expect(lastLeaderboardQuery(fetchSpy)).toEqual({
        scope: 'global',
        marketplace: 'aliexpress',
        window: '365d',
        sort: 'points',
        limit: '50',
      }),
    );

    await user.selectOptions(screen.getByLabelText('Time window'), 'Last 30 days');
    await waitFor(() => expect(lastLeaderboardQuery(fetchSpy)).toMatchObject({ window: '30d' }));

    await screen.findByRole('option', { name: 'Collective: Enamel Pin Makers Guild' });
    await user.selectOptions(
      screen.getByLabelText('Sellers'),
      'Collective: Enamel Pin Makers Guild',
    );
    await waitFor(() =>
      expect(lastLeaderboardQuery(fetchSpy)).toEqual({
        scope: 'collective',
        collectiveId: COLLECTIVE_ID,
        marketplace: 'aliexpress',
        window: '30d',
        sort: 'points',
        limit: '50',
      }),
    );
  });

  it('ranks by another figure from the select or a column header', async () => {
    const fetchSpy = stubApi();
    const user = userEvent.setup();
    renderPage(<LeaderboardPage />, '/leaderboards?scope=mine');

    const table = await screen.findByRole('table');
    expect(lastLeaderboardQuery(fetchSpy)).toMatchObject({ scope: 'mine', sort: 'points' });
    expect(within(table).getByRole('columnheader', { name: /Points/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    await user.selectOptions(screen.getByLabelText('Rank by'), 'Established complaints');
    await waitFor(() =>
      expect(lastLeaderboardQuery(fetchSpy)).toMatchObject({ scope: 'mine', sort: 'complaints' }),
    );

    await user.click(within(screen.getByRole('table')).getByRole('button', { name: /Artists/ }));
    await waitFor(() => expect(lastLeaderboardQuery(fetchSpy)).toMatchObject({ sort: 'artists' }));
    expect(screen.getByLabelText('Rank by')).toHaveValue('artists');
  });

  it('says when nothing matches and labels the figures as estimates', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((path: string) =>
        json(
          path === '/api/v1/collectives'
            ? { collectives: [] }
            : { window: '365d', sort: 'points', isEstimate: true, entries: [], nextCursor: null },
        ),
      ),
    );
    renderPage(<LeaderboardPage />, '/leaderboards');
    expect(await screen.findByText('No seller matches these filters.')).toBeInTheDocument();
    expect(screen.getByText('Estimates')).toBeInTheDocument();
  });
});
