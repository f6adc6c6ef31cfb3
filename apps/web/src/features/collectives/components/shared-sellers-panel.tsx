import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { CollectiveSeller } from '@counterpoint/core/contracts';
import { Link } from 'react-router';
import { TierBadge } from '../../../components/charts/tier-badge';
import { EmptyState, ErrorState, LoadingState } from '../../../components/data-state';
import { LoadMore } from '../../../components/load-more';
import { Table, type Column } from '../../../components/table';
import { formatNumber, plural } from '../../../lib/format';
import { useCollectiveSellers } from '../api/get-collective-sellers';
import styles from './collectives.module.css';

const columns: Column<CollectiveSeller>[] = [
  {
    key: 'seller',
    header: 'Seller',
    cell: (seller) => (
      <span className={styles.sellerCell}>
        <Link to={`/sellers/${seller.id}`} className={styles.sellerLink}>
          {seller.name ?? seller.storeId}
        </Link>
        <span className="muted small">
          {MARKETPLACE_LABELS[seller.marketplace]}
          {seller.name && (
            <>
              {' · '}
              <span className="mono break">{seller.storeId}</span>
            </>
          )}
        </span>
      </span>
    ),
  },
  {
    key: 'members',
    header: 'Copies',
    cell: (seller) => (
      <ul className={styles.copiedList}>
        {seller.members.map((member) => (
          <li key={member.artistId}>
            <strong>{member.isYou ? 'You' : member.displayName}</strong>
            <span className="muted small">
              {' '}
              · {plural(member.listingCount, 'listing')}
              {member.artworkTitles.length > 0 && <>: {member.artworkTitles.join(', ')}</>}
            </span>
          </li>
        ))}
      </ul>
    ),
  },
  {
    key: 'listings',
    header: 'Listings',
    align: 'end',
    cell: (seller) => formatNumber(seller.listingCount),
  },
  {
    key: 'points',
    header: 'Points',
    align: 'end',
    cell: (seller) =>
      seller.confirmedPoints === null ? (
        <span className="muted">—</span>
      ) : (
        <span className={styles.points}>
          <strong>{seller.confirmedPoints}</strong>
          {!!seller.pendingPoints && (
            <span className="muted small">+{seller.pendingPoints} pending</span>
          )}
        </span>
      ),
  },
  {
    key: 'tier',
    header: 'Tier',
    cell: (seller) => (
      <TierBadge tierLabel={seller.tierLabel} isComputed={seller.confirmedPoints !== null} />
    ),
  },
];

/** Sellers the members share, which members each copies, and its estimated standing. */
export function SharedSellersPanel({ collectiveId }: { collectiveId: string }) {
  const sellers = useCollectiveSellers(collectiveId);
  const rows = sellers.data?.pages.flatMap((page) => page.sellers) ?? [];

  if (sellers.isPending) return <LoadingState label="Loading shared sellers…" />;
  if (sellers.error && rows.length === 0)
    return (
      <ErrorState
        error={sellers.error}
        title="The shared sellers could not be loaded."
        onRetry={() => void sellers.refetch()}
      />
    );
  if (rows.length === 0)
    return (
      <EmptyState title="No shared sellers yet.">
        Sellers appear here when members record sightings shared with the collective.
      </EmptyState>
    );
  return (
    <div className={styles.column}>
      <p className="muted small">
        From sightings members shared with the collective (and your own). Points and tiers are
        estimates. Sellers copying the most members come first.
      </p>
      <Table
        stackOnPhone
        caption="Sellers the members share, with the members each copies"
        columns={columns}
        rows={rows}
        rowKey={(seller) => seller.id}
      />
      <LoadMore query={sellers} what="sellers" />
    </div>
  );
}
