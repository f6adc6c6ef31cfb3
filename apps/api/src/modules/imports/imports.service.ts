import { randomUUID } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import {
  describeMissingUrlColumn,
  matchImportHeaders,
  MAX_IMPORT_FILE_BYTES,
  readCsvRecordBatches,
  type ImportHeaderMapping,
  type ImportSummary,
} from '@counterpoint/core';
import type { CreateImportFields, ImportDetail, ImportView } from '@counterpoint/core/contracts';
import { writeAudit, writeOutbox, type BlobStore, type Db } from '@counterpoint/db';
import { AppError, notFound } from '../../errors';
import { CsvSniffer } from './csv-upload';
import { ImportsRepository, type ImportRow } from './imports.repository';

/** Row errors shown with an import; the rest are paged. */
export const ERRORS_SHOWN_WITH_IMPORT = 100;
/** Row errors read at a time while the rows not imported are written out. */
const ERRORS_PAGE = 1_000;
/** The column added to the rows not imported: why each one was not. */
export const NOT_IMPORTED_BECAUSE = 'Not imported because';

/** The rows of an import's file that were not imported, to download (see `rowsNotImported`). */
export interface RowsNotImported {
  filename: string;
  /** The file's own separator, so that a spreadsheet opens the download as it opened the file. */
  delimiter: string;
  rows: AsyncIterable<string[]>;
}

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

  /**
   * The rows of an import's file that were not imported, as they are in the file, each with why
   * in a last column (`NOT_IMPORTED_BECAUSE`), after the file's header row when it has one: the
   * artist fixes them in any spreadsheet and imports that file as it is. Read as the import read
   * the file (same reader, same separator, same row numbers), in file order, as the download is
   * written: one chunk of the file and one page of row errors at a time.
   */
  async rowsNotImported(artistId: string, importId: string): Promise<RowsNotImported> {
    const row = await this.repository.findImportFile(artistId, importId);
    if (!row) throw notFound('This import');
    const file = await this.blobs.get(row.blobKey);
    if (!file) {
      throw new AppError(
        'gone',
        'The uploaded file is no longer stored, so its rows cannot be given back; the list of rows not imported is still shown with the import.',
      );
    }
    const stream: Readable = file;
    const hasHeaderRow = (row.headerMapping as ImportHeaderMapping | null)?.hasHeaderRow ?? false;
    // Row errors are saved with the summary, in the same transaction: no summary, no errors.
    const delimiter = (row.summary as ImportSummary | null)?.delimiter ?? ',';
    const repository = this.repository;

    async function* rows(): AsyncGenerator<string[]> {
      let page: { line: number; message: string }[] = [];
      let index = 0;
      let isLastPage = false;
      /** The first row error at or after `line`, or null when there is none. */
      const errorFrom = async (line: number) => {
        for (;;) {
          while (index < page.length && (page[index] as { line: number }).line < line) index += 1;
          if (index < page.length) return page[index] as { line: number; message: string };
          if (isLastPage) return null;
          const after = page.at(-1)?.line ?? 0;
          page = await repository.listRowErrors(importId, after, ERRORS_PAGE);
          index = 0;
          isLastPage = page.length < ERRORS_PAGE;
        }
      };
      let width = 0;
      let isHeader = hasHeaderRow;
      try {
        const text = stream.setEncoding('utf8') as AsyncIterable<string>;
        for await (const records of readCsvRecordBatches(text, delimiter)) {
          for (const record of records) {
            if (isHeader) {
              isHeader = false;
              width = record.cells.length;
              yield [...record.cells, NOT_IMPORTED_BECAUSE];
              continue;
            }
            const error = await errorFrom(record.row);
            if (error === null) return;
            if (error.line !== record.row) continue;
            const cells = record.cells.length < width ? [...record.cells] : record.cells;
            while (cells.length < width) cells.push('');
            yield [...cells, error.message];
          }
        }
      } finally {
        stream.destroy();
      }
    }

    const name = row.filename
      .replace(/\.[^.]*$/, '')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80);
    return { filename: `${name || 'import'}-rows-not-imported.csv`, delimiter, rows: rows() };
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
