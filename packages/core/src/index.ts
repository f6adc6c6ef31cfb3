export * from './domain';
export * from './dates';
