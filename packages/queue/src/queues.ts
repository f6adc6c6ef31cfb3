/**
 * Queue names. One queue per kind of work so that a burst of imports never delays
 * standing recomputation, and each can be scaled or paused on its own.
 */
export const QUEUES = {
  standings: 'standings',
  imports: 'imports',
  campaigns: 'campaigns',
  maintenance: 'maintenance',
  publicSnapshots: 'public-snapshots',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);
