import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { DisputeView } from '@counterpoint/core/contracts';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { EmptyState, ErrorState, LoadingState } from '../../../components/data-state';
import { LoadMore } from '../../../components/load-more';
import { DateText } from '../../../components/date-text';
import { PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/status-badge';
import type { DisputeStatus } from '../api/dispute-keys';
import { useDisputes } from '../api/get-disputes';
import styles from './disputes.module.css';
import { ResolveDisputeForm } from './resolve-dispute-form';

const STATUSES: { value: DisputeStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'upheld', label: 'Upheld' },
  { value: 'rejected', label: 'Rejected' },
];
const TONES = { open: 'warning', upheld: 'success', rejected: 'neutral' } as const;

function statusFrom(search: URLSearchParams): DisputeStatus {
  const status = search.get('status');
  return status === 'upheld' || status === 'rejected' ? status : 'open';
}

function publicPagePath(seller: DisputeView['seller']): string {
  return `/watchlist/${encodeURIComponent(seller.marketplace)}/${encodeURIComponent(seller.storeId)}`;
}

function DisputeCard({
  dispute,
  onResolved,
}: {
  dispute: DisputeView;
  onResolved: (resolved: DisputeView) => void;
}) {
  const { seller } = dispute;
  const titleId = `dispute-${dispute.id}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className={styles.title}>
          {seller.name ?? seller.storeId}
          <span className="muted small">
            {' '}
            · {MARKETPLACE_LABELS[seller.marketplace]}
            {seller.name && <> · {seller.storeId}</>}
          </span>
        </h2>
        <Badge tone={TONES[dispute.status]}>
          {STATUSES.find((s) => s.value === dispute.status)?.label}
        </Badge>
      </header>
      <p className={styles.links}>
        <Link to={publicPagePath(seller)}>Public page</Link>
        <Link to={`/sellers/${seller.id}`}>Seller profile</Link>
      </p>
      <dl className="details">
        <dt>Submitted</dt>
        <dd>
          <DateText value={dispute.submittedAt} withTime />
        </dd>
        <dt>Contact</dt>
        <dd>
          <a href={`mailto:${dispute.contactEmail}`}>{dispute.contactEmail}</a>
          <span className="muted small"> (never published)</span>
        </dd>
        <dt>Statement</dt>
        <dd className={styles.statement}>{dispute.statement}</dd>
        <dt>Evidence</dt>
        <dd>
          {dispute.evidenceUrl ? (
            <a href={dispute.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow">
              {dispute.evidenceUrl}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            <span className="muted">None given</span>
          )}
        </dd>
        <dt>Your collectives</dt>
        <dd>
          {dispute.collectives.map((collective, index) => (
            <span key={collective.id}>
              {index > 0 && ', '}
              <Link to={`/collectives/${collective.id}`}>{collective.name}</Link>
            </span>
          ))}
        </dd>
        {dispute.status !== 'open' && (
          <>
            <dt>Resolved</dt>
            <dd>
              <DateText value={dispute.resolvedAt} withTime />
            </dd>
            <dt>Public note</dt>
            <dd className={styles.statement}>{dispute.publicNote}</dd>
          </>
        )}
      </dl>
      {dispute.status === 'open' && (
        <>
          <h3 className="subheading">Resolve</h3>
          <ResolveDisputeForm dispute={dispute} onResolved={onResolved} />
        </>
      )}
    </article>
  );
}

/** `/disputes`: disputes about sellers my collectives' members complained about, to resolve. */
export function DisputesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const status = statusFrom(searchParams);
  const disputes = useDisputes(status);
  const [resolved, setResolved] = useState<DisputeView | null>(null);
  const items = disputes.data?.pages.flatMap((page) => page.disputes) ?? [];

  return (
    <>
      <PageHeader
        title="Disputes"
        description={
          <p>
            Anyone may dispute a seller on the public watchlist. As an owner or admin of a
            collective whose members complained about the seller, you review the dispute and publish
            its outcome on the seller’s public page.
          </p>
        }
      />
      <nav aria-label="Dispute status" className={styles.tabs}>
        {STATUSES.map((option) => (
          <Link
            key={option.value}
            to={option.value === 'open' ? '/disputes' : `/disputes?status=${option.value}`}
            aria-current={option.value === status ? 'page' : undefined}
            onClick={() => setResolved(null)}
            replace
          >
            {option.label}
          </Link>
        ))}
      </nav>
      {resolved && (
        <Alert tone="success">
          The dispute about {resolved.seller.name ?? resolved.seller.storeId} is {resolved.status}.
          Its outcome appears on the seller’s public page within a few minutes.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setResolved(null);
              setSearchParams({ status: resolved.status }, { replace: true });
            }}
          >
            See {resolved.status} disputes
          </button>
        </Alert>
      )}
      <section
        aria-label={`${STATUSES.find((s) => s.value === status)?.label} disputes`}
        className={styles.list}
      >
        {disputes.isPending ? (
          <LoadingState label="Loading disputes…" />
        ) : disputes.error && items.length === 0 ? (
          <ErrorState
            error={disputes.error}
            title="The disputes could not be loaded."
            onRetry={() => void disputes.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState title={status === 'open' ? 'No open disputes.' : `No ${status} disputes.`}>
            Disputes appear here when someone disputes a listed seller that members of a collective
            you own or administer complained about.
          </EmptyState>
        ) : (
          <>
            {items.map((dispute) => (
              <DisputeCard key={dispute.id} dispute={dispute} onResolved={setResolved} />
            ))}
            <LoadMore query={disputes} what="disputes" />
          </>
        )}
      </section>
    </>
  );
}
