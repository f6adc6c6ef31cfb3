import { publicDisputeRequestSchema } from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field, TextAreaField } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { formatNumber } from '../../../lib/format';
import { useSubmitDispute } from '../api/submit-dispute';
import styles from './public-seller.module.css';

const STATEMENT_MIN = 20;
const STATEMENT_MAX = 4000;

const FRIENDLY: Record<string, string> = {
  contactEmail: 'Enter an email address we can write to, like name@example.com.',
  evidenceUrl: 'Enter a full web address starting with https:// (or leave it empty).',
};

/** Per-field messages from a 400 `validation_failed` answer (`body.statement` → `statement`). */
function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const fields = (error.details as { fields?: { field: string; message: string }[] } | undefined)
    ?.fields;
  const errors: Record<string, string> = {};
  for (const field of fields ?? []) {
    const name = field.field.replace(/^body\./, '');
    errors[name] ??= FRIENDLY[name] ?? field.message;
  }
  return errors;
}

/** What to tell the visitor when the API refused the dispute as a whole. */
function refusal(error: unknown): { title: string; message: string } {
  if (error instanceof ApiError && error.status === 429)
    return {
      title: 'Too many disputes were sent from your connection.',
      message: `${error.message} Your text is kept in the form, so you can send it later.`,
    };
  if (error instanceof ApiError && error.status === 409)
    return { title: 'The dispute could not be accepted now.', message: error.message };
  if (error instanceof ApiError && error.status === 404)
    return {
      title: 'This seller is no longer on the watchlist.',
      message: 'There is nothing left to dispute here.',
    };
  return {
    title: 'The dispute could not be sent.',
    message: error instanceof Error ? error.message : 'Please try again.',
  };
}

/**
 * Anyone (the seller, a buyer, an authorised reseller) may dispute a listing: a contact email
 * and a statement that are never published, and optionally a link to evidence.
 */
export function DisputeForm({ marketplace, storeId }: { marketplace: string; storeId: string }) {
  const submitDispute = useSubmitDispute(marketplace, storeId);
  const { errors, setErrors, clearOnEdit } = useFormErrors();
  const [statementLength, setStatementLength] = useState(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = publicDisputeRequestSchema.safeParse({
      contactEmail: formText(form, 'contactEmail'),
      statement: formText(form, 'statement'),
      evidenceUrl: formText(form, 'evidenceUrl'),
    });
    if (!parsed.success) {
      const next = fieldErrors(parsed.error);
      for (const name of Object.keys(next)) if (FRIENDLY[name]) next[name] = FRIENDLY[name];
      if (next.statement && !formText(form, 'statement'))
        next.statement = 'Say why this seller should not be on the watchlist.';
      setErrors(next);
      // Focus the first field to fix, as a screen-reader user would need.
      const first = ['contactEmail', 'statement', 'evidenceUrl'].find((name) => next[name]);
      if (first) (event.currentTarget.elements.namedItem(first) as HTMLElement | null)?.focus();
      return;
    }
    setErrors({});
    submitDispute.mutate(parsed.data, {
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  if (submitDispute.isSuccess) {
    return (
      <div className="stack-sm">
        <Alert tone="success">
          <strong>Dispute received.</strong> {submitDispute.data.message}
        </Alert>
        <div>
          <button type="button" className="button small" onClick={() => submitDispute.reset()}>
            Send another dispute
          </button>
        </div>
      </div>
    );
  }

  const failure =
    submitDispute.error && Object.keys(errors).length === 0 ? refusal(submitDispute.error) : null;

  return (
    <form
      onChange={clearOnEdit}
      className={`stack ${styles.form}`}
      onSubmit={submit}
      noValidate
      aria-label="Dispute this entry"
    >
      <p className="muted small">
        Your email and statement are never published. The admins of the artists’ collectives who
        complained about this seller review the dispute and publish their outcome, with a short
        note, on this page.
      </p>
      <Field
        label="Your email"
        name="contactEmail"
        type="email"
        autoComplete="email"
        required
        maxLength={320}
        error={errors.contactEmail}
        hint="So the reviewers can write to you. Never shown."
      />
      <div className="stack-sm">
        <TextAreaField
          label="Statement"
          name="statement"
          rows={6}
          required
          maxLength={STATEMENT_MAX}
          onChange={(event) => setStatementLength(event.target.value.trim().length)}
          error={errors.statement}
          hint={`Why this seller should not be listed, for example: you are the artist’s authorised reseller, or the removed listings were not copies. ${STATEMENT_MIN} to ${formatNumber(STATEMENT_MAX)} characters.`}
        />
        <span className={`muted small ${styles.counter}`}>
          {statementLength < STATEMENT_MIN
            ? `${STATEMENT_MIN - statementLength} more characters needed`
            : `${formatNumber(statementLength)} / ${formatNumber(STATEMENT_MAX)}`}
        </span>
      </div>
      <Field
        label="Evidence link (optional)"
        name="evidenceUrl"
        type="url"
        inputMode="url"
        maxLength={2000}
        placeholder="https://"
        error={errors.evidenceUrl}
        hint="A licence, an authorisation letter or a document online."
      />
      {failure && (
        <Alert>
          <strong>{failure.title}</strong> {failure.message}
        </Alert>
      )}
      <div>
        <button type="submit" className="button primary" disabled={submitDispute.isPending}>
          {submitDispute.isPending ? 'Sending…' : 'Send dispute'}
        </button>
      </div>
    </form>
  );
}
