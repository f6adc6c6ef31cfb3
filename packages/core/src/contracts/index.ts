export * from './common';
export * from './auth';
export * from './links';
export * from './artworks';
export * from './sellers';
export * from './complaints';
export * from './collectives';
export * from './standings';
