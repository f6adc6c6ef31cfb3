import type { ComplaintSummary } from '@counterpoint/core/contracts';

/**
 * The design a complaint is about, as the viewer may see it. A complaint's design can never be
 * deleted (complaints keep it); the API leaves it out only of another artist's complaint that
 * shares public facts alone, so the fallback says whose it is rather than what it is.
 */
export function designTitle(complaint: Pick<ComplaintSummary, 'artwork'>): string {
  return complaint.artwork?.title ?? 'Another artist’s design';
}
