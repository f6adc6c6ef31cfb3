import { MARKETPLACE_LABELS, type LinkListEntry } from '@counterpoint/core';

export type LineVerdict = 'understood' | 'short' | 'duplicate' | 'rejected';

/** How one pasted line was read, in words. */
export function lineVerdict(entry: LinkListEntry): { verdict: LineVerdict; detail: string } {
  const { result } = entry;
  if (!result.ok) return { verdict: 'rejected', detail: result.message };
  if (entry.duplicateOf !== undefined)
    return { verdict: 'duplicate', detail: `Same link as line ${entry.duplicateOf}; saved once.` };
  const where = MARKETPLACE_LABELS[result.marketplace];
  if (result.kind === 'short')
    return {
      verdict: 'short',
      detail: `${where} short link: its listing is known only after opening it. Open it and paste the full address instead.`,
    };
  return {
    verdict: 'understood',
    detail:
      result.kind === 'store'
        ? `${where} store ${result.id}`
        : `${where} listing ${result.id}${result.storeId ? ` · store ${result.storeId}` : ''}`,
  };
}
