import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { Db } from '@counterpoint/db';
import { AppError } from '../../errors';
import { ComplaintRepository } from './complaint.repository';

/**
 * Refuses an IPP reference that another of the artist's complaints already carries: IPP gives
 * every complaint its own, so a second one is a typing slip or the same complaint recorded
 * twice. The answer names the complaint that has it (`details.complaintId`).
 */
export async function assertIppReferenceFree(
  db: Db,
  artistId: string,
  ippReference: string | null | undefined,
  exceptComplaintId: string | null,
): Promise<void> {
  if (!ippReference?.trim()) return;
  const other = await new ComplaintRepository(db).findByIppReference(artistId, ippReference, exceptComplaintId);
  if (!other) return;
  const filed = other.filedOn ? `filed ${other.filedOn}` : 'a draft';
  throw new AppError(
    'ipp_reference_taken',
    `Your complaint on ${MARKETPLACE_LABELS[other.marketplace]} (${filed}) already has IPP reference ${ippReference.trim()}. IPP gives each complaint its own reference: check the number, or correct the other complaint.`,
    { complaintId: other.id },
  );
}
