import { z } from 'zod';

import { COMPLAINT_STATUSES, IPR_TYPES, SEVERITIES } from '../domain';
import type { ComplaintStatus, IprType, IsoDate, Severity } from '../domain';
import { isoDateSchema } from './ruleset.schema';

/**
 * One listing of one complaint, as the estimator sees it. A complaint may hold several listings
 * of the same seller; each is a separate event with the complaint's id. All events passed to
 * one estimate are against the same seller.
 */
export interface ComplaintEvent {
  /** Id of the complaint listing. */
  id: string;
  complaintId: string;
  /** The rights holder who filed the complaint. */
  artistId: string;
  artworkId: string;
  iprType: IprType;
  severity: Severity;
  status: ComplaintStatus;
  /** Day the complaint was filed on IPP; null for drafts. */
  filedOn: IsoDate | null;
  /** Day the listing was removed, i.e. the complaint was established (status `removed`). */
  establishedOn: IsoDate | null;
}

/** Validates a {@link ComplaintEvent} at a boundary (the estimator itself trusts its input). */
export const complaintEventSchema = z.strictObject({
  id: z.string().min(1),
  complaintId: z.string().min(1),
  artistId: z.string().min(1),
  artworkId: z.string().min(1),
  iprType: z.enum(IPR_TYPES),
  severity: z.enum(SEVERITIES),
  status: z.enum(COMPLAINT_STATUSES),
  filedOn: isoDateSchema.nullable(),
  establishedOn: isoDateSchema.nullable(),
}) satisfies z.ZodType<ComplaintEvent>;

/** Statuses of complaints still in progress on IPP: they may yet be established. */
export const PENDING_STATUSES = [
  'submitted',
  'information_requested',
  'counter_notice',
  'responded',
] as const satisfies readonly ComplaintStatus[];

/** Whether a status means the complaint is still in progress. */
export function isPendingStatus(status: ComplaintStatus): boolean {
  return (
    status === 'submitted' ||
    status === 'information_requested' ||
    status === 'counter_notice' ||
    status === 'responded'
  );
}
