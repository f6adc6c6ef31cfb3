import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { ComplaintDetail } from '@counterpoint/core/contracts';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { DataState } from '../../../components/data-state';
import { Countdown } from '../../../components/date-text';
import { PageHeader } from '../../../components/page-header';
import { ComplaintStatusBadge } from '../../../components/status-badge';
import { plural } from '../../../lib/format';
import { useComplaint } from '../api/get-complaint';
import { useDeleteComplaint } from '../api/delete-complaint';
import { ComplaintFacts } from './complaint-facts';
import { ComplaintListings } from './complaint-listings';
import { designTitle } from './design-title';
import { FilingHelp } from './filing-help';
import './complaints.css';

/** `/complaints/:complaintId`: a complaint, its listings' statuses and what to do next. */
export function ComplaintPage() {
  const { complaintId = '' } = useParams();
  const complaint = useComplaint(complaintId);
  return (
    <DataState
      query={complaint}
      loadingLabel="Loading the complaint…"
      errorTitle="This complaint could not be loaded."
    >
      {(detail) => <ComplaintDetailView complaint={detail} />}
    </DataState>
  );
}

function ComplaintDetailView({ complaint }: { complaint: ComplaintDetail }) {
  const counterNotices = complaint.listings.filter(
    (item) => item.status === 'counter_notice' && item.responseDueOn,
  );
  const earliestDue = counterNotices.map((item) => item.responseDueOn!).sort()[0];
  const isDraft = complaint.listings.every((item) => item.status === 'draft');
  return (
    <section>
      <PageHeader
        back={{ to: '/complaints', label: 'Complaints' }}
        eyebrow={<ComplaintStatusBadge status={complaint.status} />}
        title={`${complaint.artwork ? `“${complaint.artwork.title}”` : designTitle(complaint)} on ${MARKETPLACE_LABELS[complaint.marketplace]}`}
        description={
          complaint.sellerNames.length > 0 && <p>Sellers: {complaint.sellerNames.join(', ')}</p>
        }
      />
      {earliestDue && complaint.isOwner && (
        <div className="alert alert-error counter-notice-alert" role="alert">
          <p>
            <strong>
              Counter-notice on {plural(counterNotices.length, 'listing')}: respond on IPP by{' '}
              <Countdown dueOn={earliestDue} />.
            </strong>
          </p>
          <p>
            The seller claims the design is theirs. Answer on IPP with your evidence before the
            deadline, or the listing may be restored. Then record “I answered the counter-notice”
            below (or “Listing restored” if IPP put it back).
          </p>
        </div>
      )}
      <div className="complaint-layout">
        <div className="stack">
          <ComplaintListings complaint={complaint} />
        </div>
        <div className="stack">
          <ComplaintFacts complaint={complaint} />
          {/* Filing on IPP is the owner's work; the paste list is theirs alone. */}
          {complaint.isOwner ? (
            <FilingHelp complaint={complaint} />
          ) : (
            complaint.reason && <ReasonCard reason={complaint.reason} />
          )}
          {complaint.isOwner && isDraft && <DeleteDraft complaintId={complaint.id} />}
        </div>
      </div>
    </section>
  );
}

/** The reason text of a complaint shared with the viewer's collective, to read. */
function ReasonCard({ reason }: { reason: string }) {
  return (
    <section className="card stack-sm" aria-labelledby="reason-title">
      <h2 id="reason-title">Reason given on IPP</h2>
      <p className="reason-text">{reason}</p>
    </section>
  );
}

function DeleteDraft({ complaintId }: { complaintId: string }) {
  const remove = useDeleteComplaint(complaintId);
  const navigate = useNavigate();
  const [isConfirming, setConfirming] = useState(false);
  return (
    <section className="card danger-zone" aria-labelledby="delete-draft-title">
      <h2 id="delete-draft-title">Delete this draft</h2>
      <p className="muted small">
        Drafts were never filed on IPP; deleting one changes nothing there.
      </p>
      {remove.error && <Alert>{remove.error.message}</Alert>}
      {isConfirming ? (
        <div className="button-row">
          <button
            type="button"
            className="button danger solid"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, { onSuccess: () => void navigate('/complaints') })
            }
          >
            {remove.isPending ? 'Deleting…' : 'Delete draft'}
          </button>
          <button type="button" className="button ghost" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="button danger" onClick={() => setConfirming(true)}>
          Delete draft…
        </button>
      )}
    </section>
  );
}
