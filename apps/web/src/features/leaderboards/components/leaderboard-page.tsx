import { MARKETPLACE_LABELS, MARKETPLACES, type Marketplace } from '@counterpoint/core';
import { LEADERBOARD_SORTS, LEADERBOARD_WINDOWS } from '@counterpoint/core/contracts';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../../components/data-state';
import { LoadMore } from '../../../components/load-more';
import { SelectField } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/status-badge';
import { Table } from '../../../components/table';
import { formatNumber } from '../../../lib/format';
import { useMyCollectives } from '../api/get-my-collectives';
import { useSellerLeaderboard } from '../api/get-seller-leaderboard';
import type { LeaderboardFilters } from '../api/leaderboard-keys';
import { leaderboardColumns } from './leaderboard-columns';
import {
  filtersFromSearch,
  searchFromFilters,
  SORT_LABELS,
  WINDOW_LABELS,
  type LeaderboardSort,
} from './leaderboard-filters';
import styles from './leaderboard.module.css';

function scopeValue(filters: LeaderboardFilters): string {
  return filters.scope === 'collective' ? `collective:${filters.collectiveId}` : filters.scope;
}

export function LeaderboardPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const collectives = useMyCollectives();
  const leaderboard = useSellerLeaderboard(filters);
  const entries = leaderboard.data?.pages.flatMap((page) => page.entries) ?? [];

  const update = (change: Partial<LeaderboardFilters>) =>
    setSearchParams(searchFromFilters({ ...filters, ...change }), { replace: true });

  const changeScope = (value: string) => {
    if (value.startsWith('collective:')) {
      update({ scope: 'collective', collectiveId: value.slice('collective:'.length) });
    } else {
      update({ scope: value === 'mine' ? 'mine' : 'global', collectiveId: undefined });
    }
  };

  return (
    <>
      <PageHeader
        title="Seller leaderboard"
        eyebrow={<Badge tone="warning">Estimates</Badge>}
        description="Sellers ranked by what artists established against them in the time window. Points are estimated from published marketplace rules, not official figures."
      />
      <form
        className={`card ${styles.filters}`}
        aria-label="Leaderboard filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Sellers"
          value={scopeValue(filters)}
          onChange={(event) => changeScope(event.target.value)}
        >
          <option value="global">All sellers with public facts</option>
          <option value="mine">Sellers copying my work</option>
          {collectives.data?.collectives.map((collective) => (
            <option key={collective.id} value={`collective:${collective.id}`}>
              Collective: {collective.name}
            </option>
          ))}
          {filters.scope === 'collective' &&
            !collectives.data?.collectives.some((c) => c.id === filters.collectiveId) && (
              <option value={scopeValue(filters)}>
                {collectives.isPending ? 'Collective (loading…)' : 'A collective you are not in'}
              </option>
            )}
        </SelectField>
        <SelectField
          label="Marketplace"
          value={filters.marketplace ?? ''}
          onChange={(event) =>
            update({ marketplace: (event.target.value || undefined) as Marketplace | undefined })
          }
        >
          <option value="">All marketplaces</option>
          {MARKETPLACES.map((marketplace) => (
            <option key={marketplace} value={marketplace}>
              {MARKETPLACE_LABELS[marketplace]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Time window"
          value={filters.window}
          onChange={(event) =>
            update({ window: event.target.value as LeaderboardFilters['window'] })
          }
        >
          {LEADERBOARD_WINDOWS.map((window) => (
            <option key={window} value={window}>
              {WINDOW_LABELS[window]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Rank by"
          value={filters.sort}
          onChange={(event) => update({ sort: event.target.value as LeaderboardSort })}
        >
          {LEADERBOARD_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </SelectField>
      </form>

      <section aria-labelledby="leaderboard-results" className={styles.results}>
        <h2 id="leaderboard-results" className="visually-hidden">
          Results
        </h2>
        {leaderboard.isPending ? (
          <LoadingState label="Loading the leaderboard…" />
        ) : leaderboard.error && entries.length === 0 ? (
          <ErrorState
            error={leaderboard.error}
            title="The leaderboard could not be loaded."
            onRetry={() => void leaderboard.refetch()}
          />
        ) : entries.length === 0 ? (
          <EmptyState title="No seller matches these filters.">
            {filters.scope === 'global'
              ? 'Only sellers with public facts appear here. Try “Sellers copying my work”, a longer time window or another marketplace.'
              : 'Try a longer time window or another marketplace.'}
          </EmptyState>
        ) : (
          <>
            <p className="muted small" role="status">
              {entries.length === 1 ? '1 seller' : `${formatNumber(entries.length)} sellers`},
              ranked by {SORT_LABELS[filters.sort].toLowerCase()} ·{' '}
              {WINDOW_LABELS[filters.window].toLowerCase()}
            </p>
            <Table
              stackOnPhone
              caption={`Seller leaderboard, ranked by ${SORT_LABELS[filters.sort].toLowerCase()}`}
              columns={leaderboardColumns()}
              rows={entries}
              rowKey={(entry) => entry.sellerId}
              sort={{ key: filters.sort, direction: 'descending' }}
              // The server ranks (always highest first): a header click picks what to rank by.
              onSortChange={(sort) => update({ sort: sort.key as LeaderboardSort })}
            />
            <LoadMore query={leaderboard} what="sellers" />
          </>
        )}
      </section>
    </>
  );
}
