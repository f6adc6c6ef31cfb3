import { PageHeader } from '../components/page-header';

/** Placeholder until the public watchlist pages land. */
export function WatchlistPage() {
  return (
    <section>
      <PageHeader
        title="Public watchlist"
        description="Sellers with confirmed removals of copied artwork, per marketplace, with their estimated standing."
      />
      <p className="muted">Coming soon.</p>
    </section>
  );
}
