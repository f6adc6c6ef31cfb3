/**
 * Campaign planner: which member files which complaint, about which listings, on which day, so
 * that a collective's legitimate complaints against one seller are not lost to the
 * marketplace's daily cap and merge windows. Pure code: no I/O, no clock, no environment.
 *
 * Ground rule: every complaint comes from the real rights holder, for their own approved work,
 * about a listing that really copies it. The planner optimises coverage and timing only; see
 * {@link planCampaign}.
 */
export * from './plan.types';
export { planCampaign, PLANNING_HORIZON_DAYS } from './plan-campaign';
export {
  planInputSchema,
  campaignMemberSchema,
  campaignListingSchema,
  listingCopySchema,
  existingComplaintListingSchema,
} from './plan-input.schema';
export {
  PlanInputError,
  DEFAULT_ESTABLISHMENT_LAG_BUSINESS_DAYS,
  normalizePlanInput,
  fingerprintPlanInput,
  type NormalizedPlanInput,
} from './normalize-input';
export { MAX_LISTINGS_PER_COMPLAINT } from './schedule-complaints';
export { UNCERTAIN_STATUSES, CONTESTED_STATUSES } from './existing-complaints';
