import { hideSellerRequestSchema } from '@counterpoint/core/contracts';
import { type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field, TextAreaField } from '../../../components/field';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { useHideSeller } from '../api/hide-seller';
import styles from './moderation.module.css';

/** Hide a seller from the watchlist, its exports, feed and public page, with a reason. */
export function HideSellerForm({ onHidden }: { onHidden: (name: string) => void }) {
  const hide = useHideSeller();
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const link = formText(form, 'link');
    const parsed = hideSellerRequestSchema.safeParse({ reason: formText(form, 'reason') });
    const next = parsed.success ? {} : fieldErrors(parsed.error);
    if (next.reason) next.reason = 'Say why the seller is hidden (kept in the audit log).';
    if (!link) next.link = 'Paste the seller’s public page or its store link.';
    setErrors(next);
    if (!parsed.success || !link) return;
    hide.mutate(
      { link, reason: parsed.data.reason },
      {
        onSuccess: (hidden) => {
          formElement.reset();
          onHidden(hidden.name ?? hidden.storeId);
        },
      },
    );
  };

  return (
    <form
      onChange={clearOnEdit}
      className="stack-sm"
      onSubmit={submit}
      noValidate
      aria-label="Hide a seller"
    >
      <div className={`form-grid ${styles.formGrid}`}>
        <Field
          label="Seller"
          name="link"
          required
          autoComplete="off"
          spellCheck={false}
          error={errors.link}
          hint="Its public watchlist page (…/watchlist/aliexpress/1102345678) or its store link."
        />
        <TextAreaField
          label="Reason"
          name="reason"
          rows={2}
          maxLength={1000}
          required
          error={errors.reason}
          hint="For the other moderators and the audit log; never published."
        />
      </div>
      {hide.error && <Alert>{hide.error.message}</Alert>}
      <div>
        <button type="submit" className="button primary" disabled={hide.isPending}>
          {hide.isPending ? 'Hiding…' : 'Hide seller'}
        </button>
      </div>
    </form>
  );
}
