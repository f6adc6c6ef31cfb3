import type { IsoDate } from '../domain';
import { formatDay } from '../penalty/day-numbers';
import type { Ruleset } from '../penalty/ruleset.schema';
import type { ScheduledComplaint } from './schedule-complaints';
import { MAX_LISTINGS_PER_COMPLAINT } from './schedule-complaints';
import { plural } from './plural';

/** What every task sentence may refer to. */
export interface ExplanationContext {
  ruleset: Ruleset;
  goalPoints: number;
  /** Distinct planned establishment days the goal needs (0 when none). */
  goalDays: number;
  endsOn: IsoDate | null;
}

/** Why these listings, beyond "they copy the artwork": retries and counter-noticed ones. */
function describeListingHistory(complaint: ScheduledComplaint): string {
  const notes: string[] = [];
  const retried = complaint.listingIds.filter((id) => complaint.unit.retriedListingIds.has(id));
  const compensating = complaint.listingIds.filter((id) =>
    complaint.unit.compensatingListingIds.has(id),
  );
  if (retried.length > 0) {
    notes.push(
      `${plural(retried.length, 'was', 'were')} left "unable to process" by an earlier complaint and ${retried.length === 1 ? 'is' : 'are'} still online`,
    );
  }
  if (compensating.length > 0) {
    notes.push(
      `${plural(compensating.length, 'has', 'have')} a complaint by another rights holder or artwork that the seller counter-noticed, which no longer counts`,
    );
  }
  return notes.length === 0 ? '' : ` (of which ${notes.join(', and ')})`;
}

function describeSplit(complaint: ScheduledComplaint, context: ExplanationContext): string {
  if (complaint.partCount === 1) return '';
  const name = complaint.unit.memberName;
  const part = `part ${complaint.part} of ${complaint.partCount} of ${name}'s ${complaint.unit.listingIds.length} listings for this artwork`;
  if (!complaint.isSplitForGoal) {
    return `; ${part}, split because IPP takes at most ${MAX_LISTINGS_PER_COMPLAINT} listings a complaint`;
  }
  const reason =
    context.goalDays > 0
      ? `reaching ${context.goalPoints} points takes establishments on ${plural(context.goalDays, 'more distinct day')}`
      : `more establishment days bring the seller closer to ${context.goalPoints} points`;
  return `; ${part}, split because ${reason} and each part is a complete complaint about its own listings`;
}

function describeDay(complaint: ScheduledComplaint, context: ExplanationContext): string {
  const { ruleset } = context;
  const name = complaint.unit.memberName;
  const removal = `puts the expected removal on ${formatDay(complaint.establishDay)}`;
  if (!complaint.isOnOwnDay) {
    const limit =
      context.endsOn === null ? 'within the planning horizon' : `before ${context.endsOn}`;
    return `${removal}, the earliest day ${name} can file for, as no establishment day of its own was left ${limit}: its points may be absorbed by another complaint, but it still gets these listings removed`;
  }
  const cap = ruleset.dailyCap;
  const window = ruleset.sameHolderMergeDays;
  const conditions: string[] = [];
  if (cap !== null) conditions.push('has no other establishment against this seller');
  if (window !== null) {
    conditions.push(`is at least ${plural(window, 'day')} from ${name}'s other establishments`);
  }
  const earliest = `the earliest day open to ${name}`;
  if (conditions.length === 0) return `${removal}, ${earliest}`;
  const effect =
    cap !== null && window !== null
      ? 'neither the daily cap nor the same-holder merge window absorbs its points'
      : cap !== null
        ? `the ${cap}-point daily cap leaves its points intact`
        : 'the same-holder merge window does not fold it into another complaint';
  return `${removal}, ${earliest} that ${conditions.join(' and ')}, so ${effect}`;
}

/**
 * One sentence saying why this member files these listings on this day. It always states the
 * ground rule's facts (own sightings, approved IPR) so that the task reads as what it is.
 */
export function explainComplaint(
  complaint: ScheduledComplaint,
  context: ExplanationContext,
): string {
  const { unit } = complaint;
  const reference = unit.iprReference === null ? '' : `, reference ${unit.iprReference}`;
  return (
    `${unit.memberName} reports ${plural(complaint.listingIds.length, 'listing')} copying "${unit.artworkTitle}" ` +
    `(IPR approved${reference}), all from ${unit.memberName}'s own sightings${describeListingHistory(complaint)}` +
    `${describeSplit(complaint, context)}; filing on ${formatDay(complaint.fileDay)} ${describeDay(complaint, context)}.`
  );
}
