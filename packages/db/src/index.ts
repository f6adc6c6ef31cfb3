export * from './database';
export * from './client';
export * from './migrator';
export * from './outbox';
export * from './audit';
export * from './blob-store';
export { anyUuid, genericPlanTransaction, MAX_PREPARED_ARRAY, preparingPool, PREPARED_PER_CONNECTION } from './prepared';
