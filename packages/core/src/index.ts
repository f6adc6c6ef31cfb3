export * from './domain';
export * from './dates';
export * from './config/parse-environment';
export * from './complaints/index';
export * from './penalty/index';
export * from './links/index';
export * from './files/image-type';
