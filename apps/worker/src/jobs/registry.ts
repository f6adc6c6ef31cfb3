import type { JobDefinition } from './job-definition';

// Payload types differ per job; the registry only dispatches by name and validates with zod.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

/** Every job the worker runs. Adding a job means adding its file and one line here. */
export const JOBS: AnyJobDefinition[] = [];
