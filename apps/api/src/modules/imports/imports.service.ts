import { randomUUID } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import {
  describeMissingUrlColumn,
  matchImportHeaders,
  MAX_IMPORT_FILE_BYTES,
  type ImportHeaderMapping,
} from '@counterpoint/core';
import type { CreateImportFields, ImportDetail, ImportView } from '@counterpoint/core/contracts';
import { writeAudit, writeOutbox, type BlobStore, type Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { CsvSniffer } from './csv-upload';
import { ImportsRepository, type ImportRow } from './imports.repository';

/** Row errors shown with an import; the rest are paged. */
export const ERRORS_SHOWN_WITH_IMPORT = 100;

export interface StoredUpload {
  importId: string;
  blobKey: string;
  filename: string;
  /** The file's header row read as columns, when it was in the sample looked at. */
  headerMapping: ImportHeaderMapping | null;
}

export function toImportView(row: ImportRow): ImportView {
  return {
    id: row.id,
    filename: row.filename,
    status: row.status,
    defaultArtworkId: row.defaultArtworkId,
    visibility: row.visibility,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    importedRows: row.importedRows,
    errorRows: row.errorRows,
    headerMapping: row.headerMapping as ImportView['headerMapping'],
    summary: row.summary as ImportView['summary'],
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * CSV imports of findings: the upload is stored and queued here; the worker's `import-csv`
 * job reads it. The import row and its `import.requested` outbox message are written in one
 * transaction, so an accepted upload is imported even if Redis is down when it arrives.
 */
export class ImportsService {
  private readonly repository: ImportsRepository;

  constructor(
    private readonly db: Db,
    private readonly blobs: BlobStore,
  ) {
    this.repository = new ImportsRepository(db);
  }

  /** Streams an upload into the blob store, checking on the way that it is CSV text. */
  async storeUpload(
    file: Readable,
    filename: string,
    isTruncated: () => boolean,
  ): Promise<StoredUpload> {
    const importId = randomUUID();
    const blobKey = `imports/${importId}.csv`;
    const sniffer = new CsvSniffer();
    // Listened to from the start: the upload flows (and may fail the check) before the blob
    // store opens its file. The first error is the one to report.
    let failure: unknown = null;
    const checked = pipeline(file, sniffer, (error) => {
      failure ??= error;
    });
    try {
      await this.blobs.put(blobKey, checked);
      if (isTruncated()) throw tooLarge();
    } catch (error) {
      await this.blobs.delete(blobKey);
      const cause = failure ?? error;
      if ((cause as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw cause;
    }
    const headerMapping = sniffer.headerRow ? matchImportHeaders(sniffer.headerRow.cells) : null;
    if (headerMapping && headerMapping.fields.url === undefined) {
      await this.blobs.delete(blobKey);
      throw new AppError('unprocessable', describeMissingUrlColumn(headerMapping), {
        headerMapping,
      });
    }
    return { importId, blobKey, filename, headerMapping };
  }

  /** Forgets a stored upload that will not be imported (its form fields were refused). */
  discardUpload(upload: StoredUpload): Promise<void> {
    return this.blobs.delete(upload.blobKey);
  }

  async create(
    artistId: string,
    upload: StoredUpload,
    fields: CreateImportFields,
    ip: string,
  ): Promise<ImportView> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const repository = new ImportsRepository(trx);
        if (fields.artworkId && !(await repository.isOwnArtwork(artistId, fields.artworkId))) {
          throw new AppError('validation_failed', 'artworkId: none of your designs has this id.', {
            fields: [{ field: 'body.artworkId', message: 'none of your designs has this id' }],
          });
        }
        const row = await repository.insertImport({
          id: upload.importId,
          artistId,
          filename: upload.filename,
          blobKey: upload.blobKey,
          defaultArtworkId: fields.artworkId ?? null,
          visibility: fields.visibility,
          headerMapping: upload.headerMapping,
        });
        await writeOutbox(trx, { topic: 'import.requested', payload: { importId: row.id } });
        await writeAudit(trx, {
          actorArtistId: artistId,
          action: 'import.created',
          subjectType: 'import',
          subjectId: row.id,
          after: {
            filename: row.filename,
            defaultArtworkId: row.defaultArtworkId,
            visibility: row.visibility,
          },
          ip,
        });
        return toImportView(row);
      });
    } catch (error) {
      await this.discardUpload(upload);
      throw error;
    }
  }

  async get(artistId: string, importId: string): Promise<ImportDetail> {
    const row = await this.repository.findImport(artistId, importId);
    if (!row) throw notFound('This import');
    const errors = await this.repository.listRowErrors(importId, 0, ERRORS_SHOWN_WITH_IMPORT);
    return { ...toImportView(row), errors };
  }

  async list(artistId: string, limit: number): Promise<ImportView[]> {
    return (await this.repository.listImports(artistId, limit)).map(toImportView);
  }

  async listErrors(artistId: string, importId: string, cursor: string | undefined, limit: number) {
    const row = await this.repository.findImport(artistId, importId);
    if (!row) throw notFound('This import');
    const errors = await this.repository.listRowErrors(
      importId,
      cursor ? Number(cursor) : 0,
      limit + 1,
    );
    const page = errors.slice(0, limit);
    const last = page.at(-1);
    return { errors: page, nextCursor: errors.length > limit && last ? String(last.line) : null };
  }
}

function tooLarge(): AppError {
  const megabytes = MAX_IMPORT_FILE_BYTES / 1024 / 1024;
  return new AppError(
    'payload_too_large',
    `The file is larger than ${megabytes} MB. Split it into several files and import them one after the other.`,
  );
}
