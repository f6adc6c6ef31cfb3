import { createCollectiveBodySchema } from '@counterpoint/core/contracts';
import { type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/alert';
import { DataState } from '../../../components/data-state';
import { Field, TextAreaField } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/status-badge';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { plural } from '../../../lib/format';
import { useCreateCollective } from '../api/create-collective';
import { useCollectives } from '../api/get-collectives';
import styles from './collectives.module.css';
import { ROLE_LABELS } from './member-permissions';

function CreateCollectiveForm() {
  const create = useCreateCollective();
  const navigate = useNavigate();
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = createCollectiveBodySchema.safeParse({
      name: form.get('name'),
      description: form.get('description') ?? '',
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (collective) => void navigate(`/collectives/${collective.id}`),
    });
  };

  return (
    <section className="card" aria-labelledby="create-collective-title">
      <h2 id="create-collective-title">Start a collective</h2>
      <p className="muted small">You become its owner and can invite other artists with a link.</p>
      <form onChange={clearOnEdit} onSubmit={submit} noValidate className={styles.column}>
        <Field label="Name" name="name" maxLength={120} required error={errors.name} />
        <TextAreaField
          label="Description (optional)"
          name="description"
          rows={3}
          maxLength={2000}
          error={errors.description}
        />
        {create.error && <Alert>{create.error.message}</Alert>}
        <div>
          <button type="submit" className="button primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create collective'}
          </button>
        </div>
      </form>
    </section>
  );
}

export function CollectivesPage() {
  const collectives = useCollectives();
  return (
    <>
      <PageHeader
        title="Collectives"
        description="Artists reporting together: members share the sellers that copy them, so that each complaint counts toward closing the store."
      />
      <div className={styles.pageLayout}>
        <section aria-labelledby="my-collectives-title" className={styles.column}>
          <h2 id="my-collectives-title" className="visually-hidden">
            Your collectives
          </h2>
          <DataState
            query={collectives}
            loadingLabel="Loading your collectives…"
            errorTitle="Your collectives could not be loaded."
            isEmpty={(data) => data.collectives.length === 0}
            empty={
              <div className="state">
                <p className="state-title">You are not in a collective yet.</p>
                <p className="muted">
                  Start one here, or open an invitation link another artist sent you.
                </p>
              </div>
            }
          >
            {(data) => (
              <ul className={styles.collectiveList}>
                {data.collectives.map((collective) => (
                  <li key={collective.id} className={`card ${styles.collectiveCard}`}>
                    <div className={styles.collectiveHeading}>
                      <h3>
                        <Link to={`/collectives/${collective.id}`}>{collective.name}</Link>
                      </h3>
                      <Badge tone={collective.role === 'member' ? 'muted' : 'info'}>
                        {ROLE_LABELS[collective.role]}
                      </Badge>
                    </div>
                    {collective.description && (
                      <p className={styles.description}>{collective.description}</p>
                    )}
                    <p className="muted small">{plural(collective.memberCount, 'member')}</p>
                  </li>
                ))}
              </ul>
            )}
          </DataState>
        </section>
        <CreateCollectiveForm />
      </div>
    </>
  );
}
