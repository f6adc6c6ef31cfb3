export * from './domain';
export * from './dates';
export * from './config/parse-environment';
