import type { ComplaintStatus } from '@counterpoint/core';

/** Button labels for recording each status, as the artist reads IPP. */
export const ACTION_LABELS: Record<ComplaintStatus, string> = {
  draft: 'Back to draft',
  submitted: 'Mark as filed on IPP',
  removed: 'Listing removed',
  unable_to_process: 'Unable to process',
  information_requested: 'Information requested',
  counter_notice: 'Counter-notice received',
  responded: 'I answered the counter-notice',
  restored: 'Listing restored',
  withdrawn: 'Withdrawn',
};

/** What recording each status means, shown in the form. */
export const ACTION_HINTS: Partial<Record<ComplaintStatus, string>> = {
  submitted: 'The day you submitted it on IPP. Counterpoint reminds you to check back.',
  removed: 'IPP shows “Listing removed”: the complaint is established and the seller penalised.',
  unable_to_process:
    'IPP could not process it, usually because the seller removed the listing first.',
  information_requested:
    'IPP asks for more, e.g. a test-buy or authentication report for counterfeit complaints.',
  counter_notice:
    'The seller claims the design is theirs. You have a short deadline (about 3 business days) to respond on IPP.',
  responded: 'You answered the counter-notice on IPP.',
  restored: 'IPP put the listing back online.',
  withdrawn: 'You withdrew the complaint on IPP.',
};
