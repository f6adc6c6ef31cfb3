import { IPR_STATUSES } from '@counterpoint/core';
import { Link } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { IprStatusBadge } from '../../../components/status-badge';
import { formatNumber } from '../../../lib/format';
import { IPR_STATUS_LABELS } from '../../../lib/labels';
import { useMyDesigns } from '../api/get-my-designs';

/** My designs counted by IPR status on IPP, with the ones still to set up. */
export function DesignStatusSummary() {
  const designs = useMyDesigns();
  return (
    <section className="card" aria-labelledby="design-summary-title">
      <div className="card-header">
        <h2 id="design-summary-title">My designs on IPP</h2>
        <Link to="/designs" className="small">
          All designs
        </Link>
      </div>
      <DataState
        query={designs}
        loadingLabel="Loading designs…"
        errorTitle="Your designs could not be loaded."
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            title="No designs yet"
            action={
              <Link className="button small primary" to="/designs/new">
                Add a design
              </Link>
            }
          >
            Add the artworks being copied, then register each one on IPP.
          </EmptyState>
        }
      >
        {(list) => {
          const notApproved = list.filter((design) => design.iprStatus !== 'approved');
          return (
            <>
              <dl className="stat-grid ipr-stats">
                {IPR_STATUSES.map((status) => {
                  const count = list.filter((design) => design.iprStatus === status).length;
                  return (
                    <div key={status} className={count > 0 ? `stat stat-${status}` : 'stat'}>
                      <dt>{IPR_STATUS_LABELS[status]}</dt>
                      <dd>{formatNumber(count)}</dd>
                    </div>
                  );
                })}
              </dl>
              {notApproved.length > 0 && (
                <>
                  <h3 className="subheading">Set up on IPP</h3>
                  <p className="small muted">
                    Complaints can be filed only once IPP approves a design’s IPR.
                  </p>
                  <ul className="plain-list">
                    {notApproved.slice(0, 6).map((design) => (
                      <li key={design.id} className="setup-item">
                        <Link to={`/designs/${design.id}#ipp-setup`}>{design.title}</Link>{' '}
                        <IprStatusBadge status={design.iprStatus} />
                      </li>
                    ))}
                  </ul>
                  {notApproved.length > 6 && (
                    <p className="small">
                      <Link to="/designs">and {notApproved.length - 6} more</Link>
                    </p>
                  )}
                </>
              )}
            </>
          );
        }}
      </DataState>
    </section>
  );
}
