import type { ComplaintEvent } from './complaint-event';
import { dayOfInstant, formatDay, formatDayStart, startOfYear, yearOfDay } from './day-numbers';
import { applyExpiry, createDayEntry, hasExpired } from './expiry';
import type { DayEntry } from './expiry';
import { explainItem } from './explanation';
import { PenaltyLedger, compareLedgerItems, createLedgerItem } from './ledger';
import type { LedgerItem } from './ledger';
import type { LadderStep, Ruleset } from './ruleset.schema';
import type {
  ExplanationEntry,
  StandingCounts,
  StandingEstimate,
  TimelineEntry,
} from './standing.types';
import { planTermination } from './termination-plan';

function findTiers(ladder: readonly LadderStep[], points: number) {
  let tier: LadderStep | null = null;
  let nextTier: LadderStep | null = null;
  for (const step of ladder) {
    if (step.points <= points) tier = step;
    else if (nextTier === null) nextTier = step;
  }
  return { tier: tier ? { ...tier } : null, nextTier: nextTier ? { ...nextTier } : null };
}

function countEstablished(confirmed: readonly LedgerItem[]): StandingCounts {
  if (confirmed.length === 0) {
    return {
      establishedComplaints: 0,
      establishedListings: 0,
      distinctArtists: 0,
      firstEstablishedOn: null,
      lastEstablishedOn: null,
    };
  }
  const complaints = new Set<string>();
  const artists = new Set<string>();
  for (const item of confirmed) {
    complaints.add(item.event.complaintId);
    artists.add(item.event.artistId);
  }
  return {
    establishedComplaints: complaints.size,
    establishedListings: confirmed.length,
    distinctArtists: artists.size,
    firstEstablishedOn: confirmed[0]?.date ?? null,
    lastEstablishedOn: confirmed[confirmed.length - 1]?.date ?? null,
  };
}

function toTimeline(days: readonly DayEntry[]): TimelineEntry[] {
  const timeline: TimelineEntry[] = new Array<TimelineEntry>(days.length);
  for (let index = 0; index < days.length; index += 1) {
    const entry = days[index]!;
    timeline[index] = {
      date: entry.date,
      pointsAdded: entry.pointsAdded,
      strikesAdded: entry.strikesAdded,
      runningTotal: entry.runningTotal,
      runningStrikes: entry.runningStrikes,
      expiresOn: entry.pointsExpireOn === null ? null : formatDay(entry.pointsExpireOn),
    };
  }
  return timeline;
}

/** Collects the earliest of several candidate days after `today`. */
class EarliestDay {
  value = Number.POSITIVE_INFINITY;
  constructor(private readonly today: number) {}
  offer(day: number | null | undefined): void {
    if (day === null || day === undefined) return;
    const next = Math.max(day, this.today + 1);
    if (next < this.value) this.value = next;
  }
}

/**
 * Estimates a seller's standing under one ruleset at `now`, from every complaint listing filed
 * against the seller. Pure and deterministic: the same events in any order give the same result.
 *
 * Established (`removed` with a date on or before `asOf`) events give confirmed points; events
 * in progress are shown apart as the points they would add if established on `asOf`, after
 * the same caps and merges, on top of the confirmed ones. The ledger's readings of the rules
 * are documented on {@link PenaltyLedger}; the termination figures on `planTermination`.
 */
export function estimateStanding(
  events: readonly ComplaintEvent[],
  ruleset: Ruleset,
  now: Date,
): StandingEstimate {
  const today = dayOfInstant(now);
  const asOf = formatDay(today);
  const items: LedgerItem[] = new Array<LedgerItem>(events.length);
  for (let index = 0; index < events.length; index += 1) {
    items[index] = createLedgerItem(events[index]!, today);
  }
  items.sort(compareLedgerItems);

  const ledger = new PenaltyLedger(ruleset);
  const confirmed: LedgerItem[] = [];
  const pending: LedgerItem[] = [];
  const days: DayEntry[] = [];
  let dayEntry: DayEntry | undefined;
  for (const item of items) {
    if (item.kind === 'pending') pending.push(item);
    if (item.kind !== 'confirmed') continue;
    confirmed.push(item);
    ledger.record(item);
    if (dayEntry?.day !== item.ledgerDay) {
      dayEntry = createDayEntry(item.ledgerDay, item.date ?? formatDay(item.ledgerDay));
      days.push(dayEntry);
    }
    item.dayEntry = dayEntry;
    if (item.effect === 'counted') dayEntry.pointsAdded += item.points;
    else if (item.effect === 'strike') dayEntry.strikesAdded += 1;
  }
  const pointsUsedToday = ledger.pointsUsedOn(today);

  const validity = applyExpiry(days, ruleset, today);
  const nextChange = new EarliestDay(today);
  const countingDays: DayEntry[] = [];
  let pointsStartExpiringOn: number | null = null;
  for (const entry of days) {
    const expiresOn = entry.pointsExpireOn;
    if (!hasExpired(expiresOn, today)) {
      // Every expiry changes an explanation outcome, even of a day that added 0 points.
      nextChange.offer(expiresOn);
      if (entry.pointsAdded > 0) {
        countingDays.push(entry);
        if (
          expiresOn !== null &&
          (pointsStartExpiringOn === null || expiresOn < pointsStartExpiringOn)
        ) {
          pointsStartExpiringOn = expiresOn;
        }
      }
    }
    if (entry.strikesAdded > 0 && !hasExpired(entry.strikesExpireOn, today)) {
      nextChange.offer(entry.strikesExpireOn);
    }
  }

  // Pending events sort by filing date; the ledger needs them by the day they would count.
  pending.sort((left, right) => left.ledgerDay - right.ledgerDay);
  let pendingPoints = 0;
  let pendingStrikes = 0;
  let hasPendingToday = false;
  let hasPendingLater = false;
  for (const item of pending) {
    ledger.record(item);
    if (item.effect === 'counted') pendingPoints += item.points;
    if (item.effect === 'strike') pendingStrikes += 1;
    if (item.ledgerDay > today) {
      hasPendingLater = true;
      nextChange.offer(item.ledgerDay);
    } else {
      hasPendingToday = true;
    }
    // A pending estimate held down by confirmed facts changes when their hold lapses.
    const related = item.related;
    if (related?.kind === 'confirmed') {
      if (item.effect === 'merged_holder') {
        nextChange.offer(related.ledgerDay + (ruleset.sameHolderMergeDays ?? 0));
      } else if (item.effect === 'strike_merged') {
        nextChange.offer(related.ledgerDay + (ruleset.strikeMergeDays ?? 0));
      } else {
        nextChange.offer(today + 1);
      }
    }
    if (item.usedBefore > 0 && pointsUsedToday > 0) nextChange.offer(today + 1);
  }
  // In-progress complaints are placed on `asOf`, which moves closer every day to a removal
  // dated in the future, so merges between the two can change from one day to the next.
  if (hasPendingToday && hasPendingLater) nextChange.offer(today + 1);

  const strikesToClosure = ruleset.strikesToClosure;
  const isTerminated =
    validity.points >= ruleset.terminationPoints ||
    (strikesToClosure !== null && validity.strikes >= strikesToClosure);
  const plan = isTerminated
    ? { complaintsNeeded: 0, distinctDaysNeeded: 0, spanDays: 0 }
    : planTermination({
        ruleset,
        today,
        currentPoints: validity.points,
        pointsUsedToday,
        countingDays,
      });
  if (!isTerminated) {
    // The plan looks `spanDays` ahead; it can change once an expiry or reset enters that view.
    if (pointsUsedToday > 0) nextChange.offer(today + 1);
    if (pointsStartExpiringOn !== null) nextChange.offer(pointsStartExpiringOn - plan.spanDays + 1);
    if (ruleset.expiry.kind === 'calendar_year') {
      nextChange.offer(startOfYear(yearOfDay(today) + 1) - plan.spanDays + 1);
    }
  }

  const context = { ruleset, asOf, today };
  const explanation: ExplanationEntry[] = new Array<ExplanationEntry>(items.length);
  for (let index = 0; index < items.length; index += 1) {
    explanation[index] = explainItem(items[index]!, context);
  }
  return {
    rulesetId: ruleset.id,
    isEstimate: true,
    asOf,
    confirmedPoints: validity.points,
    pendingPoints,
    strikes: validity.strikes,
    pendingStrikes,
    strikesToClosure,
    terminationPoints: ruleset.terminationPoints,
    ...findTiers(ruleset.ladder, validity.points),
    remainingPoints: isTerminated ? 0 : Math.max(0, ruleset.terminationPoints - validity.points),
    isTerminated,
    terminationReachedOn:
      validity.terminationReachedOn === null ? null : formatDay(validity.terminationReachedOn),
    complaintsNeeded: plan.complaintsNeeded,
    distinctDaysNeeded: plan.distinctDaysNeeded,
    pointsStartExpiringOn: pointsStartExpiringOn === null ? null : formatDay(pointsStartExpiringOn),
    nextChangeAt: Number.isFinite(nextChange.value) ? formatDayStart(nextChange.value) : null,
    counts: countEstablished(confirmed),
    timeline: toTimeline(days),
    explanation,
  };
}
