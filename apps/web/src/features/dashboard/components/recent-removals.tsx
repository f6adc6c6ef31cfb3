import { MARKETPLACE_LABELS } from '@counterpoint/core';
import { Link } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { ComplaintStatusBadge } from '../../../components/status-badge';
import { designTitle } from '../../complaints/components/design-title';
import { useRecentRemovals } from '../api/get-recent-removals';

/** My latest complaints with "Listing removed": the wins IPP does not email about. */
export function RecentRemovals() {
  const removals = useRecentRemovals();
  return (
    <section className="card" aria-labelledby="removals-title">
      <div className="card-header">
        <h2 id="removals-title">Recent removals</h2>
        <Link to="/complaints?status=removed" className="small">
          All removals
        </Link>
      </div>
      <DataState
        query={removals}
        loadingLabel="Loading removals…"
        errorTitle="Removals could not be loaded."
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No removals recorded yet">
            IPP does not email when a listing is removed: record it from your complaint when IPP’s
            History shows “Listing removed”.
          </EmptyState>
        }
      >
        {(list) => (
          <ul className="plain-list removals">
            {list.map((complaint) => (
              <li key={complaint.id}>
                <Link to={`/complaints/${complaint.id}`} className="removal-title">
                  {designTitle(complaint)}
                </Link>
                <span className="small muted">
                  {MARKETPLACE_LABELS[complaint.marketplace]}
                  {complaint.sellerNames.length > 0 && ` · ${complaint.sellerNames.join(', ')}`}
                </span>
                <span className="removal-meta">
                  <ComplaintStatusBadge
                    status="removed"
                    count={complaint.statusCounts.removed ?? 1}
                  />
                  <span className="small muted">
                    removed <DateText value={complaint.lastRemovedOn ?? complaint.updatedAt} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </DataState>
    </section>
  );
}
