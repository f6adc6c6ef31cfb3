import {
  allowedTransitions,
  type ComplaintStatus,
  EARLIEST_EVENT_ON,
  STATUS_LABELS,
} from '@counterpoint/core';
import { bulkStatusBodySchema, type ComplaintSummary } from '@counterpoint/core/contracts';
import { useId, type FormEvent } from 'react';
import { Field, SelectField } from '../../../components/field';
import { formatDate, plural, todayIso } from '../../../lib/format';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { readRefusals, useBulkUpdateStatus } from '../api/bulk-update-status';
import { designTitle } from './design-title';

/** Statuses one can record next for any listing of the selected complaints. */
function nextStatuses(selected: ComplaintSummary[]): ComplaintStatus[] {
  const next = new Set<ComplaintStatus>();
  for (const complaint of selected) {
    const current = Object.entries(complaint.statusCounts)
      .filter(([, count]) => count > 0)
      .map(([status]) => status as ComplaintStatus);
    for (const status of current.length ? current : [complaint.status]) {
      for (const candidate of allowedTransitions(status)) next.add(candidate);
    }
  }
  // Most common answers from IPP's History page first.
  const order: ComplaintStatus[] = [
    'removed',
    'unable_to_process',
    'counter_notice',
    'information_requested',
    'responded',
    'restored',
    'submitted',
    'withdrawn',
  ];
  return order.filter((status) => next.has(status));
}

/**
 * Records one status for every selected complaint (all their listings) at once. The API
 * applies all or nothing; refused changes are listed with their reason.
 */
export function BulkStatusBar({
  selected,
  onDone,
  onUnselect,
}: {
  selected: ComplaintSummary[];
  onDone: (message: string) => void;
  /** Drops complaints from the selection, to record the change for the others. */
  onUnselect: (complaintIds: string[]) => void;
}) {
  const bulk = useBulkUpdateStatus();
  const options = nextStatuses(selected);
  const { errors, setErrors, clearOnEdit } = useFormErrors();
  const titleId = useId();
  const today = todayIso();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const status = formText(form, 'status');
    const occurredOn = formText(form, 'occurredOn');
    const note = formText(form, 'note');
    const parsed = bulkStatusBodySchema.safeParse({
      updates: selected.map((complaint) => ({
        complaintId: complaint.id,
        status,
        occurredOn,
        note,
      })),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path.at(-1) ?? 'form');
      return setErrors({
        ...fieldErrors(parsed.error),
        [field]: issue?.message ?? 'Check this field.',
      });
    }
    if (occurredOn > today) return setErrors({ occurredOn: 'The date is in the future.' });
    setErrors({});
    bulk.mutate(parsed.data, {
      onSuccess: ({ updated }) =>
        onDone(
          `Recorded “${STATUS_LABELS[status as ComplaintStatus]}” for ${plural(updated, 'listing')} in ${plural(selected.length, 'complaint')}.`,
        ),
    });
  };

  const refusals = readRefusals(bulk.error);
  const byId = new Map(selected.map((complaint) => [complaint.id, complaint]));
  // One line per refused complaint: its listings are refused for the same reasons.
  const refused = new Map<string, { listings: number; messages: string[] }>();
  for (const refusal of refusals) {
    const entry = refused.get(refusal.complaintId) ?? { listings: 0, messages: [] };
    entry.listings += 1;
    if (!entry.messages.includes(refusal.message)) entry.messages.push(refusal.message);
    refused.set(refusal.complaintId, entry);
  }
  const canRetryOthers = refused.size > 0 && refused.size < selected.length;
  return (
    <section className="bulk-bar sticky-wide" aria-labelledby={titleId}>
      <h2 id={titleId} className="bulk-bar-title">
        Update {plural(selected.length, 'selected complaint')}
      </h2>
      {options.length === 0 ? (
        <p className="muted">
          The selected complaints are final (removed for good, unable to process, restored or
          withdrawn): there is nothing more to record.
        </p>
      ) : (
        <form onChange={clearOnEdit} className="bulk-bar-form" onSubmit={submit} noValidate>
          <SelectField
            label="New status"
            name="status"
            defaultValue={options[0]}
            error={errors.status}
          >
            {options.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </SelectField>
          <Field
            label="Date shown on IPP"
            name="occurredOn"
            type="date"
            defaultValue={today}
            min={EARLIEST_EVENT_ON}
            max={today}
            required
            error={errors.occurredOn}
          />
          <Field label="Note (optional)" name="note" maxLength={2000} error={errors.note} />
          <div className="bulk-bar-actions">
            <button type="submit" className="button primary" disabled={bulk.isPending}>
              {bulk.isPending ? 'Recording…' : 'Record for all selected'}
            </button>
          </div>
        </form>
      )}
      {bulk.error && (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>Nothing was recorded.</strong>{' '}
            {refused.size > 0
              ? `The change does not fit ${plural(refused.size, 'selected complaint')}; changes are recorded for all selected complaints or for none.`
              : bulk.error.message}
          </p>
          {refused.size > 0 && (
            <ul className="refusals">
              {[...refused].map(([complaintId, entry]) => {
                const complaint = byId.get(complaintId);
                return (
                  <li key={complaintId}>
                    <strong>
                      {complaint ? designTitle(complaint) : 'Complaint'}
                      {complaint?.filedOn ? `, filed ${formatDate(complaint.filedOn)}` : ''}
                      {complaint && complaint.listingCount > 1
                        ? ` (${plural(entry.listings, 'listing')} of ${complaint.listingCount})`
                        : ''}
                    </strong>
                    : {entry.messages.join(' ')}
                  </li>
                );
              })}
            </ul>
          )}
          {canRetryOthers && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                onUnselect([...refused.keys()]);
                bulk.reset();
              }}
            >
              Unselect the refused {refused.size === 1 ? 'complaint' : 'complaints'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
