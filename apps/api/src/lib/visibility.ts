import type { ArtistRef } from '@counterpoint/core/contracts';
import { sql, type RawBuilder } from 'kysely';

/**
 * How the viewer relates to a shared row (sighting, note, complaint):
 * - `self`: the viewer wrote it;
 * - `collective`: its author shares a collective with the viewer and shared it there (or publicly);
 * - `public`: shared as public facts only — no identity, note or evidence unless the author opted in;
 * - null: not visible at all.
 */
export type ViewerRelation = 'self' | 'collective' | 'public';

export function viewerRelation(
  viewerId: string,
  authorColumn: string,
  visibilityColumn: string,
): RawBuilder<ViewerRelation | null> {
  const author = sql.ref(authorColumn);
  const visibility = sql.ref(visibilityColumn);
  return sql<ViewerRelation | null>`CASE
    WHEN ${author} = ${viewerId} THEN 'self'
    WHEN ${visibility} IN ('collective', 'public') AND EXISTS (
      SELECT 1 FROM memberships mine JOIN memberships theirs ON theirs.collective_id = mine.collective_id
      WHERE mine.artist_id = ${viewerId} AND theirs.artist_id = ${author}
    ) THEN 'collective'
    WHEN ${visibility} = 'public' THEN 'public'
    ELSE NULL END`;
}

/** Whether the two artists share at least one collective. */
export function sharesCollective(viewerId: string, authorColumn: string): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM memberships mine JOIN memberships theirs ON theirs.collective_id = mine.collective_id
    WHERE mine.artist_id = ${viewerId} AND theirs.artist_id = ${sql.ref(authorColumn)})`;
}

export interface AuthorFields {
  authorId: string;
  authorName: string;
  authorPublicAttribution: boolean;
  authorPublicName: string | null;
}

/**
 * The author as this viewer may see them. In public facts an artist is anonymous unless
 * they opted in to public attribution (then under their public name).
 */
export function toArtistRef(relation: ViewerRelation, author: AuthorFields): ArtistRef {
  if (relation === 'self') return { id: author.authorId, name: author.authorName, isYou: true };
  if (relation === 'collective') return { id: author.authorId, name: author.authorName, isYou: false };
  if (author.authorPublicAttribution) {
    return { id: null, name: author.authorPublicName ?? author.authorName, isYou: false };
  }
  return { id: null, name: 'An artist', isYou: false };
}
