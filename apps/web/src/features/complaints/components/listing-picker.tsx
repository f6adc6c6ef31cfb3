import { useMemo } from 'react';
import { Link } from 'react-router';
import { LoadingState, ErrorState } from '../../../components/data-state';
import { TextAreaField } from '../../../components/field';
import { DateText } from '../../../components/date-text';
import { plural } from '../../../lib/format';
import { useDesignSightings } from '../api/get-design-sightings';
import { readPastedListings, toKnownListings, type KnownListing } from './listing-sources';

/**
 * Listings to name in the complaint: my sightings of the design (checkboxes, grouped by
 * seller) and/or pasted listing URLs.
 */
export function ListingPicker({
  artworkId,
  selectedIds,
  onSelectedChange,
  pasted,
  onPastedChange,
  error,
}: {
  artworkId: string;
  selectedIds: Set<string>;
  onSelectedChange: (ids: Set<string>, listings: KnownListing[]) => void;
  pasted: string;
  onPastedChange: (text: string) => void;
  error?: string;
}) {
  const sightings = useDesignSightings(artworkId);
  const listings = useMemo(
    () => toKnownListings(sightings.data?.sightings ?? []),
    [sightings.data],
  );
  const groups = useMemo(() => {
    const bySeller = new Map<string, KnownListing[]>();
    for (const listing of listings) {
      const group = bySeller.get(listing.sellerKey) ?? [];
      group.push(listing);
      bySeller.set(listing.sellerKey, group);
    }
    return [...bySeller.values()];
  }, [listings]);
  const paste = useMemo(() => readPastedListings(pasted), [pasted]);

  const setIds = (ids: Set<string>) => onSelectedChange(ids, listings);
  const toggle = (ids: string[], isOn: boolean) => {
    const next = new Set(selectedIds);
    for (const id of ids) {
      if (isOn) next.add(id);
      else next.delete(id);
    }
    setIds(next);
  };

  return (
    <fieldset>
      <legend>Listings</legend>
      <p className="field-hint">
        Choose from the listings you found copying this design, or paste listing URLs. One complaint
        is filed on one marketplace, with up to 300 listings.
      </p>
      {sightings.isPending ? (
        <LoadingState label="Loading your findings for this design…" />
      ) : sightings.error ? (
        <ErrorState error={sightings.error} onRetry={() => void sightings.refetch()} />
      ) : listings.length === 0 ? (
        <p className="muted small">
          You have recorded no listings copying this design yet.{' '}
          <Link to={`/findings?artworkId=${artworkId}`}>Add findings</Link> or paste URLs below.
        </p>
      ) : (
        <div className="listing-groups">
          {groups.map((group) => {
            const ids = group.map((listing) => listing.id);
            const allOn = ids.every((id) => selectedIds.has(id));
            return (
              <section key={group[0]!.sellerKey} className="listing-group">
                <div className="listing-group-head">
                  <h3>{group[0]!.sellerLabel}</h3>
                  <button
                    type="button"
                    className="link-button small"
                    onClick={() => toggle(ids, !allOn)}
                  >
                    {allOn ? 'Unselect' : 'Select'} all {group.length}
                  </button>
                </div>
                <ul className="plain-list">
                  {group.map((listing) => (
                    <li key={listing.id}>
                      <label className="choice">
                        <input
                          type="checkbox"
                          checked={selectedIds.has(listing.id)}
                          onChange={(event) => toggle([listing.id], event.target.checked)}
                        />
                        <span className="choice-text">
                          <span className="mono break">{listing.itemId}</span>
                          <span className="muted small">
                            found <DateText value={listing.foundOn} />
                            {listing.removedOn && (
                              <>
                                {' '}
                                · already removed <DateText value={listing.removedOn} />
                              </>
                            )}
                          </span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          {sightings.data?.nextCursor && (
            <p className="muted small">
              The 200 most recent findings are shown; paste other URLs below.
            </p>
          )}
        </div>
      )}
      <TextAreaField
        label="Or paste listing URLs, one a line"
        value={pasted}
        onChange={(event) => onPastedChange(event.target.value)}
        rows={4}
        spellCheck={false}
        hint={
          paste.urls.length > 0
            ? `${plural(paste.urls.length, 'listing URL')} understood.`
            : 'Listings you have not recorded yet are added to your findings.'
        }
      />
      {paste.problems.length > 0 && (
        <ul className="field-error plain-list" role="alert">
          {paste.problems.slice(0, 10).map(({ entry, message }) => (
            <li key={`${entry.line}-${entry.part ?? 0}`}>
              Line {entry.line}: {message}
            </li>
          ))}
          {paste.problems.length > 10 && <li>…and {paste.problems.length - 10} more lines.</li>}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
