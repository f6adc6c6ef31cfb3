import { updateMeBodySchema, type Me } from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { fieldErrors } from '../../../lib/form-errors';
import { useUpdateMe } from '../api/update-me';
import styles from './account.module.css';

/** Opt-in public attribution: a chosen name next to the public facts you share, nothing else. */
export function AttributionSection({ me }: { me: Me }) {
  const update = useUpdateMe();
  const [isPublic, setPublic] = useState(me.publicAttribution);
  const [publicName, setPublicName] = useState(me.publicName ?? '');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = publicName.trim();
    if (isPublic && !name) return setError('Enter the name the public should see.');
    const parsed = updateMeBodySchema.safeParse({
      publicAttribution: isPublic,
      publicName: name || null,
    });
    if (!parsed.success) return setError(fieldErrors(parsed.error).publicName);
    setError(undefined);
    update.mutate(parsed.data);
  };

  return (
    <section className="card" aria-labelledby="attribution-title">
      <h2 id="attribution-title">Public attribution</h2>
      <div className={styles.explainer}>
        <p>
          Facts you mark <strong>public</strong> (a seller, its listings and their removals) can
          appear on the public watchlist and its feeds. By default they appear{' '}
          <strong>without any name</strong>.
        </p>
        <p>
          If you opt in, <strong>your chosen public name</strong> appears next to the public facts
          you share. <strong>Nothing else becomes public</strong>: not your email, not your display
          name, not your designs, and nothing you keep private or share only with collectives.
        </p>
      </div>
      <form onSubmit={submit} noValidate className="stack-sm">
        <label className={`choice ${styles.checkbox}`}>
          <input
            type="checkbox"
            checked={isPublic}
            onChange={(event) => {
              setPublic(event.target.checked);
              update.reset();
            }}
          />
          <span className="choice-text">
            <strong>Show my public name next to the public facts I share</strong>
            <span className="muted small">You can turn this off at any time.</span>
          </span>
        </label>
        <Field
          label="Public name"
          name="publicName"
          maxLength={100}
          value={publicName}
          disabled={!isPublic}
          onChange={(event) => {
            setPublicName(event.target.value);
            update.reset();
          }}
          hint={
            isPublic
              ? 'For example your studio or artist name.'
              : 'Turn on attribution to choose a public name.'
          }
          error={error}
        />
        {update.error && <Alert>{update.error.message}</Alert>}
        {update.isSuccess && (
          <Alert tone="success">
            {update.data.publicAttribution
              ? `Saved: public facts you share now show “${update.data.publicName ?? ''}”.`
              : 'Saved: public facts you share show no name.'}
          </Alert>
        )}
        <div>
          <button type="submit" className="button primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save attribution'}
          </button>
        </div>
      </form>
    </section>
  );
}
