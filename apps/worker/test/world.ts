import { randomBytes } from 'node:crypto';
import type { ComplaintStatus, Marketplace } from '@counterpoint/core';
import type { Db } from '@counterpoint/db';

/**
 * Builds facts straight into a test database, for worker tests that need many complaints
 * quickly. (API tests build through the API instead.)
 */
export class World {
  constructor(private readonly db: Db) {}

  async artist(name = 'Artist'): Promise<string> {
    const row = await this.db
      .insertInto('artists')
      .values({ email: `${randomBytes(6).toString('hex')}@example.test`, displayName: name, passwordHash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async artwork(artistId: string, iprType: 'copyright' | 'trademark' = 'copyright'): Promise<string> {
    const row = await this.db
      .insertInto('artworks')
      .values({ artistId, title: `Design ${randomBytes(3).toString('hex')}`, iprType, iprStatus: 'approved' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async seller(marketplace: Marketplace = 'aliexpress'): Promise<string> {
    const storeId = String(100000 + Math.floor(Math.random() * 9e8));
    const row = await this.db
      .insertInto('sellers')
      .values({ marketplace, storeId, storeUrl: `https://example.test/${storeId}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async listing(sellerId: string, marketplace: Marketplace = 'aliexpress'): Promise<string> {
    const itemId = String(1005000000000000 + Math.floor(Math.random() * 1e12));
    const row = await this.db
      .insertInto('listings')
      .values({ marketplace, itemId, canonicalUrl: `https://www.aliexpress.com/item/${itemId}.html`, sellerId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A complaint with one listing in the given status; bumps the seller's facts version. */
  async complaint(input: {
    artistId: string;
    artworkId: string;
    sellerId: string;
    status: ComplaintStatus;
    filedOn: string;
    establishedOn?: string | null;
    visibility?: 'private' | 'collective' | 'public';
    marketplace?: Marketplace;
  }): Promise<{ complaintId: string; complaintListingId: string }> {
    const listingId = await this.listing(input.sellerId, input.marketplace);
    const complaint = await this.db
      .insertInto('complaints')
      .values({
        artistId: input.artistId,
        artworkId: input.artworkId,
        marketplace: input.marketplace ?? 'aliexpress',
        filedOn: input.filedOn,
        reason: 'copy',
        visibility: input.visibility ?? 'collective',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await this.db
      .insertInto('complaintListings')
      .values({
        complaintId: complaint.id,
        listingId,
        sellerId: input.sellerId,
        status: input.status,
        statusOn: input.establishedOn ?? input.filedOn,
        establishedOn: input.status === 'removed' ? (input.establishedOn ?? input.filedOn) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.bump(input.sellerId);
    return { complaintId: complaint.id, complaintListingId: row.id };
  }

  async bump(sellerId: string): Promise<void> {
    await this.db
      .updateTable('sellers')
      .set((eb) => ({ factsVersion: eb('factsVersion', '+', 1) }))
      .where('id', '=', sellerId)
      .execute();
  }
}
