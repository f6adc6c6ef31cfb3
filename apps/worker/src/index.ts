export { loadWorkerConfig, type WorkerConfig } from './config';
export { startWorkerRuntime, type WorkerRuntime } from './runtime';
export { recomputeStandings } from './standings/compute-standings';
export { loadRulesets } from './standings/rulesets';
export { refreshWatchlist } from './watchlist/refresh-watchlist';
export { deliverRemindersJob } from './jobs/deliver-reminders.job';
