import { createSellerBodySchema } from '@counterpoint/core/contracts';
import { type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { useCreateSeller } from '../api/create-seller';

/** Adds a store by its URL (or finds it when someone added it already). */
export function AddSellerForm() {
  const createSeller = useCreateSeller();
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const nameValue = form.get('name');
    const name = typeof nameValue === 'string' ? nameValue.trim() : '';
    const parsed = createSellerBodySchema.safeParse({
      url: form.get('url'),
      name: name || undefined,
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    createSeller.mutate(parsed.data, { onSuccess: () => formElement.reset() });
  };

  const saved = createSeller.data;
  return (
    <section className="card" aria-labelledby="add-seller-title">
      <h2 id="add-seller-title">Add a seller by store URL</h2>
      <p className="muted small">
        Paste a store link from AliExpress, Alibaba.com, Taobao, Tmall or 1688. If the store is
        already known, you get the existing seller.
      </p>
      <form onChange={clearOnEdit} onSubmit={submit} noValidate className="stack">
        <Field
          label="Store URL"
          name="url"
          type="url"
          inputMode="url"
          placeholder="https://www.aliexpress.com/store/1102345678"
          required
          error={errors.url}
        />
        <Field
          label="Name (optional)"
          name="name"
          hint="How you want to call this seller; the store id is used otherwise."
          error={errors.name}
        />
        {createSeller.error && <Alert>{createSeller.error.message}</Alert>}
        {saved && !createSeller.isPending && (
          <Alert tone="success">
            Saved <strong>{saved.name ?? saved.storeId}</strong>.{' '}
            <Link to={`/sellers/${saved.id}`}>Open its profile</Link>
          </Alert>
        )}
        <div>
          <button type="submit" className="button primary" disabled={createSeller.isPending}>
            {createSeller.isPending ? 'Adding…' : 'Add seller'}
          </button>
        </div>
      </form>
    </section>
  );
}
