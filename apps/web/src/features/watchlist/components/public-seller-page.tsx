import { MARKETPLACE_LABELS, MARKETPLACES } from '@counterpoint/core';
import { publicStoreIdSchema, type PublicSeller } from '@counterpoint/core/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { DataState } from '../../../components/data-state';
import { CopyButton } from '../../../components/copy-button';
import { DateText } from '../../../components/date-text';
import { PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/status-badge';
import { ApiError } from '../../../lib/api-client';
import { formatNumber, plural } from '../../../lib/format';
import { usePublicSeller } from '../api/get-public-seller';
import { DisputeForm } from './dispute-form';
import { PublicStanding } from './public-standing';
import styles from './public-seller.module.css';
import { usePageTitle } from './use-page-title';

const BACK = { to: '/watchlist', label: 'Public watchlist' };

const DISPUTE_LABELS: Record<PublicSeller['disputes'][number]['status'], string> = {
  open: 'Open',
  upheld: 'Upheld',
  rejected: 'Rejected',
};
const DISPUTE_TONES = { open: 'warning', upheld: 'success', rejected: 'neutral' } as const;

function NotListed() {
  return (
    <>
      <PageHeader title="Seller not on the watchlist" back={BACK} />
      <div className="state">
        <p className="state-title">This seller is not on the public watchlist.</p>
        <p className="muted">
          It may never have been listed, or it was removed: sellers leave the list when their public
          facts no longer meet the publication policy, or when a moderator hides them.
        </p>
        <div className="state-action">
          <Link className="button small" to="/watchlist">
            See the watchlist
          </Link>
        </div>
      </div>
    </>
  );
}

/** Removed listings shown before "Show all" (a seller can have hundreds). */
const LISTINGS_SHOWN = 12;

function FactsSection({ seller }: { seller: PublicSeller }) {
  const { facts } = seller;
  const [isShowingAll, setShowingAll] = useState(false);
  const listings = isShowingAll
    ? seller.removedListings
    : seller.removedListings.slice(0, LISTINGS_SHOWN);
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">Confirmed removals</h2>
      <dl className={styles.figures}>
        <div>
          <dt>Established complaints</dt>
          <dd>
            <strong className={styles.bigFigure}>
              {formatNumber(facts.establishedComplaints)}
            </strong>
          </dd>
        </div>
        <div>
          <dt>Distinct artists</dt>
          <dd>
            <strong className={styles.bigFigure}>{formatNumber(facts.distinctArtists)}</strong>
          </dd>
        </div>
        <div>
          <dt>Distinct days</dt>
          <dd>
            <strong className={styles.bigFigure}>{formatNumber(facts.distinctDays)}</strong>
          </dd>
        </div>
        <div>
          <dt>Removed listings</dt>
          <dd>
            <strong className={styles.bigFigure}>{formatNumber(facts.removedListings)}</strong>
          </dd>
        </div>
        <div>
          <dt>First established</dt>
          <dd>
            <DateText value={facts.firstEstablishedOn} />
          </dd>
        </div>
        <div>
          <dt>Last established</dt>
          <dd>
            <DateText value={facts.lastEstablishedOn} />
          </dd>
        </div>
      </dl>
      <h3 className="subheading">Removed listings</h3>
      {seller.removedListings.length === 0 ? (
        <p className="muted small">No removed listing is published for this seller.</p>
      ) : (
        <>
          {seller.removedListings.length < facts.removedListings && (
            <p className="muted small">
              The {formatNumber(seller.removedListings.length)} most recent of{' '}
              {formatNumber(facts.removedListings)}.
            </p>
          )}
          <ul className={styles.listings}>
            {listings.map((listing) => (
              <li key={listing.itemId}>
                <a href={listing.url} target="_blank" rel="noopener noreferrer nofollow">
                  Item <span className="mono">{listing.itemId}</span>
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
                <span className="muted small">
                  removed <DateText value={listing.removedOn} />
                </span>
              </li>
            ))}
          </ul>
          {listings.length < seller.removedListings.length && (
            <div className={styles.showAll}>
              <button type="button" className="button small" onClick={() => setShowingAll(true)}>
                Show all {formatNumber(seller.removedListings.length)} removed listings
              </button>
            </div>
          )}
        </>
      )}
      <h3 className="subheading">Artists</h3>
      {seller.attributions.length === 0 ? (
        <p className="muted small">
          The artists behind these complaints are not named: each chooses whether to be.
        </p>
      ) : (
        <>
          <p className="muted small">
            Artists who chose to be named, for their public complaints. Others are not named.
          </p>
          <ul className={styles.attributions} aria-label="Artists who chose to be named">
            {seller.attributions.map((attribution) => (
              <li key={attribution.name}>
                <strong>{attribution.name}</strong>
                <span className="muted small">
                  {plural(attribution.establishedComplaints, 'established complaint')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DisputesSection({ seller }: { seller: PublicSeller }) {
  return (
    <section className="card" aria-labelledby="disputes-title">
      <h2 id="disputes-title">Disputes</h2>
      {seller.disputes.length === 0 ? (
        <p className="muted">No one has disputed this seller’s entry.</p>
      ) : (
        <ol className={styles.disputes} aria-label="Latest disputes">
          {seller.disputes.map((dispute, index) => (
            <li key={`${dispute.submittedOn}-${index}`}>
              <span className={styles.disputeHead}>
                <Badge tone={DISPUTE_TONES[dispute.status]}>{DISPUTE_LABELS[dispute.status]}</Badge>
                <span className="small">
                  Submitted <DateText value={dispute.submittedOn} />
                  {dispute.resolvedOn && (
                    <>
                      {' '}
                      · resolved <DateText value={dispute.resolvedOn} />
                    </>
                  )}
                </span>
              </span>
              {dispute.status === 'open' ? (
                <p className="muted small">Under review by the artists’ collectives.</p>
              ) : (
                dispute.publicNote && <p>{dispute.publicNote}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <h3 className="subheading">Dispute this entry</h3>
      <DisputeForm marketplace={seller.marketplace} storeId={seller.storeId} />
    </section>
  );
}

function SellerView({ seller }: { seller: PublicSeller }) {
  const marketplace = MARKETPLACE_LABELS[seller.marketplace];
  const pageUrl = typeof window === 'undefined' ? '' : window.location.href.split('#')[0]!;
  return (
    <>
      <PageHeader
        back={BACK}
        eyebrow={
          <>
            {marketplace} · <Badge tone="warning">Estimate</Badge>
          </>
        }
        title={seller.name ?? seller.storeId}
        description={
          <p className={styles.headerFacts}>
            <span>
              Store id <code className="break">{seller.storeId}</code>
            </span>
            <a href={seller.storeUrl} target="_blank" rel="noopener noreferrer nofollow">
              Open the store on {marketplace}
              <span aria-hidden="true"> ↗</span>
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
            <span className="muted small">
              On the watchlist since <DateText value={seller.listedAt} />
            </span>
          </p>
        }
        actions={<CopyButton text={pageUrl} label="Copy link to this page" />}
      />
      <div className={styles.column}>
        {seller.hasOpenDispute && (
          <Alert tone="info">
            A dispute about this listing is open: the artists’ collectives are reviewing it.
          </Alert>
        )}
        <PublicStanding standing={seller.standing} />
        <FactsSection seller={seller} />
        <DisputesSection seller={seller} />
      </div>
    </>
  );
}

/** `/watchlist/:marketplace/:storeId`: a listed seller's public page, with the dispute form. */
export function PublicSellerPage() {
  const { marketplace = '', storeId = '' } = useParams();
  const isKnownMarketplace =
    (MARKETPLACES as readonly string[]).includes(marketplace) &&
    publicStoreIdSchema.safeParse(storeId).success;
  const seller = usePublicSeller(marketplace, storeId, {
    enabled: isKnownMarketplace,
  });
  usePageTitle(
    seller.data ? `${seller.data.name ?? seller.data.storeId} · Watchlist` : 'Watchlist',
  );

  if (!isKnownMarketplace || (seller.error instanceof ApiError && seller.error.status === 404))
    return <NotListed />;
  return (
    <DataState
      query={seller}
      loadingLabel="Loading the seller…"
      errorTitle="This seller could not be loaded."
    >
      {(data) => <SellerView seller={data} />}
    </DataState>
  );
}
