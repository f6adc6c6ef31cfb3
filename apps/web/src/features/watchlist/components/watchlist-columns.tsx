import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { PublicWatchlistEntry, PublicWatchlistSort } from '@counterpoint/core/contracts';
import { Link } from 'react-router';
import { TierBadge } from '../../../components/charts/tier-badge';
import { DateText } from '../../../components/date-text';
import { Badge } from '../../../components/status-badge';
import type { Column } from '../../../components/table';
import { formatNumber } from '../../../lib/format';
import styles from './watchlist.module.css';

/** The web page of a listed seller (the Atom feed links here too). */
export function sellerPagePath(entry: { marketplace: string; storeId: string }): string {
  return `/watchlist/${encodeURIComponent(entry.marketplace)}/${encodeURIComponent(entry.storeId)}`;
}

/**
 * The watchlist's columns. Figure headers are sortable: the server sorts (highest or newest
 * first) by the figure the page asks for, so a header click changes the query.
 */
export function watchlistColumns(): Column<PublicWatchlistEntry>[] {
  const figure = (
    key: PublicWatchlistSort,
    header: string,
    value: (entry: PublicWatchlistEntry) => number,
  ): Column<PublicWatchlistEntry> => ({
    key,
    header,
    align: 'end',
    sortValue: value,
    cell: (entry) => formatNumber(value(entry)),
  });
  return [
    {
      key: 'seller',
      header: 'Seller',
      className: 'no-label',
      cell: (entry) => (
        <span className={styles.sellerCell}>
          <Link to={sellerPagePath(entry)} className={styles.sellerLink}>
            {entry.name ?? entry.storeId}
          </Link>
          <span className="muted small">
            {MARKETPLACE_LABELS[entry.marketplace]}
            {entry.name && (
              <>
                {' · '}
                <span className="mono break">{entry.storeId}</span>
              </>
            )}
          </span>
          {entry.hasOpenDispute && (
            <span>
              <Badge tone="warning">Dispute open</Badge>
            </span>
          )}
        </span>
      ),
    },
    {
      key: 'points',
      header: 'Points (estimate)',
      label: 'Estimated points',
      align: 'end',
      sortValue: (entry) => entry.confirmedPoints,
      cell: (entry) => (
        <span className={styles.points}>
          <strong>{formatNumber(entry.confirmedPoints)}</strong>
          <TierBadge
            tierLabel={
              entry.isTerminated ? (entry.tier?.label ?? 'Terminated') : (entry.tier?.label ?? null)
            }
            isComputed
          />
          <span className="muted small">
            Estimate · <code className={styles.ruleset}>{entry.rulesetId}</code>
          </span>
        </span>
      ),
    },
    figure('complaints', 'Established complaints', (entry) => entry.establishedComplaints),
    figure('artists', 'Artists', (entry) => entry.distinctArtists),
    {
      key: 'first',
      header: 'First established',
      cell: (entry) => <DateText value={entry.firstEstablishedOn} />,
    },
    {
      key: 'recent',
      header: 'Last established',
      sortValue: (entry) => entry.lastEstablishedOn,
      cell: (entry) => <DateText value={entry.lastEstablishedOn} />,
    },
  ];
}
