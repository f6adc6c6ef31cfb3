import { formatDay } from '../penalty/day-numbers';
import type { MemberCalendar } from './campaign-days';
import type { PlanningUnit } from './listing-eligibility';
import type { NormalizedPlanInput } from './normalize-input';
import { plural } from './plural';

export interface WarningFacts {
  /** Complaints counter-noticed, answered or awaiting information: not counted. */
  uncertain: number;
  unscheduled: readonly { unit: PlanningUnit; listingIds: string[] }[];
  /** Tasks that could not get an establishment day of their own. */
  notOwnDay: number;
  /** Projected confirmed points today. */
  pointsToday: number;
  /** Planned complaints whose points lapse before the goal is reached. */
  expiredBeforeGoal: number;
  /** Last day establishments may fall on. */
  lastDay: number;
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Everything the people running the campaign should know before following the plan. */
export function collectWarnings(
  input: NormalizedPlanInput,
  calendars: ReadonlyMap<string, MemberCalendar>,
  scopeWarnings: readonly string[],
  facts: WarningFacts,
): string[] {
  const warnings = [...scopeWarnings];
  const { ruleset } = input;

  const idle = [...calendars.values()].filter((calendar) => !calendar.canEverFile);
  if (idle.length > 0) {
    warnings.push(
      `${listNames(idle.map((calendar) => calendar.member.name))} ${idle.length === 1 ? 'has' : 'have'} no day to file on (every weekday unavailable or a weekly limit of 0), so no task is planned for ${idle.length === 1 ? 'them' : 'these members'}.`,
    );
  }
  if (facts.uncertain > 0) {
    warnings.push(
      `${plural(facts.uncertain, 'complaint is', 'complaints are')} counter-noticed or awaiting information and not counted as established; the plan makes up for ${facts.uncertain === 1 ? 'it' : 'them'} with other complaints where it can.`,
    );
  }
  if (facts.unscheduled.length > 0) {
    const listings = facts.unscheduled.reduce((sum, item) => sum + item.listingIds.length, 0);
    const names = [...new Set(facts.unscheduled.map((item) => item.unit.memberName))];
    warnings.push(
      `${plural(listings, 'listing')} of ${listNames(names)} could not be given a filing day on or before ${formatDay(facts.lastDay)}: no available day is left for ${names.length === 1 ? 'that member' : 'those members'}.`,
    );
  }
  if (facts.notOwnDay > 0) {
    const limit = input.endsOn === null ? 'within the planning horizon' : `before ${input.endsOn}`;
    warnings.push(
      `${plural(facts.notOwnDay, 'complaint', 'complaints')} could not get an establishment day of ${facts.notOwnDay === 1 ? 'its' : 'their'} own ${limit}; ${facts.notOwnDay === 1 ? 'it is' : 'they are'} still planned so that the listings come down, but ${facts.notOwnDay === 1 ? 'its' : 'their'} points may be capped or merged.`,
    );
  }
  if (facts.expiredBeforeGoal > 0) {
    const lapse =
      ruleset.expiry.kind === 'rolling'
        ? `their points expire after ${ruleset.expiry.days} days`
        : 'the yearly reset on 1 January clears their points';
    warnings.push(
      `${plural(facts.expiredBeforeGoal, 'planned complaint does', 'planned complaints do')} not count toward the goal because ${lapse} before it is reached; they still get their listings removed.`,
    );
  }
  if (facts.pointsToday >= input.goalPoints) {
    warnings.push(
      `The estimate already reaches the goal of ${input.goalPoints} points today; the tasks report the remaining listings.`,
    );
  }
  if (!ruleset.ladder.some((step) => step.points === input.goalPoints)) {
    warnings.push(
      `The goal of ${input.goalPoints} points is not a step of the ${ruleset.id} ladder; it is planned for as given.`,
    );
  }
  return warnings;
}
