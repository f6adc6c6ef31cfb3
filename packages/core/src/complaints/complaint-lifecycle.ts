import { addBusinessDays, dayNumber } from '../dates';
import type { ComplaintStatus, IprType, IsoDate } from '../domain';

/**
 * IPP's complaint lifecycle, per listing in a complaint:
 *
 *   draft → submitted ("In progress") → removed ("Listing removed": established)
 *                                     → unable_to_process
 *                                     → information_requested (test-buy / authentication report) → submitted | …
 *                                     → counter_notice → responded → removed | restored
 *                                                      → restored (no answer in time)
 *   removed → counter_notice (sellers may counter after a removal; later ones within 27 business days)
 *   any open state → withdrawn
 */
const TRANSITIONS: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['removed', 'unable_to_process', 'information_requested', 'counter_notice', 'withdrawn'],
  information_requested: ['submitted', 'removed', 'unable_to_process', 'withdrawn'],
  counter_notice: ['responded', 'restored', 'withdrawn'],
  responded: ['removed', 'restored'],
  removed: ['counter_notice'],
  unable_to_process: [],
  restored: [],
  withdrawn: [],
};

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  draft: 'Draft (not filed yet)',
  submitted: 'In progress',
  removed: 'Listing removed',
  unable_to_process: 'Unable to process',
  information_requested: 'Information requested',
  counter_notice: 'Counter-notice received',
  responded: 'Counter-notice answered',
  restored: 'Listing restored',
  withdrawn: 'Withdrawn',
};

/** Statuses in which the complaint is still moving on IPP's side. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['submitted', 'information_requested', 'counter_notice', 'responded'];

export function allowedTransitions(from: ComplaintStatus): readonly ComplaintStatus[] {
  return TRANSITIONS[from];
}

export function isTerminal(status: ComplaintStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export type TransitionError =
  | { code: 'illegal_transition'; message: string; allowed: readonly ComplaintStatus[] }
  | { code: 'date_in_future'; message: string }
  | { code: 'date_before_previous'; message: string };

export interface TransitionRequest {
  from: ComplaintStatus;
  to: ComplaintStatus;
  /** When it happened on IPP, as the artist records it (possibly days later). */
  occurredOn: IsoDate;
  /** Date of the previous recorded status, if any. */
  previousOn: IsoDate | null;
  /** Today, in the artist's calendar. */
  today: IsoDate;
}

/** Checks one status change; the caller records it only when this returns null. */
export function checkTransition(request: TransitionRequest): TransitionError | null {
  const allowed = TRANSITIONS[request.from];
  if (!allowed.includes(request.to)) {
    // Worded with the statuses' labels, as the artist sees them; `allowed` names them for programs.
    const next = allowed.length
      ? `It can become ${allowed.map((status) => `“${STATUS_LABELS[status]}”`).join(', ')}.`
      : 'That status is final: nothing can follow it.';
    return {
      code: 'illegal_transition',
      message: `A listing marked “${STATUS_LABELS[request.from]}” cannot become “${STATUS_LABELS[request.to]}”. ${next}`,
      allowed,
    };
  }
  if (dayNumber(request.occurredOn) > dayNumber(request.today)) {
    return { code: 'date_in_future', message: `The date ${request.occurredOn} is in the future; record what has already happened.` };
  }
  if (request.previousOn && dayNumber(request.occurredOn) < dayNumber(request.previousOn)) {
    return {
      code: 'date_before_previous',
      message: `The date ${request.occurredOn} is before the previous status change (${request.previousOn}).`,
    };
  }
  return null;
}

export interface ListingState {
  status: ComplaintStatus;
  statusOn: IsoDate | null;
  establishedOn: IsoDate | null;
  counterNoticeOn: IsoDate | null;
  responseDueOn: IsoDate | null;
}

/**
 * The listing's state after a (checked) transition. A removal establishes the complaint
 * on that day; a counter-notice opens a response deadline in business days; a restored
 * listing is no longer established.
 */
export function applyTransition(
  state: ListingState,
  to: ComplaintStatus,
  occurredOn: IsoDate,
  responseBusinessDays: number,
): ListingState {
  const next: ListingState = { ...state, status: to, statusOn: occurredOn };
  switch (to) {
    case 'removed':
      next.establishedOn = occurredOn;
      next.responseDueOn = null;
      break;
    case 'counter_notice':
      next.counterNoticeOn = occurredOn;
      next.responseDueOn = addBusinessDays(occurredOn, responseBusinessDays);
      next.establishedOn = null;
      break;
    case 'responded':
      next.responseDueOn = null;
      break;
    case 'restored':
    case 'withdrawn':
    case 'unable_to_process':
      next.establishedOn = null;
      next.responseDueOn = null;
      break;
    default:
      break;
  }
  return next;
}

/** The reason text suggested for a new complaint, in the terms of the design's IPR; the artist can edit it. */
export function defaultComplaintReason(artworkTitle: string, iprType: IprType = 'copyright'): string {
  switch (iprType) {
    case 'trademark':
      return (
        `This listing uses my registered trademark "${artworkTitle}" without authorisation. ` +
        'The product or its images carry the mark, which I own; I have not licensed this seller, so these goods are not genuine.'
      );
    case 'patent':
      return (
        `This listing sells a product that copies my patented design "${artworkTitle}". ` +
        'I hold the patent and have not licensed this seller to make or sell it.'
      );
    case 'copyright':
      return (
        `This listing sells an unauthorised copy of my original artwork "${artworkTitle}". ` +
        'I created this design and hold the rights to it; the product and its images reproduce my work without permission.'
      );
  }
}
