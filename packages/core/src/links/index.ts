/**
 * Marketplace link parsing: one link, a pasted list, and the paste list for an IPP complaint.
 * Pure code: no I/O, no clock, no environment.
 */
export * from './link.types';
export { parseMarketplaceUrl } from './marketplace-url.parser';
export {
  parseLinkList,
  linkIdentityKey,
  type LinkListOptions,
  type LinkListEntry,
  type LinkListSummary,
  type LinkListResult,
  type GroupedLink,
  type SellerGroup,
  type MarketplaceGroup,
} from './link-list.parser';
export {
  formatComplaintPasteList,
  IPP_MAX_URLS_PER_COMPLAINT,
  type ComplaintPasteListOptions,
  type ComplaintPasteListResult,
  type ComplaintPasteListErrorCode,
  type ComplaintPasteChunk,
  type SkippedLink,
  type SkipReason,
} from './complaint-paste-list.formatter';
export { canonicalStoreUrl } from './store-url';
export { MAX_URL_LENGTH } from './link-input';
export { ALIEXPRESS_US_ID_OFFSET, toGlobalItemId } from './aliexpress.parser';
