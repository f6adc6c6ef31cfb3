import type { PublicWatchlistEntry } from '@counterpoint/core/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test/render';
import { filtersFromSearch, searchFromFilters } from './watchlist-filters';
import { WatchlistPage } from './watchlist-page';

function buildEntry(overrides: Partial<PublicWatchlistEntry> = {}): PublicWatchlistEntry {
  return {
    marketplace: 'aliexpress',
    storeId: '1102345678',
    name: 'GlowPins Official Store',
    storeUrl: 'https://www.aliexpress.com/store/1102345678',
    path: '/public/v1/sellers/aliexpress/1102345678',
    isEstimate: true,
    rulesetId: 'aliexpress-2022-02-24@1',
    confirmedPoints: 30,
    tier: null,
    isTerminated: false,
    establishedComplaints: 5,
    distinctArtists: 4,
    distinctDays: 5,
    removedListings: 14,
    firstEstablishedOn: '2026-05-14',
    lastEstablishedOn: '2026-11-18',
    listedAt: '2026-11-20T10:00:00.000Z',
    hasOpenDispute: false,
    ...overrides,
  };
}

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));

/** Answers the watchlist with one page per cursor; returns the spy. */
function stubWatchlist(
  pages: Record<string, { entries: PublicWatchlistEntry[]; next: string | null }>,
) {
  const spy = vi.fn((input: string | URL) => {
    const url = new URL(input.toString(), 'http://localhost');
    if (url.pathname !== '/public/v1/watchlist')
      return json({ error: { code: 'not_found', message: `No stub for ${url.pathname}` } }, 404);
    const page = pages[url.searchParams.get('cursor') ?? ''] ?? { entries: [], next: null };
    return json({
      isEstimate: true,
      sort: url.searchParams.get('sort'),
      entries: page.entries,
      nextCursor: page.next,
    });
  });
  vi.stubGlobal('fetch', spy);
  return spy;
}

/** The query of every watchlist request, in order. */
function watchlistQueries(spy: ReturnType<typeof stubWatchlist>) {
  return spy.mock.calls.map(([input]) =>
    Object.fromEntries(new URL(input.toString(), 'http://localhost').searchParams),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('watchlist filters in the query string', () => {
  it('reads known filters and drops unknown or malformed ones', () => {
    expect(
      filtersFromSearch(
        new URLSearchParams('marketplace=tmall&minPoints=12&tier=48&sort=artists&utm=x'),
      ),
    ).toEqual({ marketplace: 'tmall', minPoints: 12, tier: 48, sort: 'artists' });
    expect(
      filtersFromSearch(new URLSearchParams('marketplace=ebay&minPoints=-3&tier=abc&sort=random')),
    ).toEqual({ marketplace: undefined, minPoints: undefined, tier: undefined, sort: 'points' });
    expect(filtersFromSearch(new URLSearchParams('minPoints=99999&tier=0'))).toMatchObject({
      minPoints: undefined,
      tier: 0,
    });
  });

  it('writes only what differs from the defaults, so shared links stay short', () => {
    expect(searchFromFilters({ sort: 'points' }).toString()).toBe('');
    expect(
      searchFromFilters({ marketplace: '1688', minPoints: 6, tier: 0, sort: 'recent' }).toString(),
    ).toBe('marketplace=1688&minPoints=6&tier=0&sort=recent');
  });
});

describe('WatchlistPage', () => {
  it('asks the API for the filters in the URL, and for exactly the filters chosen', async () => {
    const spy = stubWatchlist({ '': { entries: [buildEntry()], next: null } });
    const user = userEvent.setup();
    renderPage(<WatchlistPage />, '/watchlist?marketplace=aliexpress&sort=complaints');

    const link = await screen.findByRole('link', { name: 'GlowPins Official Store' });
    expect(link).toHaveAttribute('href', '/watchlist/aliexpress/1102345678');
    expect(watchlistQueries(spy).at(-1)).toEqual({
      marketplace: 'aliexpress',
      sort: 'complaints',
      limit: '50',
    });
    expect(screen.getByLabelText('Marketplace')).toHaveValue('aliexpress');
    expect(screen.getByLabelText('Sort by')).toHaveValue('complaints');

    // Every figure says it is an estimate and under which ruleset.
    const row = screen.getByRole('row', { name: /GlowPins/ });
    expect(within(row).getByText(/Estimate/)).toBeInTheDocument();
    expect(within(row).getByText('aliexpress-2022-02-24@1')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Minimum points'), '12');
    await waitFor(() =>
      expect(watchlistQueries(spy).at(-1)).toEqual({
        marketplace: 'aliexpress',
        minPoints: '12',
        sort: 'complaints',
        limit: '50',
      }),
    );
    // Typing pauses before asking: no request for "1" on the way to "12".
    expect(watchlistQueries(spy).some((query) => query.minPoints === '1')).toBe(false);

    await user.selectOptions(screen.getByLabelText('Tier'), 'No tier yet');
    await waitFor(() => expect(watchlistQueries(spy).at(-1)).toMatchObject({ tier: '0' }));

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Latest removal');
    await waitFor(() =>
      expect(watchlistQueries(spy).at(-1)).toEqual({
        marketplace: 'aliexpress',
        minPoints: '12',
        tier: '0',
        sort: 'recent',
        limit: '50',
      }),
    );
  });

  it('refuses a minimum that is not a whole number, without asking the API', async () => {
    const spy = stubWatchlist({ '': { entries: [buildEntry()], next: null } });
    const user = userEvent.setup();
    renderPage(<WatchlistPage />, '/watchlist');
    await screen.findByRole('link', { name: 'GlowPins Official Store' });
    const requests = spy.mock.calls.length;

    await user.type(screen.getByLabelText('Minimum points'), '2.5');
    expect(
      await screen.findByText('Use a whole number of points from 0 to 10,000.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Minimum points')).toHaveAttribute('aria-invalid', 'true');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(spy.mock.calls.length).toBe(requests);
  });

  it('loads the next page with the cursor the API gave', async () => {
    const spy = stubWatchlist({
      '': { entries: [buildEntry()], next: 'cursor-2' },
      'cursor-2': {
        entries: [buildEntry({ marketplace: 'tmall', storeId: 'bloomdecor', name: 'Bloom Decor' })],
        next: null,
      },
    });
    const user = userEvent.setup();
    renderPage(<WatchlistPage />, '/watchlist');

    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Bloom Decor' })).toHaveAttribute(
      'href',
      '/watchlist/tmall/bloomdecor',
    );
    expect(watchlistQueries(spy).at(-1)).toMatchObject({ cursor: 'cursor-2' });
    expect(screen.getByRole('link', { name: 'GlowPins Official Store' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says when nothing matches, and links to the exports and the publication policy', async () => {
    stubWatchlist({});
    renderPage(<WatchlistPage />, '/watchlist?marketplace=1688&sort=artists');

    expect(await screen.findByText('No listed seller matches these filters.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute(
      'href',
      '/watchlist?sort=artists',
    );
    expect(screen.getByRole('link', { name: 'JSON' })).toHaveAttribute(
      'href',
      '/public/v1/watchlist.json',
    );
    expect(screen.getByRole('link', { name: 'CSV' })).toHaveAttribute(
      'href',
      '/public/v1/watchlist.csv',
    );
    expect(screen.getByRole('link', { name: 'Atom feed' })).toHaveAttribute(
      'href',
      '/public/v1/watchlist.atom',
    );
    expect(screen.getByText('What is published, and what never is')).toBeInTheDocument();
  });

  it('shows the API’s message when the watchlist cannot be loaded', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        json(
          { error: { code: 'rate_limited', message: 'Too many requests. Try again in 30 s.' } },
          429,
        ),
      ),
    );
    renderPage(<WatchlistPage />, '/watchlist');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The watchlist could not be loaded.');
    expect(alert).toHaveTextContent('Too many requests. Try again in 30 s.');
  });
});
