import type { CampaignCoverage } from '@counterpoint/core/contracts';
import { useId, useState } from 'react';
import { EmptyState } from '../../../components/data-state';
import { Field, SelectField } from '../../../components/field';
import { ComplaintStatusBadge, IprStatusBadge, Badge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import { formatNumber } from '../../../lib/format';
import { COVERAGE_STATE, COVERAGE_STATES } from './campaign-labels';
import { filterListings, NO_FILTER, type CoverageFilter } from './coverage-filter';
import styles from './campaigns.module.css';

type Store = CampaignCoverage['sellers'][number];
type Listing = Store['listings'][number];
type Member = CampaignCoverage['members'][number];

/** The distinctive end of a listing's address (its item), short enough for a cell. */
function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const lastSegment = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
    return `${lastSegment}${parsed.search}` || parsed.host;
  } catch {
    return url;
  }
}

/**
 * The coverage matrix of one store: its listings (rows) against the members whose artworks
 * they copy (columns), with each artwork's IPR status, the complaints filed, and what can
 * happen now. Filterable by state, member and address; sortable; rows become cards on phones
 * (a member's cell is left out where they copy nothing).
 */
export function CoverageMatrix({ store, members }: { store: Store; members: readonly Member[] }) {
  const id = useId();
  const [filter, setFilter] = useState<CoverageFilter>(NO_FILTER);
  const copying = members.filter((member) =>
    store.listings.some((listing) =>
      listing.copies.some((copy) => copy.artistId === member.artistId),
    ),
  );
  const rows = filterListings(store.listings, filter);
  const storeName = store.seller.name ?? store.seller.storeId;
  const isFiltered =
    filter.state !== 'all' || filter.artistId !== 'all' || filter.text.trim() !== '';

  const columns: Column<Listing>[] = [
    {
      key: 'listing',
      header: 'Listing',
      sortValue: (listing) => listing.canonicalUrl,
      cell: (listing) => (
        <a
          href={listing.canonicalUrl}
          target="_blank"
          rel="noreferrer noopener"
          className={`mono ${styles.listingLink}`}
          title={listing.canonicalUrl}
        >
          {shortUrl(listing.canonicalUrl)}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ),
    },
    {
      key: 'state',
      header: 'Now',
      sortValue: (listing) => COVERAGE_STATES.indexOf(listing.state),
      cell: (listing) => (
        <Badge tone={COVERAGE_STATE[listing.state].tone}>
          {COVERAGE_STATE[listing.state].label}
        </Badge>
      ),
    },
    ...copying.map((member): Column<Listing> => ({
      key: `member-${member.artistId}`,
      header: (
        <span className={styles.memberHeader}>
          {member.isYou ? 'You' : member.displayName}
          {!member.isParticipant && <span className={styles.headerNote}>not opted in</span>}
        </span>
      ),
      label: member.isYou ? 'You' : member.displayName,
      sortValue: (listing) =>
        listing.copies.filter((copy) => copy.artistId === member.artistId).length || null,
      className: styles.memberCell,
      cell: (listing) => {
        const copies = listing.copies.filter((copy) => copy.artistId === member.artistId);
        if (copies.length === 0) return null;
        return (
          <ul className={styles.copyList}>
            {copies.map((copy) => (
              <li key={copy.artworkId}>
                <span className="break">{copy.artworkTitle}</span>{' '}
                {copy.iprStatus === 'approved' ? (
                  <span className={styles.approvedMark} title="IPR approved">
                    <span aria-hidden="true">✓</span>
                    <span className="visually-hidden">IPR approved</span>
                  </span>
                ) : (
                  <IprStatusBadge status={copy.iprStatus} />
                )}
              </li>
            ))}
          </ul>
        );
      },
    })),
    {
      key: 'complaints',
      header: 'Complaints',
      sortValue: (listing) => listing.complaints.length + listing.otherComplaints,
      cell: (listing) =>
        listing.complaints.length === 0 && listing.otherComplaints === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className={styles.copyList}>
            {listing.complaints.map((complaint) => (
              <li key={complaint.complaintId}>
                {complaint.artist.isYou ? 'You' : complaint.artist.displayName}{' '}
                <ComplaintStatusBadge status={complaint.status} />
              </li>
            ))}
            {listing.otherComplaints > 0 && (
              <li className="muted small">
                +{formatNumber(listing.otherComplaints)} you cannot see
              </li>
            )}
          </ul>
        ),
    },
  ];

  return (
    <div className="stack-sm">
      <div
        className={`toolbar ${styles.matrixFilters}`}
        role="search"
        aria-label={`Filter the listings of ${storeName}`}
      >
        <SelectField
          label="Now"
          value={filter.state}
          onChange={(event) =>
            setFilter({ ...filter, state: event.target.value as CoverageFilter['state'] })
          }
        >
          <option value="all">Any state ({formatNumber(store.listings.length)})</option>
          {COVERAGE_STATES.map((state) => (
            <option key={state} value={state}>
              {COVERAGE_STATE[state].label} ({formatNumber(store.counts[state] ?? 0)})
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Copies the work of"
          value={filter.artistId}
          onChange={(event) => setFilter({ ...filter, artistId: event.target.value })}
        >
          <option value="all">Anyone</option>
          {copying.map((member) => (
            <option key={member.artistId} value={member.artistId}>
              {member.isYou ? 'You' : member.displayName}
            </option>
          ))}
        </SelectField>
        <Field
          label="Address contains"
          type="search"
          value={filter.text}
          onChange={(event) => setFilter({ ...filter, text: event.target.value })}
        />
        {isFiltered && (
          <button type="button" className="button small ghost" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        )}
      </div>
      <p className={`small muted ${styles.matrixNote}`}>
        <span id={`${id}-count`} role="status">
          {isFiltered
            ? `${formatNumber(rows.length)} of ${formatNumber(store.listings.length)} listings match.`
            : `${formatNumber(store.listings.length)} listings.`}
        </span>{' '}
        Columns: the members whose designs the listings copy, with each design’s IPR status (
        <span className={styles.approvedMark} aria-hidden="true">
          ✓
        </span>{' '}
        approved).
      </p>
      {rows.length === 0 ? (
        <EmptyState
          title={isFiltered ? 'No listing matches these filters.' : 'No listing of this store yet.'}
          action={
            isFiltered && (
              <button type="button" className="button small" onClick={() => setFilter(NO_FILTER)}>
                Clear filters
              </button>
            )
          }
        >
          {!isFiltered &&
            'Listings appear here when members record sightings of this store, shared with the collective.'}
        </EmptyState>
      ) : (
        <div className={styles.matrix}>
          <Table
            stackOnPhone
            caption={`Listings of ${storeName} against the members’ artworks they copy`}
            columns={columns}
            rows={rows}
            rowKey={(listing) => listing.listingId}
            initialSort={{ key: 'state', direction: 'ascending' }}
          />
        </div>
      )}
    </div>
  );
}
