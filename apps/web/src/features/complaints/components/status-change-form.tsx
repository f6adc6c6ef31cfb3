import { EARLIEST_EVENT_ON, type ComplaintStatus } from '@counterpoint/core';
import { statusChangeBodySchema } from '@counterpoint/core/contracts';
import { useEffect, useId, useRef, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { todayIso } from '../../../lib/format';
import { useChangeComplaintStatus } from '../api/change-complaint-status';
import { ACTION_HINTS, ACTION_LABELS } from './status-actions';

/** Records one status (with its date on IPP) for some listings of a complaint, or all. */
export function StatusChangeForm({
  complaintId,
  status,
  listingIds,
  scopeLabel,
  onClose,
}: {
  complaintId: string;
  status: ComplaintStatus;
  /** Null: every listing of the complaint. */
  listingIds: string[] | null;
  scopeLabel: string;
  onClose: () => void;
}) {
  const change = useChangeComplaintStatus(complaintId);
  const { errors, setErrors, clearOnEdit } = useFormErrors();
  const firstField = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const today = todayIso();

  // Opening the form moves focus into it, so keyboard users land where they type.
  useEffect(() => {
    firstField.current?.querySelector('input')?.focus();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ippReference = formText(form, 'ippReference');
    const parsed = statusChangeBodySchema.safeParse({
      status,
      occurredOn: formText(form, 'occurredOn'),
      note: formText(form, 'note'),
      ...(listingIds ? { listingIds } : {}),
      ...(ippReference ? { ippReference } : {}),
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    if (parsed.data.occurredOn > today)
      return setErrors({ occurredOn: 'The date is in the future.' });
    setErrors({});
    change.mutate(parsed.data, { onSuccess: onClose });
  };

  return (
    <form
      onChange={clearOnEdit}
      className="status-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <p id={titleId} className="status-form-title">
        Record “{ACTION_LABELS[status]}” for {scopeLabel}
      </p>
      {ACTION_HINTS[status] && <p className="muted small">{ACTION_HINTS[status]}</p>}
      <div className="form-grid" ref={firstField}>
        <Field
          label="Date on IPP"
          name="occurredOn"
          type="date"
          defaultValue={today}
          min={EARLIEST_EVENT_ON}
          max={today}
          required
          error={errors.occurredOn}
        />
        {status === 'submitted' && (
          <Field
            label="IPP reference (optional)"
            name="ippReference"
            maxLength={100}
            error={errors.ippReference}
          />
        )}
        <Field label="Note (optional)" name="note" maxLength={2000} error={errors.note} />
      </div>
      {change.error && <Alert>{change.error.message}</Alert>}
      <div className="button-row">
        <button type="submit" className="button primary small" disabled={change.isPending}>
          {change.isPending ? 'Recording…' : 'Record'}
        </button>
        <button type="button" className="button ghost small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
