import { detectImageType, IPR_TRANSITIONS, latestToday, MAX_IMAGE_BYTES } from '@counterpoint/core';
import type {
  ArtworkDetail,
  ArtworkView,
  CreateArtworkBody,
  IprStatusChangeBody,
  UpdateArtworkBody,
} from '@counterpoint/core/contracts';
import { markSellersChanged, newBlobKey, writeAudit, type Artwork, type BlobStore, type Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { markArtistCampaignsChanged } from '../campaigns/campaign-inputs';
import { ArtworkRepository } from './artwork.repository';

export function toArtworkView(artwork: Artwork): ArtworkView {
  return {
    id: artwork.id,
    title: artwork.title,
    description: artwork.description,
    iprType: artwork.iprType,
    registrationNumber: artwork.registrationNumber,
    isRegistrationRequired: artwork.isRegistrationRequired,
    iprStatus: artwork.iprStatus,
    ippIprReference: artwork.ippIprReference,
    imageUrl: artwork.imageKey ? `/api/v1/artworks/${artwork.id}/image?v=${artwork.updatedAt.getTime()}` : null,
    canFileComplaints: artwork.iprStatus === 'approved',
    createdAt: artwork.createdAt.toISOString(),
    updatedAt: artwork.updatedAt.toISOString(),
  };
}


/** An artist's designs: details, IPR status on IPP with its dated history, image. */
export class ArtworkService {
  private readonly repository: ArtworkRepository;

  constructor(
    private readonly db: Db,
    private readonly blobs: BlobStore,
  ) {
    this.repository = new ArtworkRepository(db);
  }

  async list(artistId: string): Promise<ArtworkView[]> {
    return (await this.repository.listByOwner(artistId)).map(toArtworkView);
  }

  async get(artistId: string, artworkId: string): Promise<ArtworkDetail> {
    const artwork = await this.requireOwned(this.repository, artistId, artworkId);
    const [history, counts] = await Promise.all([this.repository.listIprEvents(artworkId), this.repository.counts(artistId, artworkId)]);
    return {
      ...toArtworkView(artwork),
      iprHistory: history.map((event) => ({
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        occurredOn: event.occurredOn,
        note: event.note,
        recordedAt: event.createdAt.toISOString(),
      })),
      counts,
    };
  }

  async create(artistId: string, body: CreateArtworkBody, ip: string): Promise<ArtworkView> {
    return this.db.transaction().execute(async (trx) => {
      const artwork = await new ArtworkRepository(trx).insert({ artistId, ...body });
      await writeAudit(trx, { actorArtistId: artistId, action: 'artwork.created', subjectType: 'artwork', subjectId: artwork.id, after: body, ip });
      return toArtworkView(artwork);
    });
  }

  async update(artistId: string, artworkId: string, body: UpdateArtworkBody, ip: string): Promise<ArtworkView> {
    return this.db.transaction().execute(async (trx) => {
      const repository = new ArtworkRepository(trx);
      const before = await this.requireOwned(repository, artistId, artworkId, true);
      const after = await repository.update(artworkId, body);
      // Points depend on the IPR type: the sellers this design was complained about are re-estimated.
      if (after.iprType !== before.iprType) await markSellersChanged(trx, await repository.complainedSellers(artworkId));
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'artwork.updated',
        subjectType: 'artwork',
        subjectId: artworkId,
        before: pick(before, Object.keys(body)),
        after: body,
        ip,
      });
      return toArtworkView(after);
    });
  }

  async changeIprStatus(artistId: string, artworkId: string, body: IprStatusChangeBody, ip: string, now: Date): Promise<ArtworkDetail> {
    await this.db.transaction().execute(async (trx) => {
      const repository = new ArtworkRepository(trx);
      const artwork = await this.requireOwned(repository, artistId, artworkId, true);
      if (body.occurredOn > latestToday(now)) {
        throw new AppError('validation_failed', `The date ${body.occurredOn} is in the future; record what has already happened on IPP.`);
      }
      if (artwork.iprStatus === body.status) {
        throw new AppError('illegal_transition', `This design's IPR is already "${body.status}".`, { allowed: IPR_TRANSITIONS[artwork.iprStatus] });
      }
      if (!IPR_TRANSITIONS[artwork.iprStatus].includes(body.status)) {
        throw new AppError(
          'illegal_transition',
          `An IPR that is "${artwork.iprStatus}" cannot become "${body.status}". Allowed: ${IPR_TRANSITIONS[artwork.iprStatus].join(', ')}.`,
          { allowed: IPR_TRANSITIONS[artwork.iprStatus] },
        );
      }
      await repository.update(artworkId, {
        iprStatus: body.status,
        ...(body.ippIprReference ? { ippIprReference: body.ippIprReference } : {}),
      });
      await repository.insertIprEvent({
        artworkId,
        fromStatus: artwork.iprStatus,
        toStatus: body.status,
        occurredOn: body.occurredOn,
        note: body.note,
        recordedBy: artistId,
      });
      await writeAudit(trx, {
        actorArtistId: artistId,
        action: 'artwork.ipr_status_changed',
        subjectType: 'artwork',
        subjectId: artworkId,
        before: { iprStatus: artwork.iprStatus },
        after: { iprStatus: body.status, occurredOn: body.occurredOn },
        ip,
      });
      // An approval (or its loss) changes what the artist's campaigns can plan.
      await markArtistCampaignsChanged(trx, artistId);
    });
    return this.get(artistId, artworkId);
  }

  async remove(artistId: string, artworkId: string, ip: string): Promise<void> {
    const imageKey = await this.db.transaction().execute(async (trx) => {
      const repository = new ArtworkRepository(trx);
      const artwork = await this.requireOwned(repository, artistId, artworkId, true);
      const { complaints } = await repository.counts(artistId, artworkId);
      if (complaints > 0) {
        throw new AppError('conflict', `This design has ${complaints} complaint(s) on record, so it cannot be deleted. Withdraw or keep them instead.`);
      }
      await repository.delete(artworkId);
      await writeAudit(trx, { actorArtistId: artistId, action: 'artwork.deleted', subjectType: 'artwork', subjectId: artworkId, before: { title: artwork.title }, ip });
      return artwork.imageKey;
    });
    if (imageKey) await this.blobs.delete(imageKey);
  }

  async setImage(artistId: string, artworkId: string, data: Buffer, ip: string): Promise<ArtworkView> {
    if (data.length > MAX_IMAGE_BYTES) throw new AppError('payload_too_large', 'Images can be up to 5 MB.');
    const contentType = detectImageType(data);
    if (!contentType) {
      throw new AppError('unsupported_media_type', 'Only PNG, JPEG and WebP images are accepted; this file is none of them.');
    }
    const key = newBlobKey('artworks');
    await this.blobs.put(key, data);
    try {
      const { view, previousKey } = await this.db.transaction().execute(async (trx) => {
        const repository = new ArtworkRepository(trx);
        const artwork = await this.requireOwned(repository, artistId, artworkId, true);
        const updated = await repository.update(artworkId, { imageKey: key, imageContentType: contentType, imageSize: data.length });
        await writeAudit(trx, { actorArtistId: artistId, action: 'artwork.image_set', subjectType: 'artwork', subjectId: artworkId, after: { contentType, size: data.length }, ip });
        return { view: toArtworkView(updated), previousKey: artwork.imageKey };
      });
      if (previousKey) await this.blobs.delete(previousKey);
      return view;
    } catch (error) {
      await this.blobs.delete(key);
      throw error;
    }
  }

  /** The image of a design the viewer may see: their own, or a collective mate's. */
  async getImage(viewerId: string, artworkId: string) {
    const artwork = await this.db
      .selectFrom('artworks')
      .select(['imageKey', 'imageContentType'])
      .where('id', '=', artworkId)
      .where((eb) =>
        eb.or([
          eb('artistId', '=', viewerId),
          eb.exists(
            eb
              .selectFrom('memberships as mine')
              .innerJoin('memberships as theirs', 'theirs.collectiveId', 'mine.collectiveId')
              .select(eb.lit(1).as('one'))
              .where('mine.artistId', '=', viewerId)
              .whereRef('theirs.artistId', '=', 'artworks.artistId'),
          ),
        ]),
      )
      .executeTakeFirst();
    if (!artwork?.imageKey || !artwork.imageContentType) throw notFound('This image');
    const stream = await this.blobs.get(artwork.imageKey);
    if (!stream) throw notFound('This image');
    return { stream, contentType: artwork.imageContentType };
  }

  private async requireOwned(repository: ArtworkRepository, artistId: string, artworkId: string, lock = false): Promise<Artwork> {
    const artwork = lock ? await repository.lockOwned(artistId, artworkId) : await repository.findOwned(artistId, artworkId);
    if (!artwork) throw notFound('This design');
    return artwork;
  }
}

function pick(row: Artwork, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key as keyof Artwork]]));
}
