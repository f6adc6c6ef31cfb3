import type { IprStatus, IprType, Visibility } from '@counterpoint/core';

/** IPR review status on IPP, as artists read it. */
export const IPR_STATUS_LABELS: Record<IprStatus, string> = {
  not_submitted: 'Not submitted',
  pending: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const IPR_TYPE_LABELS: Record<IprType, string> = {
  copyright: 'Copyright',
  trademark: 'Trademark',
  patent: 'Patent',
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  private: 'Only me',
  collective: 'My collectives',
  public: 'Public facts only',
};

/** What each visibility means, shown next to the choice. */
export const VISIBILITY_EXPLANATIONS: Record<Visibility, string> = {
  private: 'Only you see it. It still counts in your own seller profiles.',
  collective:
    'Members of your collectives see it with your name, so they can report the same sellers.',
  public:
    'Your collectives see it as above; everyone else sees only the facts (seller, listing, removal) on the public watchlist, without your name, note or evidence unless you opted in.',
};
