import { MARKETPLACE_LABELS, MARKETPLACES, type Marketplace } from '@counterpoint/core';
import { PUBLIC_WATCHLIST_SORTS, type PublicWatchlistSort } from '@counterpoint/core/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/data-state';
import { LoadMore } from '../../../components/load-more';
import { Field, SelectField } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/status-badge';
import { Table } from '../../../components/table';
import { plural } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useWatchlist } from '../api/get-watchlist';
import type { WatchlistFilters } from '../api/watchlist-keys';
import { ExportsSection } from './exports-section';
import { usePageTitle } from './use-page-title';
import { watchlistColumns } from './watchlist-columns';
import {
  filtersFromSearch,
  searchFromFilters,
  SORT_LABELS,
  tierOptions,
} from './watchlist-filters';
import styles from './watchlist.module.css';

const MIN_POINTS_ERROR = 'Use a whole number of points from 0 to 10,000.';

/** The minimum-points box: '' is no minimum, a whole number is one, anything else is refused. */
function parseMinPoints(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d{1,5}$/.test(trimmed) || Number(trimmed) > 10_000) return null;
  return Number(trimmed) || undefined;
}

function hasFilters(filters: WatchlistFilters): boolean {
  return (
    filters.marketplace !== undefined ||
    filters.minPoints !== undefined ||
    filters.tier !== undefined
  );
}

/** `/watchlist`: the public list of sellers with confirmed removals, filters in the URL. */
export function WatchlistPage() {
  usePageTitle('Public watchlist');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const watchlist = useWatchlist(filters);
  const entries = watchlist.data?.pages.flatMap((page) => page.entries) ?? [];

  const update = (change: Partial<WatchlistFilters>) =>
    setSearchParams(searchFromFilters({ ...filters, ...change }), { replace: true });

  // The minimum is typed: it reaches the URL (and the API) once typing pauses.
  const [minPointsText, setMinPointsText] = useState(filters.minPoints?.toString() ?? '');
  const [syncedMinPoints, setSyncedMinPoints] = useState(filters.minPoints);
  if (syncedMinPoints !== filters.minPoints) {
    // The URL changed under the box (back button, "Clear filters"): show what it says.
    setSyncedMinPoints(filters.minPoints);
    setMinPointsText(filters.minPoints?.toString() ?? '');
  }
  const typedMinPoints = parseMinPoints(minPointsText);
  const debouncedMinPoints = useDebouncedValue(typedMinPoints, 400);
  useEffect(() => {
    if (debouncedMinPoints !== null && debouncedMinPoints !== filters.minPoints)
      update({ minPoints: debouncedMinPoints });
    // Only a settled change of the box updates the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedMinPoints]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (typedMinPoints !== null && typedMinPoints !== filters.minPoints)
      update({ minPoints: typedMinPoints });
  };

  const tiers = tierOptions(filters.marketplace);
  const isFiltered = hasFilters(filters);
  const unfiltered = searchFromFilters({ sort: filters.sort }).toString();
  const clearPath = unfiltered ? `/watchlist?${unfiltered}` : '/watchlist';

  return (
    <>
      <PageHeader
        title="Public watchlist"
        eyebrow={<Badge tone="warning">Estimates</Badge>}
        description={
          <p>
            Sellers on AliExpress, Alibaba.com, Taobao, Tmall and 1688 whose copies of artists’
            designs were removed after complaints the artists made public. Points and tiers are
            estimated from the marketplaces’ published rules, under the ruleset named with each
            figure: they are not official. No artist is named unless they chose to be.
          </p>
        }
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title="Counterpoint watchlist"
        href="/public/v1/watchlist.atom"
      />
      <form
        className={`card ${styles.filters}`}
        aria-label="Watchlist filters"
        onSubmit={submit}
        noValidate
      >
        <SelectField
          label="Marketplace"
          value={filters.marketplace ?? ''}
          onChange={(event) => {
            const marketplace = (event.target.value || undefined) as Marketplace | undefined;
            // A tier of another marketplace's ladder would match nothing.
            const keepsTier =
              filters.tier === undefined ||
              filters.tier === 0 ||
              tierOptions(marketplace).some((tier) => tier.points === filters.tier);
            update({ marketplace, tier: keepsTier ? filters.tier : undefined });
          }}
        >
          <option value="">All marketplaces</option>
          {MARKETPLACES.map((marketplace) => (
            <option key={marketplace} value={marketplace}>
              {MARKETPLACE_LABELS[marketplace]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Minimum points"
          name="minPoints"
          type="number"
          inputMode="numeric"
          min={0}
          max={10_000}
          step={1}
          value={minPointsText}
          onChange={(event) => setMinPointsText(event.target.value)}
          error={typedMinPoints === null ? MIN_POINTS_ERROR : undefined}
          hint="Estimated confirmed points."
        />
        <SelectField
          label="Tier"
          value={filters.tier === undefined ? '' : String(filters.tier)}
          onChange={(event) =>
            update({ tier: event.target.value === '' ? undefined : Number(event.target.value) })
          }
        >
          <option value="">All tiers</option>
          <option value="0">No tier yet</option>
          {tiers.map((tier) => (
            <option key={tier.points} value={tier.points}>
              {tier.label}
            </option>
          ))}
          {filters.tier !== undefined &&
            filters.tier !== 0 &&
            !tiers.some((tier) => tier.points === filters.tier) && (
              <option value={filters.tier}>{filters.tier} points</option>
            )}
        </SelectField>
        <SelectField
          label="Sort by"
          value={filters.sort}
          onChange={(event) => update({ sort: event.target.value as PublicWatchlistSort })}
        >
          {PUBLIC_WATCHLIST_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </SelectField>
      </form>

      <section aria-labelledby="watchlist-results" className={styles.results}>
        <h2 id="watchlist-results" className="visually-hidden">
          Listed sellers
        </h2>
        {watchlist.isPending ? (
          <LoadingState label="Loading the watchlist…" />
        ) : watchlist.error && entries.length === 0 ? (
          <ErrorState
            error={watchlist.error}
            title="The watchlist could not be loaded."
            onRetry={() => void watchlist.refetch()}
          />
        ) : entries.length === 0 ? (
          isFiltered ? (
            <EmptyState
              title="No listed seller matches these filters."
              action={
                <Link className="button small" to={clearPath} replace>
                  Clear filters
                </Link>
              }
            >
              Try another marketplace, a lower minimum or another tier.
            </EmptyState>
          ) : (
            <EmptyState title="No seller is on the watchlist yet.">
              A seller is listed once complaints that artists made public are established against it
              by more than one artist or on more than one day.
            </EmptyState>
          )
        ) : (
          <>
            <div className={styles.summary}>
              <p className="muted small" role="status">
                {plural(entries.length, 'seller')}
                {watchlist.hasNextPage ? ' shown, more below' : ''} · sorted by{' '}
                {SORT_LABELS[filters.sort].toLowerCase()}
              </p>
              {isFiltered && (
                <Link className="small" to={clearPath} replace>
                  Clear filters
                </Link>
              )}
            </div>
            <Table
              stackOnPhone
              caption={`Listed sellers, sorted by ${SORT_LABELS[filters.sort].toLowerCase()}`}
              columns={watchlistColumns()}
              rows={entries}
              rowKey={(entry) => `${entry.marketplace}/${entry.storeId}`}
              sort={{ key: filters.sort, direction: 'descending' }}
              // The server sorts (highest or newest first): a header click picks the figure.
              onSortChange={(sort) => update({ sort: sort.key as PublicWatchlistSort })}
            />
            <LoadMore query={watchlist} what="sellers" />
          </>
        )}
      </section>
      <ExportsSection />
    </>
  );
}
