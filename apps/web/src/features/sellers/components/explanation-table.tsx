import { COMPLAINT_STATUSES, type ComplaintStatus } from '@counterpoint/core';
import type { StandingView } from '@counterpoint/core/contracts';
import { Badge, ComplaintStatusBadge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import { formatDate } from '../../../lib/format';
import styles from './seller-page.module.css';

type Entry = StandingView['explanation'][number];
type Tone = Parameters<typeof Badge>[0]['tone'];

const OUTCOMES: Record<string, { label: string; tone: Tone }> = {
  counted: { label: 'Counted', tone: 'success' },
  pending: { label: 'Pending', tone: 'info' },
  capped: { label: 'Capped (daily limit)', tone: 'neutral' },
  merged: { label: 'Merged', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'muted' },
  no_effect: { label: 'No effect', tone: 'muted' },
  strike: { label: 'Strike', tone: 'danger' },
  strike_merged: { label: 'Merged into a strike', tone: 'neutral' },
};

function isComplaintStatus(value: string): value is ComplaintStatus {
  return (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LISTING_REF = new RegExp(`listing (${UUID})`, 'gi');
const COMPLAINT_REF = new RegExp(`complaint (${UUID})`, 'gi');

/** Names the estimator's internal ids in a reason so people can follow it. */
export interface ReasonLabels {
  /** Complaint-listing id → the listing's item id. */
  listings: Map<string, string>;
  /** Complaint id → a short description such as "complaint filed Nov 14, 2026". */
  complaints: Map<string, string>;
}

function humanizeReason(reason: string, labels: ReasonLabels | undefined): string {
  if (!labels) return reason;
  return reason
    .replace(LISTING_REF, (_match, id: string) => {
      const itemId = labels.listings.get(id.toLowerCase());
      return itemId ? `listing ${itemId}` : 'a listing you cannot see';
    })
    .replace(COMPLAINT_REF, (_match, id: string) => {
      return labels.complaints.get(id.toLowerCase()) ?? 'a complaint you cannot see';
    });
}

type Row = Entry & { key: string };

const columns: Column<Row>[] = [
  {
    key: 'date',
    header: 'Date',
    sortValue: (entry) => entry.date,
    cell: (entry) =>
      entry.date ? (
        <time dateTime={entry.date} style={{ whiteSpace: 'nowrap' }}>
          {formatDate(entry.date)}
        </time>
      ) : (
        <span className="muted">Not dated</span>
      ),
  },
  {
    key: 'status',
    header: 'Status',
    cell: (entry) =>
      isComplaintStatus(entry.status) ? (
        <ComplaintStatusBadge status={entry.status} />
      ) : (
        <Badge>{entry.status}</Badge>
      ),
  },
  {
    key: 'outcome',
    header: 'Outcome',
    cell: (entry) => {
      const outcome = OUTCOMES[entry.outcome] ?? { label: entry.outcome, tone: 'neutral' };
      return <Badge tone={outcome.tone}>{outcome.label}</Badge>;
    },
  },
  {
    key: 'points',
    header: 'Points',
    align: 'end',
    sortValue: (entry) => entry.points,
    cell: (entry) =>
      entry.outcome === 'pending' ? (
        <span title="Would be added once established">
          +{entry.points} <span className="muted small">pending</span>
        </span>
      ) : (
        <strong>{entry.points}</strong>
      ),
  },
  {
    key: 'reason',
    header: 'Why',
    cell: (entry) => <span className="break small">{entry.reason}</span>,
  },
];

/**
 * Every visible complaint's contribution to the estimate, one row per listing, and how many
 * entries count without being shown (complaints the viewer may not see).
 */
export function ExplanationTable({
  explanation,
  hiddenEntries,
  labels,
}: {
  explanation: Entry[];
  hiddenEntries: number;
  labels?: ReasonLabels;
}) {
  const rows = explanation.map((entry, index) => ({
    ...entry,
    reason: humanizeReason(entry.reason, labels),
    key: `${index}`,
  }));
  return (
    <div className={styles.columnTight}>
      {rows.length > 0 ? (
        <Table
          stackOnPhone
          caption="How each complaint you can see contributes to the estimate"
          columns={columns}
          rows={rows}
          rowKey={(entry) => entry.key}
        />
      ) : (
        <p className="muted">
          {hiddenEntries > 0
            ? 'You cannot see any of the complaints against this seller.'
            : 'No complaint has been filed against this seller yet.'}
        </p>
      )}
      {hiddenEntries > 0 && (
        <p className="alert alert-info" role="note">
          <strong>
            {hiddenEntries === 1
              ? '1 complaint you cannot see also counts'
              : `${hiddenEntries} complaints you cannot see also count`}
          </strong>
          : other artists kept {hiddenEntries === 1 ? 'it' : 'them'} private, so only{' '}
          {hiddenEntries === 1 ? 'its' : 'their'} effect on the totals above is shown.
        </p>
      )}
    </div>
  );
}
