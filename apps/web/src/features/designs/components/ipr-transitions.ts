import type { IprStatus } from '@counterpoint/core';

/**
 * The IPR changes the API accepts (it checks them again). Mirrored from the API's artwork
 * service because core does not export them yet.
 */
export const IPR_NEXT: Record<IprStatus, IprStatus[]> = {
  not_submitted: ['pending', 'approved'],
  pending: ['approved', 'rejected', 'not_submitted'],
  approved: ['pending', 'rejected'],
  rejected: ['pending', 'not_submitted'],
};
