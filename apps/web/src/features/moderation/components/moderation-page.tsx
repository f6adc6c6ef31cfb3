import { MARKETPLACE_LABELS } from '@counterpoint/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { DataState, EmptyState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { PageHeader } from '../../../components/page-header';
import { Table } from '../../../components/table';
import { ApiError } from '../../../lib/api-client';
import { useHiddenSellers } from '../api/get-hidden-sellers';
import { useSafelist } from '../api/get-safelist';
import { useRemoveFromSafelist } from '../api/remove-from-safelist';
import { useUnhideSeller } from '../api/unhide-seller';
import { ConfirmAction } from './confirm-action';
import { HideSellerForm } from './hide-seller-form';
import styles from './moderation.module.css';
import { SafelistForm } from './safelist-form';

function storeLabel(seller: { name: string | null; storeId: string }): string {
  return seller.name ?? seller.storeId;
}

function HiddenSellersSection() {
  const hidden = useHiddenSellers();
  const unhide = useUnhideSeller();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="hidden-title">
      <h2 id="hidden-title">Hidden sellers</h2>
      <p className="muted small">
        A hidden seller vanishes at once from the watchlist, its exports, its feed and its public
        page. Artists keep seeing it in their own views.
      </p>
      <HideSellerForm
        onHidden={(name) => setMessage(`${name} is hidden from the public watchlist.`)}
      />
      {message && <Alert tone="success">{message}</Alert>}
      {unhide.error && <Alert>{unhide.error.message}</Alert>}
      <h3 className="subheading">Hidden now</h3>
      <DataState
        query={hidden}
        loadingLabel="Loading hidden sellers…"
        errorTitle="Hidden sellers could not be loaded."
        isEmpty={(data) => data.hidden.length === 0}
        empty={<EmptyState title="No seller is hidden." />}
      >
        {(data) => (
          <Table
            stackOnPhone
            caption="Hidden sellers"
            rows={data.hidden}
            rowKey={(row) => row.sellerId}
            columns={[
              {
                key: 'seller',
                header: 'Seller',
                className: 'no-label',
                cell: (row) => (
                  <span className={styles.sellerCell}>
                    <Link to={`/sellers/${row.sellerId}`}>{storeLabel(row)}</Link>
                    <span className="muted small">
                      {MARKETPLACE_LABELS[row.marketplace]} ·{' '}
                      <span className="mono">{row.storeId}</span>
                    </span>
                  </span>
                ),
              },
              {
                key: 'reason',
                header: 'Reason',
                cell: (row) => <span className={styles.note}>{row.reason}</span>,
              },
              {
                key: 'hiddenAt',
                header: 'Hidden',
                cell: (row) => <DateText value={row.hiddenAt} withTime />,
              },
              {
                key: 'actions',
                header: <span className="visually-hidden">Actions</span>,
                label: '',
                className: 'no-label',
                cell: (row) => (
                  <ConfirmAction
                    label="Unhide"
                    question={`List ${storeLabel(row)} again if the policy allows?`}
                    confirmLabel="Unhide"
                    pendingLabel="Unhiding…"
                    isPending={unhide.isPending && unhide.variables === row.sellerId}
                    onConfirm={() =>
                      unhide.mutate(row.sellerId, {
                        onSuccess: () => setMessage(`${storeLabel(row)} is no longer hidden.`),
                      })
                    }
                  />
                ),
              },
            ]}
          />
        )}
      </DataState>
    </section>
  );
}

function SafelistSection() {
  const safelist = useSafelist();
  const remove = useRemoveFromSafelist();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="safelist-title">
      <h2 id="safelist-title">Safelist of authorised resellers</h2>
      <p className="muted small">
        A safelisted store is never listed, whatever complaints it receives; if it is listed now, it
        leaves the watchlist at once.
      </p>
      <SafelistForm onAdded={(storeId) => setMessage(`Store ${storeId} is on the safelist.`)} />
      {message && <Alert tone="success">{message}</Alert>}
      {remove.error && <Alert>{remove.error.message}</Alert>}
      <h3 className="subheading">On the safelist</h3>
      <DataState
        query={safelist}
        loadingLabel="Loading the safelist…"
        errorTitle="The safelist could not be loaded."
        isEmpty={(data) => data.entries.length === 0}
        empty={<EmptyState title="No store is safelisted." />}
      >
        {(data) => (
          <Table
            stackOnPhone
            caption="Safelisted stores"
            rows={data.entries}
            rowKey={(row) => row.id}
            columns={[
              {
                key: 'store',
                header: 'Store',
                className: 'no-label',
                cell: (row) => (
                  <span className={styles.sellerCell}>
                    {row.sellerId ? (
                      <Link to={`/sellers/${row.sellerId}`} className="mono">
                        {row.storeId}
                      </Link>
                    ) : (
                      <span className="mono">{row.storeId}</span>
                    )}
                    <span className="muted small">{MARKETPLACE_LABELS[row.marketplace]}</span>
                  </span>
                ),
              },
              {
                key: 'note',
                header: 'Note',
                cell: (row) =>
                  row.note ? (
                    <span className={styles.note}>{row.note}</span>
                  ) : (
                    <span className="muted">—</span>
                  ),
              },
              {
                key: 'createdAt',
                header: 'Added',
                cell: (row) => <DateText value={row.createdAt} withTime />,
              },
              {
                key: 'actions',
                header: <span className="visually-hidden">Actions</span>,
                label: '',
                className: 'no-label',
                cell: (row) => (
                  <ConfirmAction
                    label="Remove"
                    question={`Remove store ${row.storeId}? It may be listed again.`}
                    confirmLabel="Remove"
                    pendingLabel="Removing…"
                    isPending={remove.isPending && remove.variables === row.id}
                    onConfirm={() =>
                      remove.mutate(row.id, {
                        onSuccess: () => setMessage(`Store ${row.storeId} is off the safelist.`),
                      })
                    }
                  />
                ),
              },
            ]}
          />
        )}
      </DataState>
    </section>
  );
}

/** `/moderation`: what the public watchlist may show (moderators only). */
export function ModerationPage() {
  const hidden = useHiddenSellers();
  const isForbidden = hidden.error instanceof ApiError && hidden.error.status === 403;
  return (
    <>
      <PageHeader
        title="Moderation"
        description={
          <p>
            Keep the public watchlist fair: hide a seller that should not be shown, and safelist the
            stores that artists authorised to sell their work. Every change is recorded in the audit
            log.
          </p>
        }
      />
      {isForbidden ? (
        <div className="state">
          <p className="state-title">Only moderators can use this page.</p>
          <p className="muted">
            To report a seller that should not be on the watchlist, use the dispute form on its{' '}
            <Link to="/watchlist">public page</Link>.
          </p>
        </div>
      ) : (
        <div className={styles.column}>
          <HiddenSellersSection />
          <SafelistSection />
        </div>
      )}
    </>
  );
}
