import { updateSellerBodySchema } from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { fieldErrors } from '../../../lib/form-errors';
import { useRenameSeller } from '../api/rename-seller';

/** Names a seller; an empty name goes back to showing the store id. */
export function RenameSellerForm({
  sellerId,
  currentName,
  storeId,
  onDone,
}: {
  sellerId: string;
  currentName: string | null;
  storeId: string;
  onDone: () => void;
}) {
  const rename = useRenameSeller(sellerId);
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const field = new FormData(event.currentTarget).get('name');
    const value = typeof field === 'string' ? field.trim() : '';
    const parsed = updateSellerBodySchema.safeParse({ name: value || null });
    if (!parsed.success) return setError(fieldErrors(parsed.error).name);
    setError(undefined);
    rename.mutate(parsed.data.name, { onSuccess: onDone });
  };

  return (
    <form
      className="card stack-sm"
      onSubmit={submit}
      noValidate
      aria-label="Rename this seller"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <Field
        // Opened by the Rename button: focus goes where the artist is about to type.
        autoFocus
        label="Seller name"
        name="name"
        defaultValue={currentName ?? ''}
        maxLength={300}
        hint={`Leave empty to show the store id (${storeId}). Everyone who sees this seller sees the name.`}
        error={error}
      />
      {rename.error && <Alert>{rename.error.message}</Alert>}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={rename.isPending}>
          {rename.isPending ? 'Saving…' : 'Save name'}
        </button>
        <button type="button" className="button ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
