import { MARKETPLACE_LABELS, MARKETPLACES, parseMarketplaceUrl } from '@counterpoint/core';
import { safelistRequestSchema } from '@counterpoint/core/contracts';
import { type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field, SelectField } from '../../../components/field';
import { ApiError } from '../../../lib/api-client';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { useAddToSafelist } from '../api/add-to-safelist';
import styles from './moderation.module.css';

/** A store id, or a store link pasted in its place (then the link names the marketplace too). */
function readStore(marketplace: string, store: string): { marketplace: string; storeId: string } {
  if (!/^https?:\/\/|\.(com|hk|cn)\b/i.test(store)) return { marketplace, storeId: store };
  const parsed = parseMarketplaceUrl(store);
  if (parsed.ok && parsed.kind === 'store')
    return { marketplace: parsed.marketplace, storeId: parsed.id };
  return { marketplace, storeId: store };
}

/** Safelist an authorised reseller: marketplace, store id and a note. */
export function SafelistForm({ onAdded }: { onAdded: (storeId: string) => void }) {
  const add = useAddToSafelist();
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const store = readStore(formText(form, 'marketplace'), formText(form, 'storeId'));
    const parsed = safelistRequestSchema.safeParse({ ...store, note: formText(form, 'note') });
    if (!parsed.success) {
      const next = fieldErrors(parsed.error);
      if (next.marketplace) next.marketplace = 'Choose the marketplace.';
      if (next.storeId && !store.storeId) next.storeId = 'Enter the store id or paste its link.';
      return setErrors(next);
    }
    setErrors({});
    add.mutate(parsed.data, {
      onSuccess: (entry) => {
        formElement.reset();
        onAdded(entry.storeId);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409)
          setErrors({ storeId: error.message });
      },
    });
  };

  const otherError =
    add.error && !(add.error instanceof ApiError && add.error.status === 409) ? add.error : null;

  return (
    <form
      onChange={clearOnEdit}
      className="stack-sm"
      onSubmit={submit}
      noValidate
      aria-label="Add to the safelist"
    >
      <div className={`form-grid ${styles.formGrid}`}>
        <SelectField
          label="Marketplace"
          name="marketplace"
          defaultValue=""
          error={errors.marketplace}
        >
          <option value="" disabled>
            Choose…
          </option>
          {MARKETPLACES.map((marketplace) => (
            <option key={marketplace} value={marketplace}>
              {MARKETPLACE_LABELS[marketplace]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Store id"
          name="storeId"
          required
          autoComplete="off"
          spellCheck={false}
          error={errors.storeId}
          hint="As on the watchlist (e.g. 1102345678), or paste the store link."
        />
        <Field
          label="Note (optional)"
          name="note"
          maxLength={1000}
          error={errors.note}
          hint="Who authorised them, and where that is recorded."
        />
      </div>
      {otherError && <Alert>{otherError.message}</Alert>}
      <div>
        <button type="submit" className="button primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add to safelist'}
        </button>
      </div>
    </form>
  );
}
