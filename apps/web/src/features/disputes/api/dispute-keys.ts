import type { DISPUTE_STATUSES } from '@counterpoint/core/contracts';

export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** Query keys of the disputes feature (collective admins' review queue). */
export const disputeKeys = {
  all: ['disputes'] as const,
  list: (status: DisputeStatus) => [...disputeKeys.all, 'list', status] as const,
};
