import { cleanOutboxJob } from './clean-outbox.job';
import { deliverRemindersJob } from './deliver-reminders.job';
import { importCsvJob } from './import-csv.job';
import type { JobDefinition } from './job-definition';
import { reconcileStandingsJob } from './reconcile-standings.job';
import { replanCampaignJob } from './replan-campaign.job';
import { replanOpenCampaignsJob } from './replan-open-campaigns.job';
import { refreshWatchlistJob } from './refresh-watchlist.job';
import { sellerStandingJob } from './seller-standing.job';
import { vacuumQueuesJob } from './vacuum-queues.job';

// Payload types differ per job; the registry only dispatches by name and validates with zod.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

/** Every job the worker runs. Adding a job means adding its file and one line here. */
export const JOBS: AnyJobDefinition[] = [
  sellerStandingJob,
  reconcileStandingsJob,
  deliverRemindersJob,
  cleanOutboxJob,
  vacuumQueuesJob,
  importCsvJob,
  refreshWatchlistJob,
  replanCampaignJob,
  replanOpenCampaignsJob,
];
