import { startOfYear, yearOfDay } from './day-numbers';
import type { DayEntry } from './expiry';
import type { Ruleset } from './ruleset.schema';

/** How far ahead the plan looks before calling termination unreachable (two years). */
const SEARCH_LIMIT_DAYS = 2 * 366;

/** What it would take, from `today`, to bring the seller to the termination threshold. */
export interface TerminationPlan {
  /** Fewest further established general complaints, or null when unreachable. */
  complaintsNeeded: number | null;
  /** Fewest distinct establishment days, or null when unreachable. */
  distinctDaysNeeded: number | null;
  /** Calendar days (from today, inclusive) the longer of the two plans spans; 0 if none. */
  spanDays: number;
}

export interface TerminationPlanInput {
  ruleset: Ruleset;
  today: number;
  /** Confirmed points counting today. */
  currentPoints: number;
  /** General points already counted today (they use up part of today's cap). */
  pointsUsedToday: number;
  /** Established days whose points still count, in day order. */
  countingDays: readonly DayEntry[];
}

interface SimulatedPlan {
  complaints: number;
  activeDays: number;
  spanDays: number;
}

const bestPointsByRuleset = new WeakMap<Ruleset, number>();

/** The most one general complaint is worth (the plan assumes the best IPR type is used). */
function bestGeneralPoints(ruleset: Ruleset): number {
  let best = bestPointsByRuleset.get(ruleset);
  if (best === undefined) {
    const { copyright, trademark, patent } = ruleset.points.general;
    best = Math.max(copyright, trademark, patent);
    bestPointsByRuleset.set(ruleset, best);
  }
  return best;
}

/*
 * Day-by-day simulation: complaints are established from today on, as early as possible, while
 * confirmed points expire (or reset at the year end) on schedule. Two separate minimums:
 * - fewest complaints: only complaints that count in full are placed (a complaint is worth
 *   min(points, cap)), so a day takes floor(cap / points) of them when points are below the cap;
 * - fewest days: every day is filled up to the cap, with as many complaints as that takes.
 * Both assume enough rights holders to avoid same-holder merges. With the default rulesets
 * (6 points, cap 6) the two plans coincide. Strikes are not part of either plan.
 */
function simulate(
  input: TerminationPlanInput,
  isCountingComplaints: boolean,
): SimulatedPlan | null {
  const { ruleset, today, countingDays } = input;
  const pointsPerComplaint = bestGeneralPoints(ruleset);
  if (pointsPerComplaint <= 0) return null;
  const cap = ruleset.dailyCap ?? Number.POSITIVE_INFINITY;
  const bestComplaint = Math.min(pointsPerComplaint, cap);
  const target = ruleset.terminationPoints;
  const { expiry } = ruleset;

  let total = input.currentPoints;
  let nextToExpire = 0;
  // Points the plan adds expire too, which matters only for plans longer than the window.
  let added: { day: number; points: number }[] | null = null;
  let nextAddedToExpire = 0;
  let nextYearStart = startOfYear(yearOfDay(today) + 1);
  let complaints = 0;
  let activeDays = 0;

  for (let offset = 0; offset < SEARCH_LIMIT_DAYS; offset += 1) {
    const day = today + offset;
    if (expiry.kind === 'rolling') {
      for (let entry = countingDays[nextToExpire]; entry && entry.day + expiry.days <= day;) {
        total -= entry.pointsAdded;
        nextToExpire += 1;
        entry = countingDays[nextToExpire];
      }
      for (let entry = added?.[nextAddedToExpire]; entry && entry.day + expiry.days <= day;) {
        total -= entry.points;
        nextAddedToExpire += 1;
        entry = added?.[nextAddedToExpire];
      }
    } else if (day === nextYearStart) {
      if (expiry.keepAtOrAbove === null || total < expiry.keepAtOrAbove) total = 0;
      nextYearStart = startOfYear(yearOfDay(day) + 1);
    }

    let capacity = offset === 0 ? cap - input.pointsUsedToday : cap;
    let gained = 0;
    const needed = target - total;
    if (isCountingComplaints) {
      while (gained < needed) {
        const rest = needed - gained;
        const gain = Math.min(pointsPerComplaint, capacity, rest);
        if (gain <= 0 || gain < Math.min(bestComplaint, rest)) break;
        gained += gain;
        capacity -= gain;
        complaints += 1;
      }
    } else {
      gained = Math.max(0, Math.min(capacity, needed));
    }
    if (gained > 0) {
      activeDays += 1;
      total += gained;
      if (expiry.kind === 'rolling') {
        added ??= [];
        added.push({ day, points: gained });
      }
    }
    if (total >= target) return { complaints, activeDays, spanDays: offset + 1 };
  }
  return null;
}

/**
 * The fewest further established complaints and distinct days needed to reach termination,
 * taking the daily cap, today's already-used cap and the expiry of counted points into account.
 */
export function planTermination(input: TerminationPlanInput): TerminationPlan {
  if (input.currentPoints >= input.ruleset.terminationPoints) {
    return { complaintsNeeded: 0, distinctDaysNeeded: 0, spanDays: 0 };
  }
  const byComplaints = simulate(input, true);
  const byDays = simulate(input, false);
  return {
    complaintsNeeded: byComplaints?.complaints ?? null,
    distinctDaysNeeded: byDays?.activeDays ?? null,
    spanDays: Math.max(
      byComplaints?.spanDays ?? SEARCH_LIMIT_DAYS,
      byDays?.spanDays ?? SEARCH_LIMIT_DAYS,
    ),
  };
}
