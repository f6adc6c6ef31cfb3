import type { ComplaintStatus } from '../domain';
import { formatDay, parseDay } from '../penalty/day-numbers';
import type { ComplaintEvent } from '../penalty/complaint-event';
import { addBusinessDaysToDay } from './campaign-days';
import type { NormalizedPlanInput } from './normalize-input';
import type { ExistingComplaintListing } from './plan.types';

/**
 * In progress, but with an outcome nobody can predict: the seller answered with a
 * counter-notice (answered or not yet), or IPP asked for more information. The plan does not
 * count these complaints as established.
 */
export const UNCERTAIN_STATUSES: readonly ComplaintStatus[] = [
  'information_requested',
  'counter_notice',
  'responded',
];

/** Counter-noticed: other members whose own artwork the listing copies may report it. */
export const CONTESTED_STATUSES: readonly ComplaintStatus[] = ['counter_notice', 'responded'];

/** What the existing complaints mean for the plan. */
export interface ExistingComplaintFacts {
  /** The complaints as recorded, for the current standing. */
  currentEvents: ComplaintEvent[];
  /**
   * The complaints as the plan expects them to end: `submitted` ones established on their
   * expected day (filing day + lag, or today when overdue); all others as recorded.
   */
  projectedEvents: ComplaintEvent[];
  /** Distinct general complaints established or expected on each day from today on. */
  loadByDay: Map<number, number>;
  /** Days each rights holder has general complaints established or expected on, ascending. */
  holderDays: Map<string, number[]>;
  uncertainComplaintIds: string[];
  /** Latest day (today or later) on which a projected existing complaint is established. */
  lastProjectedDay: number;
}

function toEvent(complaint: ExistingComplaintListing): ComplaintEvent {
  return {
    id: `${complaint.complaintId}:${complaint.listingId}`,
    complaintId: complaint.complaintId,
    artistId: complaint.artistId,
    artworkId: complaint.artworkId,
    iprType: complaint.iprType,
    severity: complaint.severity,
    status: complaint.status,
    filedOn: complaint.filedOn,
    establishedOn: complaint.establishedOn,
  };
}

/** Day a submitted complaint is expected to be established, never before today. */
function expectedEstablishmentDay(event: ComplaintEvent, input: NormalizedPlanInput): number {
  const filed = event.filedOn === null ? Number.NaN : parseDay(event.filedOn);
  if (Number.isNaN(filed)) return input.todayDay;
  return Math.max(addBusinessDaysToDay(filed, input.lagBusinessDays), input.todayDay);
}

/** Reads the existing complaints: events for the estimator, taken days, uncertain complaints. */
export function readExistingComplaints(input: NormalizedPlanInput): ExistingComplaintFacts {
  const currentEvents: ComplaintEvent[] = [];
  const projectedEvents: ComplaintEvent[] = [];
  const complaintsByDay = new Map<number, Set<string>>();
  const holderDaySets = new Map<string, Set<number>>();
  const uncertain = new Set<string>();
  let lastProjectedDay = input.todayDay;
  // The daily cap and the holder merge apply to general complaints only: serious ones become
  // strikes, or (Taobao, Tmall) points with neither cap nor merge.
  const isScoredLikeGeneral = (event: ComplaintEvent) => event.severity === 'general';

  for (const complaint of input.complaints) {
    const event = toEvent(complaint);
    currentEvents.push(event);
    let projected = event;
    if (event.status === 'submitted') {
      const day = expectedEstablishmentDay(event, input);
      projected = { ...event, status: 'removed', establishedOn: formatDay(day) };
    } else if (UNCERTAIN_STATUSES.includes(event.status)) {
      uncertain.add(event.complaintId);
    }
    projectedEvents.push(projected);

    if (projected.status !== 'removed' || projected.establishedOn === null) continue;
    const day = parseDay(projected.establishedOn);
    if (Number.isNaN(day) || !isScoredLikeGeneral(projected)) continue;
    lastProjectedDay = Math.max(lastProjectedDay, day);
    if (day >= input.todayDay) {
      const complaints = complaintsByDay.get(day) ?? new Set<string>();
      complaints.add(projected.complaintId);
      complaintsByDay.set(day, complaints);
    }
    const days = holderDaySets.get(projected.artistId) ?? new Set<number>();
    days.add(day);
    holderDaySets.set(projected.artistId, days);
  }

  const loadByDay = new Map<number, number>();
  for (const [day, complaints] of complaintsByDay) loadByDay.set(day, complaints.size);
  const holderDays = new Map<string, number[]>();
  for (const [artistId, days] of holderDaySets) {
    holderDays.set(
      artistId,
      [...days].sort((left, right) => left - right),
    );
  }
  return {
    currentEvents,
    projectedEvents,
    loadByDay,
    holderDays,
    uncertainComplaintIds: [...uncertain].sort(),
    lastProjectedDay,
  };
}
