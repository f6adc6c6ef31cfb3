import {
  createTokenBodySchema,
  type ApiTokenView,
  type CreatedToken,
} from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { CopyButton } from '../../../components/copy-button';
import { DataState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { Field, SelectField } from '../../../components/field';
import { Table, type Column } from '../../../components/table';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { useCreateToken } from '../api/create-token';
import { useTokens } from '../api/get-tokens';
import { useRevokeToken } from '../api/revoke-token';
import styles from './account.module.css';
import { ConfirmDialog } from '../../../components/confirm-dialog';

const EXPIRY_CHOICES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: '', label: 'Never' },
];

/** The new token, shown once: the server keeps only a hash of it. */
function CreatedTokenPanel({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  return (
    <div className={styles.secretBox} role="region" aria-labelledby="new-token-title">
      <h3 id="new-token-title">Your new token “{token.name}”</h3>
      <p className={styles.secretWarning} role="alert">
        <strong>Copy it now: this is the only time it is shown.</strong> Anyone with it can act as
        you through the API. Keep it somewhere safe, such as a password manager; if you lose it,
        revoke it and create another.
      </p>
      <div className={styles.secretRow}>
        <label htmlFor="new-token-value" className="visually-hidden">
          New API token
        </label>
        <input
          id="new-token-value"
          className={styles.secretValue}
          readOnly
          value={token.token}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={token.token} label="Copy token" className="button primary small" />
      </div>
      <button type="button" className="button small" onClick={onDone}>
        Done, I have stored it
      </button>
    </div>
  );
}

function CreateTokenForm() {
  const create = useCreateToken();
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expiry = form.get('expiresInDays');
    const parsed = createTokenBodySchema.safeParse({
      name: form.get('name'),
      expiresInDays: typeof expiry === 'string' && expiry ? Number(expiry) : null,
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  };

  if (create.data) return <CreatedTokenPanel token={create.data} onDone={() => create.reset()} />;
  return (
    <form
      onChange={clearOnEdit}
      onSubmit={submit}
      noValidate
      className="stack-sm"
      aria-label="Create an API token"
    >
      <div className={styles.fieldRow}>
        <Field
          label="Token name"
          name="name"
          maxLength={100}
          required
          hint="What it is for, e.g. “Spreadsheet sync”."
          error={errors.name}
        />
        <SelectField
          label="Expires after"
          name="expiresInDays"
          defaultValue="90"
          error={errors.expiresInDays}
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.label} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="stack-sm">
        {create.error && <Alert>{create.error.message}</Alert>}
        <div>
          <button type="submit" className="button primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </div>
    </form>
  );
}

/** Personal API tokens: create one (shown once), see them by prefix, revoke them. */
export function ApiTokensSection() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);

  const columns: Column<ApiTokenView>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (token) => (
        <span className={styles.tokenName}>
          <strong className="break">{token.name}</strong>
          <code className="muted small">{token.tokenPrefix}…</code>
        </span>
      ),
    },
    {
      key: 'created',
      header: 'Created',
      cell: (token) => <DateText value={token.createdAt} />,
    },
    {
      key: 'lastUsed',
      header: 'Last used',
      cell: (token) => <DateText value={token.lastUsedAt} withTime fallback="Never" />,
    },
    {
      key: 'expires',
      header: 'Expires',
      cell: (token) => <DateText value={token.expiresAt} fallback="Never" />,
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      cell: (token) => (
        <button
          type="button"
          className="button small danger"
          onClick={() => {
            revoke.reset();
            setRevoking(token);
          }}
        >
          Revoke <span className="visually-hidden">{token.name}</span>
        </button>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="muted small">
        For scripts and integrations: send a token as <code>Authorization: Bearer …</code>. It can
        do everything you can, so create one per use and revoke those you no longer need.
      </p>
      <div className={styles.column}>
        <CreateTokenForm />
        <h3 className={styles.subheading}>Your tokens</h3>
        <DataState
          query={tokens}
          loadingLabel="Loading your tokens…"
          errorTitle="Your tokens could not be loaded."
          isEmpty={(data) => data.tokens.length === 0}
          empty={<p className="muted">You have no API tokens.</p>}
        >
          {(data) => (
            <Table
              stackOnPhone
              caption="Your API tokens"
              columns={columns}
              rows={data.tokens}
              rowKey={(token) => token.id}
            />
          )}
        </DataState>
      </div>
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke token"
          isPending={revoke.isPending}
          error={revoke.error?.message}
          onCancel={() => setRevoking(null)}
          onConfirm={() => revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        >
          <p>
            Scripts using the token starting <code>{revoking.tokenPrefix}</code> stop working at
            once. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
