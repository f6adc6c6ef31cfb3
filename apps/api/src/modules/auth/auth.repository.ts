import type { Artist, Db } from '@counterpoint/db';
import { sql } from 'kysely';
import { hashSecret } from '../../lib/tokens';

const TOUCH_INTERVAL_MS = 5 * 60_000;

export interface SessionLookup {
  sessionId: string;
  artistId: string;
  role: 'artist' | 'moderator';
  csrfToken: string;
}

/** Artists, sessions and API tokens. Secrets are stored only as hashes. */
export class AuthRepository {
  constructor(private readonly db: Db) {}

  findArtistByEmail(email: string): Promise<Artist | undefined> {
    return this.db.selectFrom('artists').selectAll().where('email', '=', email).executeTakeFirst();
  }

  findArtistById(id: string): Promise<Artist | undefined> {
    return this.db.selectFrom('artists').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findSession(secret: string): Promise<SessionLookup | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('artists', 'artists.id', 'sessions.artistId')
      .select([
        'sessions.id as sessionId',
        'sessions.artistId',
        'sessions.csrfToken',
        'sessions.lastSeenAt',
        'artists.role',
      ])
      .where('sessions.tokenHash', '=', hashSecret(secret))
      .where('sessions.revokedAt', 'is', null)
      .where('sessions.expiresAt', '>', sql<Date>`now()`)
      .executeTakeFirst();
    if (!row) return undefined;
    // Remember activity without a write on every request.
    if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db
        .updateTable('sessions')
        .set({ lastSeenAt: new Date() })
        .where('id', '=', row.sessionId)
        .execute();
    }
    return {
      sessionId: row.sessionId,
      artistId: row.artistId,
      role: row.role,
      csrfToken: row.csrfToken,
    };
  }

  async findArtistByApiToken(secret: string) {
    const row = await this.db
      .selectFrom('apiTokens')
      .innerJoin('artists', 'artists.id', 'apiTokens.artistId')
      .select(['apiTokens.id', 'apiTokens.artistId', 'apiTokens.lastUsedAt', 'artists.role'])
      .where('apiTokens.tokenHash', '=', hashSecret(secret))
      .where('apiTokens.revokedAt', 'is', null)
      .where((eb) =>
        eb.or([
          eb('apiTokens.expiresAt', 'is', null),
          eb('apiTokens.expiresAt', '>', sql<Date>`now()`),
        ]),
      )
      .executeTakeFirst();
    if (!row) return undefined;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db
        .updateTable('apiTokens')
        .set({ lastUsedAt: new Date() })
        .where('id', '=', row.id)
        .execute();
    }
    return { artistId: row.artistId, role: row.role };
  }
}
