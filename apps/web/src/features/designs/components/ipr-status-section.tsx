import { EARLIEST_EVENT_ON, type IprStatus } from '@counterpoint/core';
import { iprStatusChangeBodySchema, type ArtworkDetail } from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { DateText } from '../../../components/date-text';
import { Field, SelectField, TextAreaField } from '../../../components/field';
import { IprStatusBadge } from '../../../components/status-badge';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { todayIso } from '../../../lib/format';
import { IPR_STATUS_LABELS } from '../../../lib/labels';
import { useChangeIprStatus } from '../api/change-ipr-status';
import { IPR_NEXT } from './ipr-transitions';

/** What each choice means on IPP, under the select. */
const NEXT_HINTS: Record<IprStatus, string> = {
  not_submitted: 'Withdrawn from IPP, or recorded by mistake.',
  pending: 'You submitted the IPR on IPP and it is waiting for review.',
  approved: 'IPP shows the IPR as approved: you can file complaints for this design.',
  rejected: 'IPP rejected the IPR. Read its reason before resubmitting.',
};

/** The IPR status on IPP: record a change with its date, and its history. */
export function IprStatusSection({ design }: { design: ArtworkDetail }) {
  const change = useChangeIprStatus(design.id);
  const options = IPR_NEXT[design.iprStatus];
  const [status, setStatus] = useState<IprStatus | ''>(options[0] ?? '');
  const { errors, setErrors, clearOnEdit } = useFormErrors();
  const [saved, setSaved] = useState<string | null>(null);
  const today = todayIso();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reference = formText(form, 'ippIprReference');
    const parsed = iprStatusChangeBodySchema.safeParse({
      status,
      occurredOn: form.get('occurredOn'),
      note: formText(form, 'note'),
      ...(reference ? { ippIprReference: reference } : {}),
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    if (parsed.data.occurredOn > today)
      return setErrors({
        occurredOn: 'Record what has already happened: the date is in the future.',
      });
    setErrors({});
    setSaved(null);
    const form_ = event.currentTarget;
    change.mutate(parsed.data, {
      onSuccess: (detail) => {
        setSaved(`Recorded: ${IPR_STATUS_LABELS[detail.iprStatus].toLowerCase()}.`);
        setStatus(IPR_NEXT[detail.iprStatus][0] ?? '');
        form_.reset();
      },
    });
  };

  const history = [...design.iprHistory].reverse();
  return (
    <section className="card" aria-labelledby="ipr-status-title">
      <div className="card-header">
        <h2 id="ipr-status-title">IPR status on IPP</h2>
        <IprStatusBadge status={design.iprStatus} />
      </div>
      {saved && <Alert tone="success">{saved}</Alert>}
      <form onChange={clearOnEdit} className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <SelectField
            label="New status"
            name="status"
            value={status}
            onChange={(event) => setStatus(event.target.value as IprStatus)}
            error={errors.status}
            hint={status ? NEXT_HINTS[status] : undefined}
          >
            {options.map((option) => (
              <option key={option} value={option}>
                {IPR_STATUS_LABELS[option]}
              </option>
            ))}
          </SelectField>
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
        </div>
        {(status === 'pending' || status === 'approved') && (
          <Field
            label="IPP IPR reference (optional)"
            name="ippIprReference"
            defaultValue={design.ippIprReference ?? ''}
            maxLength={100}
            error={errors.ippIprReference}
          />
        )}
        <TextAreaField
          label="Note (optional)"
          name="note"
          rows={2}
          maxLength={2000}
          error={errors.note}
          hint={status === 'rejected' ? 'IPP’s reason, to fix before resubmitting.' : undefined}
        />
        {change.error && <Alert>{change.error.message}</Alert>}
        <div>
          <button type="submit" className="button primary" disabled={change.isPending || !status}>
            {change.isPending ? 'Recording…' : 'Record status'}
          </button>
        </div>
      </form>

      <h3 className="subheading">History</h3>
      {history.length === 0 ? (
        <p className="muted small">No status recorded yet.</p>
      ) : (
        <ol className="timeline">
          {history.map((event) => (
            <li key={`${event.recordedAt}-${event.toStatus}`}>
              <div className="timeline-head">
                <IprStatusBadge status={event.toStatus} />
                <DateText value={event.occurredOn} />
              </div>
              {event.fromStatus && (
                <p className="small muted">
                  from {IPR_STATUS_LABELS[event.fromStatus].toLowerCase()}
                </p>
              )}
              {event.note && <p className="small">{event.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
