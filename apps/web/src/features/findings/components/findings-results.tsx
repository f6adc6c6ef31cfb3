import { MARKETPLACE_LABELS, parseLinkList, type Marketplace } from '@counterpoint/core';
import type { FindingsResponse } from '@counterpoint/core/contracts';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/status-badge';
import { formatNumber, plural } from '../../../lib/format';

type Outcome = FindingsResponse['results'][number]['outcome'];

const OUTCOMES: Record<
  Outcome,
  { tone: 'success' | 'info' | 'muted' | 'warning' | 'danger'; label: string }
> = {
  saved: { tone: 'success', label: 'Saved' },
  store_saved: { tone: 'info', label: 'Store saved' },
  duplicate: { tone: 'muted', label: 'Duplicate' },
  short_link: { tone: 'warning', label: 'Short link' },
  rejected: { tone: 'danger', label: 'Rejected' },
};

interface SellerRow {
  sellerId: string;
  marketplace: Marketplace | null;
  storeId: string | null;
  listings: number;
}

/** What saving pasted links did: counts, the sellers involved, and each line's outcome. */
export function FindingsResults({
  response,
  text,
  artworkId,
  onAddMore,
}: {
  response: FindingsResponse;
  text: string;
  artworkId: string;
  onAddMore: () => void;
}) {
  const { summary, results } = response;
  const [showAll, setShowAll] = useState(false);

  const sellers = useMemo(() => {
    // Store ids come from the links themselves; the API answers with seller ids only.
    const storeByLine = new Map<number, string>();
    for (const entry of parseLinkList(text).entries) {
      if (entry.result.ok && entry.result.storeId)
        storeByLine.set(entry.line, entry.result.storeId);
    }
    const bySeller = new Map<string, SellerRow>();
    for (const result of results) {
      if (!result.sellerId) continue;
      const row = bySeller.get(result.sellerId) ?? {
        sellerId: result.sellerId,
        marketplace: result.marketplace,
        storeId: storeByLine.get(result.line) ?? null,
        listings: 0,
      };
      if (result.outcome === 'saved') row.listings += 1;
      row.storeId ??= storeByLine.get(result.line) ?? null;
      bySeller.set(result.sellerId, row);
    }
    return [...bySeller.values()];
  }, [results, text]);

  const problems = results.filter(
    (result) => result.outcome !== 'saved' && result.outcome !== 'store_saved',
  );
  const rows = showAll ? results : problems;

  return (
    <section className="stack" aria-labelledby="findings-results-title">
      <div className="alert alert-success" role="status">
        <h2 id="findings-results-title" className="results-title">
          Saved {plural(summary.listings, 'listing')}
          {summary.sightings > 0 && ` and ${plural(summary.sightings, 'sighting')}`}
        </h2>
        <p>
          {plural(summary.newListings, 'new listing')}, {plural(summary.sellers, 'seller')} (
          {formatNumber(summary.newSellers)} new).
        </p>
      </div>
      <dl className="stat-grid">
        <Stat label="Listings" value={summary.listings} />
        <Stat label="New listings" value={summary.newListings} />
        <Stat label="Sellers" value={summary.sellers} />
        <Stat label="Sightings" value={summary.sightings} />
        <Stat label="Short links" value={summary.shortLinks} />
        <Stat label="Duplicates" value={summary.duplicates} />
        <Stat label="Rejected" value={summary.rejected} />
      </dl>

      {sellers.length > 0 && (
        <section className="card">
          <h3 className="subheading">Sellers in this list</h3>
          <ul className="plain-list">
            {sellers.map((seller) => (
              <li key={seller.sellerId}>
                <Link to={`/sellers/${seller.sellerId}`}>
                  {seller.marketplace ? MARKETPLACE_LABELS[seller.marketplace] : 'Seller'}
                  {seller.storeId ? ` store ${seller.storeId}` : ' seller'}
                </Link>{' '}
                <span className="muted small">{plural(seller.listings, 'listing')} saved</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card">
        <div className="card-header">
          <h3 className="subheading">
            {showAll ? 'Every line' : problems.length ? 'Lines not saved' : 'Every line was saved'}
          </h3>
          <button
            type="button"
            className="button small"
            onClick={() => setShowAll((value) => !value)}
          >
            {showAll ? 'Only lines not saved' : 'Show every line'}
          </button>
        </div>
        {rows.length > 0 && (
          <ol className="preview-lines">
            {rows.slice(0, 1000).map((result) => (
              <li key={`${result.line}-${result.input}`} className="preview-line">
                <span className="preview-line-number">Line {result.line}</span>
                <Badge tone={OUTCOMES[result.outcome].tone}>{OUTCOMES[result.outcome].label}</Badge>
                <span className="preview-line-input mono break">{result.input}</span>
                {result.message && (
                  <span className="preview-line-detail small">{result.message}</span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <div className="button-row">
        <button type="button" className="button primary" onClick={onAddMore}>
          Add more findings
        </button>
        {artworkId && (
          <Link className="button" to={`/complaints/new?artworkId=${artworkId}`}>
            Record a complaint for this design
          </Link>
        )}
        <Link className="button ghost" to="/sellers">
          All sellers
        </Link>
      </div>
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{formatNumber(value)}</dd>
    </div>
  );
}
