import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { SellerProfile } from '@counterpoint/core/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { TierBadge } from '../../../components/charts/tier-badge';
import { DataState } from '../../../components/data-state';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useSeller } from '../api/get-seller';
import { ComplaintsSection } from './complaints-section';
import { ListingsSection } from './listings-section';
import { NotesSection } from './notes-section';
import { RenameSellerForm } from './rename-seller-form';
import styles from './seller-page.module.css';
import { SightingsSection } from './sightings-section';
import { StandingSection } from './standing-section';

function reasonLabels({ listings, complaints }: SellerProfile) {
  const itemIds = new Map(listings.map((listing) => [listing.id, listing.itemId]));
  const labels = { listings: new Map<string, string>(), complaints: new Map<string, string>() };
  for (const complaint of complaints) {
    const itemId = itemIds.get(complaint.listingId);
    if (itemId) labels.listings.set(complaint.complaintListingId, itemId);
    const by = complaint.artist.isYou ? 'your complaint' : `${complaint.artist.name}’s complaint`;
    labels.complaints.set(
      complaint.complaintId,
      complaint.filedOn ? `${by} filed ${formatDate(complaint.filedOn)}` : by,
    );
  }
  return labels;
}

export function SellerPage() {
  const { sellerId = '' } = useParams();
  const seller = useSeller(sellerId);
  const [isRenaming, setRenaming] = useState(false);

  if (seller.error instanceof ApiError && seller.error.status === 404) {
    return (
      <>
        <PageHeader title="Seller not found" back={{ to: '/sellers', label: 'Sellers' }} />
        <div className="state">
          <p className="state-title">This seller does not exist or is not visible to you.</p>
        </div>
      </>
    );
  }

  return (
    <DataState
      query={seller}
      loadingLabel="Loading the seller…"
      errorTitle="This seller could not be loaded."
    >
      {(profile) => {
        const { seller: summary, listings, sightings, complaints, notes, copiedArtists } = profile;
        const marketplace = MARKETPLACE_LABELS[summary.marketplace];
        return (
          <>
            <PageHeader
              back={{ to: '/sellers', label: 'Sellers' }}
              eyebrow={marketplace}
              title={summary.name ?? summary.storeId}
              description={
                <p className={styles.headerFacts}>
                  <span>
                    Store id <code className="break">{summary.storeId}</code>
                  </span>
                  <a href={summary.storeUrl} target="_blank" rel="noopener noreferrer">
                    Open the store on {marketplace}
                    <span aria-hidden="true"> ↗</span>{' '}
                    <span className="visually-hidden">(opens in a new tab)</span>
                  </a>
                  <TierBadge
                    tierLabel={summary.tierLabel}
                    isComputed={summary.confirmedPoints !== null}
                  />
                </p>
              }
              actions={
                profile.canRename &&
                !isRenaming && (
                  <button type="button" className="button" onClick={() => setRenaming(true)}>
                    {summary.name ? 'Rename' : 'Name this seller'}
                  </button>
                )
              }
            />
            {isRenaming && (
              <RenameSellerForm
                sellerId={summary.id}
                currentName={summary.name}
                storeId={summary.storeId}
                onDone={() => setRenaming(false)}
              />
            )}
            <nav aria-label="On this page" className={styles.sectionNav}>
              <a href="#standing">Standing</a>
              <a href="#listings">Listings ({listings.length})</a>
              <a href="#sightings">Who saw them ({copiedArtists.length})</a>
              <a href="#complaints">Complaints ({complaints.length})</a>
              <a href="#notes">Notes ({notes.length})</a>
            </nav>
            <div className={styles.column}>
              <StandingSection sellerId={summary.id} labels={reasonLabels(profile)} />
              <ListingsSection listings={listings} sightings={sightings} complaints={complaints} />
              <SightingsSection
                sightings={sightings}
                listings={listings}
                copiedArtists={copiedArtists}
              />
              <ComplaintsSection complaints={complaints} listings={listings} />
              <NotesSection sellerId={summary.id} notes={notes} />
            </div>
          </>
        );
      }}
    </DataState>
  );
}
