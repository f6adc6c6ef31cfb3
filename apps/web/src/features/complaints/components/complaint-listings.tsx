import { MARKETPLACE_LABELS, type ComplaintStatus } from '@counterpoint/core';
import type { ComplaintDetail } from '@counterpoint/core/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Countdown, DateText } from '../../../components/date-text';
import { ComplaintStatusBadge } from '../../../components/status-badge';
import { plural } from '../../../lib/format';
import { ACTION_LABELS } from './status-actions';
import { StatusChangeForm } from './status-change-form';

type ComplaintListing = ComplaintDetail['listings'][number];

interface OpenForm {
  status: ComplaintStatus;
  /** Null: all listings. */
  listingId: string | null;
}

/** Statuses every listing of the complaint can move to (for "all listings" actions). */
function commonNext(listings: ComplaintListing[]): ComplaintStatus[] {
  const [first, ...rest] = listings;
  if (!first) return [];
  return first.allowedNext.filter((status) =>
    rest.every((listing) => listing.allowedNext.includes(status)),
  );
}

/** Each listing with its status, deadlines, history and the statuses it can take next. */
export function ComplaintListings({ complaint }: { complaint: ComplaintDetail }) {
  const [open, setOpen] = useState<OpenForm | null>(null);
  const canEdit = complaint.isOwner;
  const allNext = complaint.listings.length > 1 ? commonNext(complaint.listings) : [];

  return (
    <section className="card" aria-labelledby="listings-title">
      <div className="card-header">
        <h2 id="listings-title">Listings ({complaint.listings.length})</h2>
      </div>
      {canEdit && allNext.length > 0 && (
        <div className="all-actions">
          <p className="small muted">Record for all {complaint.listings.length} listings:</p>
          <div className="button-row">
            {allNext.map((status) => (
              <button
                key={status}
                type="button"
                className="button small"
                aria-pressed={open?.listingId === null && open.status === status}
                onClick={() => setOpen({ status, listingId: null })}
              >
                {ACTION_LABELS[status]}
              </button>
            ))}
          </div>
          {open && open.listingId === null && (
            <StatusChangeForm
              complaintId={complaint.id}
              status={open.status}
              listingIds={null}
              scopeLabel={`all ${plural(complaint.listings.length, 'listing')}`}
              onClose={() => setOpen(null)}
            />
          )}
        </div>
      )}
      <ul className="listing-rows">
        {complaint.listings.map((item) => (
          <li key={item.id} className="listing-row">
            <div className="listing-row-main">
              <div className="listing-row-title">
                <a
                  href={item.listing.canonicalUrl}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="mono break"
                >
                  {item.listing.itemId}
                  <span className="visually-hidden">
                    {' '}
                    (opens the listing on {MARKETPLACE_LABELS[item.listing.marketplace]})
                  </span>
                </a>
                {item.seller ? (
                  <Link to={`/sellers/${item.seller.id}`} className="small">
                    {item.seller.name ?? `Store ${item.seller.storeId}`}
                  </Link>
                ) : (
                  <span className="small muted">Seller not known</span>
                )}
              </div>
              <div className="listing-row-status">
                <ComplaintStatusBadge status={item.status} />
                {item.statusOn && (
                  <span className="small muted">
                    since <DateText value={item.statusOn} />
                  </span>
                )}
                {item.establishedOn && item.status === 'removed' && (
                  <span className="small muted">
                    established <DateText value={item.establishedOn} />
                  </span>
                )}
              </div>
            </div>
            {item.responseDueOn &&
              (item.status === 'counter_notice' || item.status === 'responded') && (
                <p className="small counter-notice-line">
                  Counter-notice <DateText value={item.counterNoticeOn} /> · respond by{' '}
                  <Countdown dueOn={item.responseDueOn} />
                </p>
              )}
            {canEdit && item.allowedNext.length > 0 && (
              <div
                className="button-row listing-actions"
                aria-label={`Record a status for listing ${item.listing.itemId}`}
                role="group"
              >
                {item.allowedNext.map((status) => (
                  <button
                    key={status}
                    type="button"
                    className="button small"
                    aria-pressed={open?.listingId === item.listing.id && open.status === status}
                    onClick={() => setOpen({ status, listingId: item.listing.id })}
                  >
                    {ACTION_LABELS[status]}
                  </button>
                ))}
              </div>
            )}
            {open && open.listingId === item.listing.id && (
              <StatusChangeForm
                complaintId={complaint.id}
                status={open.status}
                listingIds={[item.listing.id]}
                scopeLabel={`listing ${item.listing.itemId}`}
                onClose={() => setOpen(null)}
              />
            )}
            {item.history.length > 0 && (
              <details className="listing-history">
                <summary>History ({item.history.length})</summary>
                <ol className="timeline">
                  {[...item.history].reverse().map((event) => (
                    <li key={`${event.recordedAt}-${event.toStatus}`}>
                      <div className="timeline-head">
                        <ComplaintStatusBadge status={event.toStatus} />
                        <DateText value={event.occurredOn} />
                      </div>
                      {event.note && <p className="small">{event.note}</p>}
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
