import type {
  ApiTokenView,
  CreateTokenBody,
  LoginBody,
  Me,
  RegisterBody,
  UpdateMeBody,
} from '@counterpoint/core/contracts';
import { writeAudit, writeOutbox, type Artist, type Db } from '@counterpoint/db';
import type { ApiConfig } from '../../config';
import { AppError, notFound } from '../../errors';
import type { AttemptLimiter } from '../../lib/attempt-limiter';
import { generateSecret, hashSecret } from '../../lib/tokens';
import { AuthRepository } from './auth.repository';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

export interface NewSession {
  artist: Artist;
  sessionSecret: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export function toMeView(artist: Artist): Me {
  return {
    id: artist.id,
    email: artist.email,
    displayName: artist.displayName,
    role: artist.role,
    publicAttribution: artist.publicAttribution,
    publicName: artist.publicName,
    checkbackDays: artist.checkbackDays,
    counterNoticeBusinessDays: artist.counterNoticeBusinessDays,
    createdAt: artist.createdAt.toISOString(),
  };
}

function toTokenView(row: {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    tokenPrefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** Accounts: registration, sign-in with rate limits, sessions, personal API tokens. */
export class AuthService {
  private readonly repository: AuthRepository;

  constructor(
    private readonly db: Db,
    private readonly config: ApiConfig,
    private readonly limiter: AttemptLimiter,
  ) {
    this.repository = new AuthRepository(db);
  }

  async register(body: RegisterBody, meta: RequestMeta): Promise<NewSession> {
    const passwordHash = await hashPassword(body.password);
    return this.db.transaction().execute(async (trx) => {
      const artist = await trx
        .insertInto('artists')
        .values({ email: body.email, displayName: body.displayName, passwordHash })
        .onConflict((oc) => oc.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!artist) {
        throw new AppError(
          'email_taken',
          'An account with this email already exists. Sign in instead.',
        );
      }
      await writeAudit(trx, {
        actorArtistId: artist.id,
        action: 'account.registered',
        subjectType: 'artist',
        subjectId: artist.id,
        ip: meta.ip,
      });
      return this.openSession(trx, artist, meta);
    });
  }

  async login(body: LoginBody, meta: RequestMeta): Promise<NewSession> {
    const { loginPerAccount, loginPerIp, loginWindowSeconds } = this.config.rateLimit;
    const accountKey = `login:account:${body.email}`;
    const ipKey = `login:ip:${meta.ip}`;
    const [byAccount, byIp] = await Promise.all([this.peek(accountKey), this.peek(ipKey)]);
    const blocked = [
      byAccount.count >= loginPerAccount ? byAccount.retryAfterSeconds : 0,
      byIp.count >= loginPerIp ? byIp.retryAfterSeconds : 0,
    ];
    const retryAfter = Math.max(...blocked);
    if (retryAfter > 0) {
      throw new AppError(
        'rate_limited',
        `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        { retryAfterSeconds: retryAfter },
        { 'retry-after': String(retryAfter) },
      );
    }

    const artist = await this.repository.findArtistByEmail(body.email);
    const isValid = artist
      ? await verifyPassword(artist.passwordHash, body.password)
      : (await verifyAgainstDummy(body.password), false);
    if (!artist || !isValid) {
      await Promise.all([
        this.hit(accountKey, loginWindowSeconds),
        this.hit(ipKey, loginWindowSeconds),
      ]);
      await writeAudit(this.db, {
        actorArtistId: artist?.id ?? null,
        action: 'account.login_failed',
        subjectType: 'artist',
        subjectId: artist?.id ?? null,
        ip: meta.ip,
      });
      throw new AppError('invalid_credentials', 'The email or password is not correct.');
    }
    await this.reset(accountKey);
    return this.db.transaction().execute(async (trx) => {
      await writeAudit(trx, {
        actorArtistId: artist.id,
        action: 'account.logged_in',
        subjectType: 'artist',
        subjectId: artist.id,
        ip: meta.ip,
      });
      return this.openSession(trx, artist, meta);
    });
  }

  async logout(artistId: string, sessionId: string | null, ip: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (sessionId) {
        await trx
          .updateTable('sessions')
          .set({ revokedAt: new Date() })
          .where('id', '=', sessionId)
          .execute();
      }
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'account.logged_out',
        subjectType: 'session',
        subjectId: sessionId,
        ip,
      });
    });
  }

  async getMe(artistId: string): Promise<Artist> {
    const artist = await this.repository.findArtistById(artistId);
    if (!artist) throw notFound('Your account');
    return artist;
  }

  async updateMe(artistId: string, body: UpdateMeBody, ip: string): Promise<Artist> {
    return this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('artists')
        .selectAll()
        .where('id', '=', artistId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw notFound('Your account');
      const after = await trx
        .updateTable('artists')
        .set({ ...body, updatedAt: new Date() })
        .where('id', '=', artistId)
        .returningAll()
        .executeTakeFirstOrThrow();
      const changed = Object.keys(body);
      // Public pages credit opted-in artists by name: a change of consent or of the name shown
      // rebuilds every seller page this artist's complaints appear on (an opt-out promptly).
      const attributionChanged = (['publicAttribution', 'publicName', 'displayName'] as const).some(
        (key) => key in body && before[key] !== after[key],
      );
      if (attributionChanged) {
        const sellers = await trx
          .selectFrom('complaintListings')
          .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
          .select('complaintListings.sellerId')
          .distinct()
          .where('complaints.artistId', '=', artistId)
          .where('complaintListings.sellerId', 'is not', null)
          .execute();
        const sellerIds = sellers.map((row) => row.sellerId!).sort();
        if (sellerIds.length > 0)
          await writeOutbox(trx, { topic: 'watchlist.changed', payload: { sellerIds } });
      }
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'account.updated',
        subjectType: 'artist',
        subjectId: artistId,
        before: Object.fromEntries(changed.map((key) => [key, before[key as keyof Artist]])),
        after: body,
        ip,
      });
      return after;
    });
  }

  async createToken(artistId: string, body: CreateTokenBody, ip: string) {
    const token = generateSecret('cpt_');
    const expiresAt = body.expiresInDays
      ? new Date(Date.now() + body.expiresInDays * 86_400_000)
      : null;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('apiTokens')
        .values({
          artistId,
          name: body.name,
          tokenPrefix: token.slice(0, 10),
          tokenHash: hashSecret(token),
          expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'token.created',
        subjectType: 'api_token',
        subjectId: row.id,
        after: { name: row.name },
        ip,
      });
      return { ...toTokenView(row), token };
    });
  }

  async listTokens(artistId: string): Promise<ApiTokenView[]> {
    const rows = await this.db
      .selectFrom('apiTokens')
      .select(['id', 'name', 'tokenPrefix', 'createdAt', 'lastUsedAt', 'expiresAt'])
      .where('artistId', '=', artistId)
      .where('revokedAt', 'is', null)
      .orderBy('createdAt', 'desc')
      .execute();
    return rows.map(toTokenView);
  }

  async revokeToken(artistId: string, tokenId: string, ip: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const revoked = await trx
        .updateTable('apiTokens')
        .set({ revokedAt: new Date() })
        .where('id', '=', tokenId)
        .where('artistId', '=', artistId)
        .where('revokedAt', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!revoked) throw notFound('This API token');
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'token.revoked',
        subjectType: 'api_token',
        subjectId: tokenId,
        ip,
      });
    });
  }

  private async openSession(trx: Db, artist: Artist, meta: RequestMeta): Promise<NewSession> {
    const sessionSecret = generateSecret('cps_');
    const csrfToken = generateSecret('');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlDays * 86_400_000);
    await trx
      .insertInto('sessions')
      .values({
        artistId: artist.id,
        tokenHash: hashSecret(sessionSecret),
        csrfToken,
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
    return { artist, sessionSecret, csrfToken, expiresAt };
  }

  // The limiter is a safety net, not a dependency: if Redis is away, sign-in still works.
  private peek(key: string) {
    return this.limiter.peek(key).catch(() => ({ count: 0, retryAfterSeconds: 0 }));
  }
  private hit(key: string, windowSeconds: number) {
    return this.limiter.hit(key, windowSeconds).catch(() => ({ count: 0, retryAfterSeconds: 0 }));
  }
  private reset(key: string) {
    return this.limiter.reset(key).catch(() => undefined);
  }
}
