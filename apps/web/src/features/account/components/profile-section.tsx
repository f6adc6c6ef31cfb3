import { updateMeBodySchema, type Me } from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { fieldErrors } from '../../../lib/form-errors';
import { useUpdateMe } from '../api/update-me';

export function ProfileSection({ me }: { me: Me }) {
  const update = useUpdateMe();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = updateMeBodySchema.safeParse({ displayName });
    if (!parsed.success) return setError(fieldErrors(parsed.error).displayName);
    setError(undefined);
    update.mutate(parsed.data);
  };

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <form onSubmit={submit} noValidate className="stack-sm">
        <Field
          label="Display name"
          name="displayName"
          autoComplete="name"
          maxLength={100}
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
            update.reset();
          }}
          hint="Shown to members of your collectives. The public never sees it."
          error={error}
        />
        <p className="muted small">
          Signed in as <strong>{me.email}</strong>.
        </p>
        {update.error && <Alert>{update.error.message}</Alert>}
        {update.isSuccess && <Alert tone="success">Profile saved.</Alert>}
        <div>
          <button type="submit" className="button primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save profile'}
          </button>
        </div>
      </form>
    </section>
  );
}
