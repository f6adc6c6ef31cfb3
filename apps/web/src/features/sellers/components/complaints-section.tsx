import { COMPLAINT_STATUSES, type ComplaintStatus } from '@counterpoint/core';
import type { SellerProfile } from '@counterpoint/core/contracts';
import { Link } from 'react-router';
import { DateText } from '../../../components/date-text';
import { Badge, ComplaintStatusBadge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import styles from './seller-page.module.css';

type Complaint = SellerProfile['complaints'][number] & { itemId: string | null };

function isComplaintStatus(value: string): value is ComplaintStatus {
  return (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

const columns: Column<Complaint>[] = [
  {
    key: 'filedOn',
    header: 'Filed',
    sortValue: (complaint) => complaint.filedOn,
    cell: (complaint) =>
      complaint.artist.isYou ? (
        <Link to={`/complaints/${complaint.complaintId}`}>
          <DateText value={complaint.filedOn} fallback="Draft" />
        </Link>
      ) : (
        <DateText value={complaint.filedOn} fallback="Draft" />
      ),
  },
  {
    key: 'artist',
    header: 'Artist',
    sortValue: (complaint) => complaint.artist.name,
    cell: (complaint) => (complaint.artist.isYou ? <strong>You</strong> : complaint.artist.name),
  },
  {
    key: 'design',
    header: 'Design',
    cell: (complaint) => complaint.artworkTitle ?? <span className="muted">—</span>,
  },
  {
    key: 'listing',
    header: 'Listing',
    cell: (complaint) => <span className="mono small break">{complaint.itemId ?? '—'}</span>,
  },
  {
    key: 'status',
    header: 'Status',
    sortValue: (complaint) => complaint.status,
    cell: (complaint) => (
      <span className={styles.stateCell}>
        {isComplaintStatus(complaint.status) ? (
          <ComplaintStatusBadge status={complaint.status} />
        ) : (
          <Badge>{complaint.status}</Badge>
        )}
        {complaint.statusOn && (
          <span className="small muted">
            since <DateText value={complaint.statusOn} />
          </span>
        )}
      </span>
    ),
  },
  {
    key: 'establishedOn',
    header: 'Established',
    sortValue: (complaint) => complaint.establishedOn,
    cell: (complaint) => <DateText value={complaint.establishedOn} />,
  },
];

/** Complaints against this seller that I may see, one row per reported listing. */
export function ComplaintsSection({
  complaints,
  listings,
}: {
  complaints: SellerProfile['complaints'];
  listings: SellerProfile['listings'];
}) {
  const itemIds = new Map(listings.map((listing) => [listing.id, listing.itemId]));
  const rows = complaints.map((complaint) => ({
    ...complaint,
    itemId: itemIds.get(complaint.listingId) ?? null,
  }));
  return (
    <section id="complaints" className="card" aria-labelledby="complaints-title">
      <header className="card-header">
        <h2 id="complaints-title">Complaints</h2>
        <span className="muted small">One row per reported listing</span>
      </header>
      {rows.length === 0 ? (
        <p className="muted">No complaint against this seller is visible to you yet.</p>
      ) : (
        <Table
          stackOnPhone
          caption="Complaints against this seller"
          columns={columns}
          rows={rows}
          rowKey={(complaint) => complaint.complaintListingId}
          initialSort={{ key: 'filedOn', direction: 'descending' }}
        />
      )}
    </section>
  );
}
