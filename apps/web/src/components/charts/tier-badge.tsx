import { Badge } from '../status-badge';

/** Colour of a ladder tier by what it does to the seller. */
function toneOf(label: string): 'info' | 'warning' | 'danger' {
  if (/terminat|closed|serious/i.test(label)) return 'danger';
  if (/restrict/i.test(label)) return 'warning';
  return 'info';
}

/**
 * A seller's estimated tier as a badge: the tier's label, "No tier yet" below the first step,
 * or "Not computed yet" while the worker has no standing for the seller.
 */
export function TierBadge({
  tierLabel,
  isComputed,
}: {
  tierLabel: string | null;
  /** False when the seller has no standing yet (its points are null). */
  isComputed: boolean;
}) {
  if (!isComputed) return <span className="muted small">Not computed yet</span>;
  if (!tierLabel)
    return (
      <span
        className="muted small"
        title="Below the first step of the marketplace's penalty ladder. Some marketplaces (AliExpress, 1688) publish only the termination threshold, so points add up toward it with no step before."
      >
        No tier yet
      </span>
    );
  return <Badge tone={toneOf(tierLabel)}>{tierLabel}</Badge>;
}
