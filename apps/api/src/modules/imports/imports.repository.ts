import type { Db } from '@counterpoint/db';

const IMPORT_COLUMNS = [
  'id',
  'filename',
  'status',
  'defaultArtworkId',
  'visibility',
  'totalRows',
  'processedRows',
  'importedRows',
  'errorRows',
  'headerMapping',
  'summary',
  'failure',
  'createdAt',
  'startedAt',
  'finishedAt',
] as const;

export interface NewImport {
  id: string;
  artistId: string;
  filename: string;
  blobKey: string;
  defaultArtworkId: string | null;
  visibility: 'private' | 'collective' | 'public';
  headerMapping: unknown;
}

/** Imports and their row errors, always scoped to the artist who uploaded them. */
export class ImportsRepository {
  constructor(private readonly db: Db) {}

  async insertImport(values: NewImport) {
    return this.db
      .insertInto('imports')
      .values({
        ...values,
        headerMapping: values.headerMapping === null ? null : JSON.stringify(values.headerMapping),
      })
      .returning(IMPORT_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  isOwnArtwork(artistId: string, artworkId: string): Promise<boolean> {
    return this.db
      .selectFrom('artworks')
      .select('id')
      .where('id', '=', artworkId)
      .where('artistId', '=', artistId)
      .executeTakeFirst()
      .then(Boolean);
  }

  findImport(artistId: string, importId: string) {
    return this.db
      .selectFrom('imports')
      .select(IMPORT_COLUMNS)
      .where('id', '=', importId)
      .where('artistId', '=', artistId)
      .executeTakeFirst();
  }

  /** Where the caller's import's file is stored, and how it was read. */
  findImportFile(artistId: string, importId: string) {
    return this.db
      .selectFrom('imports')
      .select(['filename', 'blobKey', 'headerMapping', 'summary'])
      .where('id', '=', importId)
      .where('artistId', '=', artistId)
      .executeTakeFirst();
  }

  listImports(artistId: string, limit: number) {
    return this.db
      .selectFrom('imports')
      .select(IMPORT_COLUMNS)
      .where('artistId', '=', artistId)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Row errors in file order, after row `afterLine`. */
  listRowErrors(importId: string, afterLine: number, limit: number) {
    return this.db
      .selectFrom('importRowErrors')
      .select(['line', 'code', 'message'])
      .where('importId', '=', importId)
      .where('line', '>', afterLine)
      .orderBy('line')
      .limit(limit)
      .execute();
  }
}

export type ImportRow = NonNullable<Awaited<ReturnType<ImportsRepository['findImport']>>>;
