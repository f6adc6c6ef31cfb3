/**
 * Vocabulary shared by every layer: marketplaces, IPR types and statuses, complaint
 * statuses, visibility. The database check constraints list the same values.
 */

/** Alibaba Group marketplaces Counterpoint understands. */
export const MARKETPLACES = ['aliexpress', 'alibaba', 'taobao', 'tmall', '1688'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

export const MARKETPLACE_LABELS: Record<Marketplace, string> = {
  aliexpress: 'AliExpress',
  alibaba: 'Alibaba.com',
  taobao: 'Taobao',
  tmall: 'Tmall',
  '1688': '1688',
};

export function isMarketplace(value: unknown): value is Marketplace {
  return typeof value === 'string' && (MARKETPLACES as readonly string[]).includes(value);
}

/** Kind of intellectual property right an artwork is registered under on IPP. */
export const IPR_TYPES = ['copyright', 'trademark', 'patent'] as const;
export type IprType = (typeof IPR_TYPES)[number];

/** Review status of an artwork's IPR on Alibaba's IPP platform. */
export const IPR_STATUSES = ['not_submitted', 'pending', 'approved', 'rejected'] as const;
export type IprStatus = (typeof IPR_STATUSES)[number];

/**
 * IPR changes an artist can record: a submitted IPR is pending until IPP approves or
 * rejects it; a rejected one can be resubmitted; an approval can be withdrawn by IPP.
 */
export const IPR_TRANSITIONS: Record<IprStatus, readonly IprStatus[]> = {
  not_submitted: ['pending', 'approved'],
  pending: ['approved', 'rejected', 'not_submitted'],
  approved: ['pending', 'rejected'],
  rejected: ['pending', 'not_submitted'],
};

/** Severity of a complaint: general (copyright/improper use) or serious (counterfeit goods). */
export const SEVERITIES = ['general', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Status of one listing inside a complaint, following IPP's lifecycle.
 * `removed` is IPP's "Listing removed": the complaint is established.
 */
export const COMPLAINT_STATUSES = [
  'draft',
  'submitted',
  'removed',
  'unable_to_process',
  'information_requested',
  'counter_notice',
  'responded',
  'restored',
  'withdrawn',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Who may see a shared fact (sighting, seller note, complaint). */
export const VISIBILITIES = ['private', 'collective', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const MEMBERSHIP_ROLES = ['owner', 'admin', 'member'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A calendar date as `YYYY-MM-DD` (UTC). Dates of real-world events are days, not instants. */
export type IsoDate = string;
