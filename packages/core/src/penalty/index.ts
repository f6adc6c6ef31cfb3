/**
 * Penalty model: versioned rulesets per marketplace (as data, overridable by configuration)
 * and the estimator of a seller's standing against the termination threshold.
 */
export * from './ruleset.schema';
export * from './default-rulesets';
export * from './resolve-rulesets';
export * from './complaint-event';
export * from './standing.types';
export { estimateStanding } from './estimate-standing';
