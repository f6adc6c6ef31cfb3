import path from 'node:path';
import { createLocalBlobStore } from '@counterpoint/db';
import { QUEUES } from '@counterpoint/queue';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { runCsvImport } from '../imports/csv-import.service';
import { ImportRepository } from '../imports/import.repository';
import { defineJob } from './job-definition';

export const importCsvPayloadSchema = z.object({ importId: z.uuid() });
export type ImportCsvPayload = z.infer<typeof importCsvPayloadSchema>;

const INTERNAL_FAILURE =
  'The import stopped because of a problem on our side. Upload the file again: rows already imported will not be duplicated.';

/**
 * Imports an uploaded CSV of findings (`import.requested`). Resumable and idempotent: a
 * retry goes on after the last committed batch, and a finished import is left alone.
 * Problems with the file end the import as failed with a message for the artist; errors
 * of ours are retried, and the last attempt marks the import failed.
 */
export const importCsvJob = defineJob<ImportCsvPayload>({
  queue: QUEUES.imports,
  name: 'import-csv',
  payload: importCsvPayloadSchema,
  options: { attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
  // BullMQ refuses custom ids with one ':' (it reserves them for repeatable jobs).
  jobId: (payload) => `import-${payload.importId}`,
  async handle(payload, context, job) {
    const parsed = importCsvPayloadSchema.safeParse(payload);
    if (!parsed.success)
      throw new UnrecoverableError(`invalid import-csv payload: ${parsed.error.message}`);
    const { importId } = parsed.data;
    const blobs = createLocalBlobStore(path.join(context.config.dataDir, 'blobs'));
    try {
      const outcome = await runCsvImport({
        db: context.db,
        blobs,
        importId,
        now: context.now,
        onBatchCommitted: async (progress) => {
          // Progress in Redis is a courtesy; the imports row has the truth.
          await job
            .updateProgress(progress)
            .catch((error: unknown) =>
              context.log.warn({ err: error, importId }, 'could not report import progress'),
            );
        },
      });
      context.log.info({ importId, ...outcome }, 'import finished');
      return outcome;
    } catch (error) {
      const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (isLastAttempt) {
        await new ImportRepository(context.db).markFinished(importId, {
          status: 'failed',
          failure: INTERNAL_FAILURE,
          finishedAt: context.now(),
        });
      }
      throw error;
    }
  },
});
