import type { SellerProfile } from '@counterpoint/core/contracts';
import { DateText } from '../../../components/date-text';
import { Badge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import { plural } from '../../../lib/format';
import { VISIBILITY_LABELS } from '../../../lib/labels';
import styles from './seller-page.module.css';

type Sighting = SellerProfile['sightings'][number] & { itemId: string | null };

const columns: Column<Sighting>[] = [
  {
    key: 'foundOn',
    header: 'Found',
    sortValue: (sighting) => sighting.foundOn,
    cell: (sighting) => <DateText value={sighting.foundOn} />,
  },
  {
    key: 'artist',
    header: 'Artist',
    sortValue: (sighting) => sighting.artist.name,
    cell: (sighting) => (sighting.artist.isYou ? <strong>You</strong> : sighting.artist.name),
  },
  {
    key: 'design',
    header: 'Design copied',
    sortValue: (sighting) => sighting.artworkTitle,
    cell: (sighting) => sighting.artworkTitle ?? <span className="muted">Not visible to you</span>,
  },
  {
    key: 'listing',
    header: 'Listing',
    cell: (sighting) => <span className="mono small break">{sighting.itemId ?? '—'}</span>,
  },
  {
    key: 'visibility',
    header: 'Shared with',
    cell: (sighting) => <Badge tone="muted">{VISIBILITY_LABELS[sighting.visibility]}</Badge>,
  },
  {
    key: 'evidence',
    header: 'Evidence',
    cell: (sighting) =>
      sighting.hasEvidence ? (
        <a
          href={`/api/v1/sightings/${sighting.id}/evidence`}
          target="_blank"
          rel="noopener noreferrer"
        >
          Screenshot <span className="visually-hidden">(opens in a new tab)</span>
        </a>
      ) : (
        <span className="muted">—</span>
      ),
  },
];

/** Which artists (visible to me) this seller copies, and every sighting behind that. */
export function SightingsSection({
  sightings,
  listings,
  copiedArtists,
}: {
  sightings: SellerProfile['sightings'];
  listings: SellerProfile['listings'];
  copiedArtists: SellerProfile['copiedArtists'];
}) {
  const itemIds = new Map(listings.map((listing) => [listing.id, listing.itemId]));
  const rows = sightings.map((sighting) => ({
    ...sighting,
    itemId: itemIds.get(sighting.listingId) ?? null,
  }));
  return (
    <section id="sightings" className="card" aria-labelledby="sightings-title">
      <header className="card-header">
        <h2 id="sightings-title">Who saw them</h2>
        <span className="muted small">Only artists and sightings visible to you</span>
      </header>
      {copiedArtists.length === 0 ? (
        <p className="muted">No sighting of this seller’s listings is visible to you yet.</p>
      ) : (
        <div className={styles.column}>
          <ul className={styles.artistList} aria-label="Artists this seller copies">
            {copiedArtists.map((artist) => (
              <li key={artist.id ?? artist.name} className={styles.artistChip}>
                <strong>{artist.isYou ? `${artist.name} (you)` : artist.name}</strong>
                <span className="muted small">{plural(artist.listingCount, 'listing')}</span>
              </li>
            ))}
          </ul>
          {rows.length > 0 && (
            <Table
              stackOnPhone
              caption="Sightings of this seller's listings"
              columns={columns}
              rows={rows}
              rowKey={(sighting) => sighting.id}
              initialSort={{ key: 'foundOn', direction: 'descending' }}
            />
          )}
        </div>
      )}
    </section>
  );
}
