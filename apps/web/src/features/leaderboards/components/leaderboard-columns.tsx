import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { Leaderboard } from '@counterpoint/core/contracts';
import { Link } from 'react-router';
import { TierBadge } from '../../../components/charts/tier-badge';
import { DateText } from '../../../components/date-text';
import type { Column } from '../../../components/table';
import { formatNumber } from '../../../lib/format';
import type { LeaderboardSort } from './leaderboard-filters';
import styles from './leaderboard.module.css';

export type Entry = Leaderboard['entries'][number];

const FIGURES: { sort: LeaderboardSort; header: string; value: (entry: Entry) => number }[] = [
  { sort: 'points', header: 'Points', value: (entry) => entry.points },
  { sort: 'artists', header: 'Artists', value: (entry) => entry.distinctArtists },
  { sort: 'complaints', header: 'Established', value: (entry) => entry.establishedComplaints },
  { sort: 'listings', header: 'Online listings', value: (entry) => entry.activeListings },
];

/**
 * The leaderboard's columns. Figure headers are sortable: the server ranks, highest first,
 * by the figure the page asks for.
 */
export function leaderboardColumns(): Column<Entry>[] {
  return [
    {
      key: 'rank',
      header: 'Rank',
      align: 'end',
      cell: (entry) => <span className={styles.rank}>#{entry.rank}</span>,
    },
    {
      key: 'seller',
      header: 'Seller',
      // Stacked on phones, the rank heads the card and the seller needs no label.
      className: 'no-label',
      cell: (entry) => (
        <span className={styles.sellerCell}>
          <Link to={`/sellers/${entry.sellerId}`} className={styles.sellerLink}>
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
        </span>
      ),
    },
    ...FIGURES.map(({ sort, header, value }): Column<Entry> => ({
      key: sort,
      header,
      align: 'end',
      sortValue: value,
      cell: (entry) => formatNumber(value(entry)),
    })),
    {
      key: 'standing',
      header: 'Standing now',
      cell: (entry) => (
        <span className={styles.standing}>
          <span>
            {entry.confirmedPoints !== null && (
              <span className="small">{formatNumber(entry.confirmedPoints)} pts </span>
            )}
            <TierBadge tierLabel={entry.tierLabel} isComputed={entry.confirmedPoints !== null} />
          </span>
          {entry.lastEstablishedOn && (
            <span className="muted small">
              last removal <DateText value={entry.lastEstablishedOn} />
            </span>
          )}
        </span>
      ),
    },
  ];
}
