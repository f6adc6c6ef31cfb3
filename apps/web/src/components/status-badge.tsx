import { STATUS_LABELS, type ComplaintStatus, type IprStatus } from '@counterpoint/core';
import type { ReactNode } from 'react';
import { IPR_STATUS_LABELS } from '../lib/labels';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted';

const COMPLAINT_TONES: Record<ComplaintStatus, Tone> = {
  draft: 'muted',
  submitted: 'info',
  removed: 'success',
  unable_to_process: 'neutral',
  information_requested: 'warning',
  counter_notice: 'danger',
  responded: 'warning',
  restored: 'danger',
  withdrawn: 'muted',
};

const IPR_TONES: Record<IprStatus, Tone> = {
  not_submitted: 'muted',
  pending: 'info',
  approved: 'success',
  rejected: 'danger',
};

/** A coloured pill with a text label (colour is never the only cue). */
export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** A complaint (listing) status with IPP's wording, e.g. "Listing removed". */
export function ComplaintStatusBadge({
  status,
  count,
}: {
  status: ComplaintStatus;
  /** Shown as "× 3" after the label, for per-status counts. */
  count?: number;
}) {
  return (
    <Badge tone={COMPLAINT_TONES[status]}>
      {STATUS_LABELS[status]}
      {count !== undefined && <span className="badge-count"> × {count}</span>}
    </Badge>
  );
}

/** A design's IPR status on IPP. */
export function IprStatusBadge({ status }: { status: IprStatus }) {
  return <Badge tone={IPR_TONES[status]}>IPR {IPR_STATUS_LABELS[status].toLowerCase()}</Badge>;
}
