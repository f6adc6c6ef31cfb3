import type { ArtworksTable, Db, IprStatusColumn } from '@counterpoint/db';
import type { Insertable, Updateable } from 'kysely';

/** Artworks and their IPR history; every query is scoped to the owner. */
export class ArtworkRepository {
  constructor(private readonly db: Db) {}

  listByOwner(artistId: string) {
    return this.db.selectFrom('artworks').selectAll().where('artistId', '=', artistId).orderBy('title').orderBy('id').execute();
  }

  findOwned(artistId: string, artworkId: string) {
    return this.db.selectFrom('artworks').selectAll().where('id', '=', artworkId).where('artistId', '=', artistId).executeTakeFirst();
  }

  lockOwned(artistId: string, artworkId: string) {
    return this.db
      .selectFrom('artworks')
      .selectAll()
      .where('id', '=', artworkId)
      .where('artistId', '=', artistId)
      .forUpdate()
      .executeTakeFirst();
  }

  insert(values: Insertable<ArtworksTable>) {
    return this.db.insertInto('artworks').values(values).returningAll().executeTakeFirstOrThrow();
  }

  update(artworkId: string, values: Updateable<ArtworksTable>) {
    return this.db
      .updateTable('artworks')
      .set({ ...values, updatedAt: new Date() })
      .where('id', '=', artworkId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The sellers of every listing in a complaint about this artwork. */
  async complainedSellers(artworkId: string): Promise<(string | null)[]> {
    const rows = await this.db
      .selectFrom('complaintListings')
      .innerJoin('complaints', 'complaints.id', 'complaintListings.complaintId')
      .select('complaintListings.sellerId')
      .distinct()
      .where('complaints.artworkId', '=', artworkId)
      .execute();
    return rows.map((row) => row.sellerId);
  }

  delete(artworkId: string) {
    return this.db.deleteFrom('artworks').where('id', '=', artworkId).execute();
  }

  listIprEvents(artworkId: string) {
    return this.db
      .selectFrom('artworkIprEvents')
      .select(['fromStatus', 'toStatus', 'occurredOn', 'note', 'createdAt'])
      .where('artworkId', '=', artworkId)
      .orderBy('id')
      .execute();
  }

  insertIprEvent(values: {
    artworkId: string;
    fromStatus: IprStatusColumn | null;
    toStatus: IprStatusColumn;
    occurredOn: string;
    note: string;
    recordedBy: string;
  }) {
    return this.db.insertInto('artworkIprEvents').values(values).execute();
  }

  /** Sightings are counted by owner and design: the prefix of their unique key. */
  async counts(artistId: string, artworkId: string) {
    const [sightings, complaints] = await Promise.all([
      this.db.selectFrom('sightings').select((eb) => eb.fn.countAll<number>().as('count')).where('artistId', '=', artistId).where('artworkId', '=', artworkId).executeTakeFirstOrThrow(),
      this.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('count')).where('artworkId', '=', artworkId).executeTakeFirstOrThrow(),
    ]);
    return { sightings: Number(sightings.count), complaints: Number(complaints.count) };
  }
}
