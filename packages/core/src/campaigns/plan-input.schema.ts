import { z } from 'zod';

import { COMPLAINT_STATUSES, IPR_STATUSES, IPR_TYPES, MARKETPLACES, SEVERITIES } from '../domain';
import { isoDateSchema, rulesetSchema } from '../penalty/ruleset.schema';
import type { PlanInput } from './plan.types';

const idSchema = z.string().min(1).max(200);

export const campaignMemberSchema = z.strictObject({
  artistId: idSchema,
  name: z.string().min(1).max(200),
  unavailableWeekdays: z.array(z.int().min(0).max(6)).max(7),
  unavailableDates: z.array(isoDateSchema).max(1000),
  maxPerWeek: z.int().min(0).max(1000).nullable(),
});

export const campaignListingSchema = z.strictObject({
  listingId: idSchema,
  sellerId: idSchema,
  marketplace: z.enum(MARKETPLACES),
  canonicalUrl: z.string().min(1).max(2000),
  isRemoved: z.boolean(),
});

export const listingCopySchema = z.strictObject({
  listingId: idSchema,
  artistId: idSchema,
  artworkId: idSchema,
  artworkTitle: z.string().min(1).max(300),
  iprStatus: z.enum(IPR_STATUSES),
  iprReference: z.string().min(1).max(200).nullable(),
});

export const existingComplaintListingSchema = z.strictObject({
  complaintId: idSchema,
  listingId: idSchema,
  artistId: idSchema,
  artworkId: idSchema,
  status: z.enum(COMPLAINT_STATUSES),
  filedOn: isoDateSchema.nullable(),
  establishedOn: isoDateSchema.nullable(),
  severity: z.enum(SEVERITIES),
  iprType: z.enum(IPR_TYPES),
});

function findDuplicate(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return null;
}

/**
 * Validates a {@link PlanInput} at a boundary (API, job payload). The planner itself trusts its
 * input beyond a few checks, and drops repeated ids silently; this schema reports them.
 */
export const planInputSchema = z
  .strictObject({
    campaignId: idSchema,
    sellerId: idSchema,
    today: isoDateSchema,
    goalPoints: z.int().min(1).max(100_000).nullable().optional(),
    endsOn: isoDateSchema.nullable(),
    ruleset: rulesetSchema,
    establishmentLagBusinessDays: z.int().min(0).max(60).nullable().optional(),
    members: z.array(campaignMemberSchema).max(10_000),
    listings: z.array(campaignListingSchema).max(100_000),
    copies: z.array(listingCopySchema).max(500_000),
    complaints: z.array(existingComplaintListingSchema).max(500_000),
  })
  .superRefine((input, context) => {
    if (input.endsOn !== null && input.endsOn < input.today) {
      context.addIssue({ code: 'custom', path: ['endsOn'], message: 'endsOn is before today' });
    }
    const checks = [
      ['members', input.members.map((member) => member.artistId)],
      ['listings', input.listings.map((listing) => listing.listingId)],
    ] as const;
    for (const [path, ids] of checks) {
      const duplicate = findDuplicate(ids);
      if (duplicate !== null) {
        context.addIssue({ code: 'custom', path: [path], message: `Repeated id "${duplicate}"` });
      }
    }
  }) satisfies z.ZodType<PlanInput>;
