import type { SellerProfile } from '@counterpoint/core/contracts';
import { DateText } from '../../../components/date-text';
import { Badge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import styles from './seller-page.module.css';

type Listing = SellerProfile['listings'][number];

interface ListingRow extends Listing {
  sightingCount: number;
  complaintCount: number;
}

const columns: Column<ListingRow>[] = [
  {
    key: 'item',
    header: 'Listing',
    sortValue: (listing) => listing.title ?? listing.itemId,
    cell: (listing) => (
      <span style={{ display: 'grid' }}>
        <a href={listing.canonicalUrl} target="_blank" rel="noopener noreferrer" className="break">
          {listing.title ?? <span className="mono">{listing.itemId}</span>}
          <span aria-hidden="true"> ↗</span>{' '}
          <span className="visually-hidden">(opens in a new tab)</span>
        </a>
        {listing.title && <span className="mono muted small break">{listing.itemId}</span>}
      </span>
    ),
  },
  {
    key: 'state',
    header: 'State',
    sortValue: (listing) => listing.removedOn ?? '',
    cell: (listing) =>
      listing.removedOn ? (
        <span className={styles.stateCell}>
          <Badge tone="success">Removed</Badge>
          <span className="small muted">
            <DateText value={listing.removedOn} />
          </span>
        </span>
      ) : (
        <Badge tone="warning">Online</Badge>
      ),
  },
  {
    key: 'sightings',
    header: 'Sightings',
    align: 'end',
    sortValue: (listing) => listing.sightingCount,
    cell: (listing) => listing.sightingCount,
  },
  {
    key: 'complaints',
    header: 'Complaints',
    align: 'end',
    sortValue: (listing) => listing.complaintCount,
    cell: (listing) => listing.complaintCount,
  },
];

/** The seller's listings, online or removed, with how often each was seen and reported. */
export function ListingsSection({
  listings,
  sightings,
  complaints,
}: {
  listings: SellerProfile['listings'];
  sightings: SellerProfile['sightings'];
  complaints: SellerProfile['complaints'];
}) {
  const rows = listings.map((listing) => ({
    ...listing,
    sightingCount: sightings.filter((sighting) => sighting.listingId === listing.id).length,
    complaintCount: complaints.filter((complaint) => complaint.listingId === listing.id).length,
  }));
  const removed = listings.filter((listing) => listing.removedOn).length;
  return (
    <section id="listings" className="card" aria-labelledby="listings-title">
      <header className="card-header">
        <h2 id="listings-title">Listings</h2>
        {listings.length > 0 && (
          <span className="muted small">
            {listings.length - removed} online · {removed} removed
          </span>
        )}
      </header>
      {rows.length === 0 ? (
        <p className="muted">No listing of this seller is recorded yet.</p>
      ) : (
        <Table
          stackOnPhone
          caption="Listings of this seller"
          columns={columns}
          rows={rows}
          rowKey={(listing) => listing.id}
        />
      )}
    </section>
  );
}
