import { disputeResolutionSchema, type DisputeView } from '@counterpoint/core/contracts';
import { useId, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { TextAreaField } from '../../../components/field';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { useResolveDispute } from '../api/resolve-dispute';
import styles from './disputes.module.css';

const OUTCOMES = [
  {
    value: 'upheld',
    label: 'Uphold',
    text: 'The dispute is right (for example the seller is authorised, or the listings were not copies). Upholding does not take the seller off the list: ask a moderator to hide or safelist it.',
  },
  {
    value: 'rejected',
    label: 'Reject',
    text: 'The removals stand: the seller stays on the watchlist, with your note beside the dispute.',
  },
] as const;

/** Resolve an open dispute: upheld or rejected, with a note published on the seller's page. */
export function ResolveDisputeForm({
  dispute,
  onResolved,
}: {
  dispute: DisputeView;
  onResolved: (resolved: DisputeView) => void;
}) {
  const resolve = useResolveDispute(dispute.id);
  const { errors, setErrors, clearOnEdit } = useFormErrors();
  const legendId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = disputeResolutionSchema.safeParse({
      outcome: form.get('outcome') ?? undefined,
      publicNote: formText(form, 'publicNote'),
    });
    if (!parsed.success) {
      const next = fieldErrors(parsed.error);
      if (next.outcome) next.outcome = 'Choose whether you uphold or reject the dispute.';
      if (next.publicNote && !formText(form, 'publicNote'))
        next.publicNote = 'Write the note shown on the seller’s page.';
      return setErrors(next);
    }
    setErrors({});
    resolve.mutate(parsed.data, { onSuccess: onResolved });
  };

  return (
    <form
      onChange={clearOnEdit}
      className={`stack-sm ${styles.resolve}`}
      onSubmit={submit}
      noValidate
    >
      <fieldset aria-describedby={errors.outcome ? `${legendId}-error` : undefined}>
        <legend id={legendId}>Outcome</legend>
        {OUTCOMES.map((outcome) => (
          <label key={outcome.value} className="choice">
            <input type="radio" name="outcome" value={outcome.value} />
            <span className="choice-text">
              <strong>{outcome.label}</strong>
              <span className="muted small">{outcome.text}</span>
            </span>
          </label>
        ))}
        {errors.outcome && (
          <p id={`${legendId}-error`} className="field-error" role="alert">
            {errors.outcome}
          </p>
        )}
      </fieldset>
      <TextAreaField
        label="Public note"
        name="publicNote"
        rows={3}
        maxLength={1000}
        required
        error={errors.publicNote}
        hint="Shown with the outcome on the seller’s public page. Name no artist and quote no email."
      />
      {resolve.error && <Alert>{resolve.error.message}</Alert>}
      <div>
        <button type="submit" className="button primary" disabled={resolve.isPending}>
          {resolve.isPending ? 'Publishing…' : 'Publish outcome'}
        </button>
      </div>
    </form>
  );
}
