import { addDays, dayNumber, fromDayNumber, planCampaign } from '@counterpoint/core';
import type { CampaignPlan, IsoDate, PlanInput } from '@counterpoint/core';

/** Re-plans of one store allowed while fitting members' weekly limits across stores. */
const MAX_ATTEMPTS = 12;

export interface SellerPlan {
  sellerId: string;
  /** The input the plan was made from (with the weeks blocked for weekly limits). */
  input: PlanInput;
  plan: CampaignPlan;
}

/** Monday-to-Sunday week index of a day (1970-01-05 was a Monday). */
function weekOf(day: IsoDate): number {
  return Math.floor((dayNumber(day) - 4) / 7);
}

function daysOfWeek(week: number): IsoDate[] {
  const monday = fromDayNumber(week * 7 + 4);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

type WeekCounts = Map<string, Map<number, number>>;

function add(counts: WeekCounts, artistId: string, day: IsoDate): void {
  const weeks = counts.get(artistId) ?? new Map<number, number>();
  const week = weekOf(day);
  weeks.set(week, (weeks.get(week) ?? 0) + 1);
  counts.set(artistId, weeks);
}

/** The input with these members' blocked weeks made unavailable (from today on). */
function withBlockedWeeks(input: PlanInput, blocked: ReadonlyMap<string, Set<number>>): PlanInput {
  if (blocked.size === 0) return input;
  return {
    ...input,
    members: input.members.map((member) => {
      const weeks = blocked.get(member.artistId);
      if (!weeks) return member;
      const days = [...weeks].flatMap(daysOfWeek).filter((day) => day >= input.today);
      return {
        ...member,
        unavailableDates: [...new Set([...member.unavailableDates, ...days])].sort(),
      };
    }),
  };
}

/**
 * Plans each target store on its own, in id order, so that the whole campaign respects each
 * member's weekly limit: complaints already filed this week and those planned for earlier
 * stores count against it. When a store's plan would push a member over their limit in some
 * week, that week is closed to the member for this store and the store is planned again
 * (conservative: the week's spare capacity is given up, the limit is never broken).
 *
 * @param filedOn - Days on which each member filed this campaign's tasks.
 */
export function planSellers(
  inputs: readonly PlanInput[],
  filedOn: ReadonlyMap<string, readonly IsoDate[]>,
): { plans: SellerPlan[]; warnings: string[] } {
  const used: WeekCounts = new Map();
  const today = inputs[0]?.today;
  for (const [artistId, days] of filedOn) {
    for (const day of days)
      if (today !== undefined && weekOf(day) >= weekOf(today)) add(used, artistId, day);
  }
  const plans: SellerPlan[] = [];
  const overLimit = new Set<string>();
  const ordered = [...inputs].sort((left, right) => (left.sellerId < right.sellerId ? -1 : 1));

  for (const base of ordered) {
    const limits = new Map(base.members.map((member) => [member.artistId, member.maxPerWeek]));
    const blocked = new Map<string, Set<number>>();
    /** Members whose planned tasks of this store go over their limit in some week. */
    const findOver = (plan: CampaignPlan): Map<string, number[]> => {
      const planned: WeekCounts = new Map();
      for (const task of plan.tasks) add(planned, task.artistId, task.fileOn);
      const over = new Map<string, number[]>();
      for (const [artistId, weeks] of planned) {
        const limit = limits.get(artistId);
        if (limit === null || limit === undefined) continue;
        const full = [...weeks]
          .filter(([week, count]) => count + (used.get(artistId)?.get(week) ?? 0) > limit)
          .map(([week]) => week);
        if (full.length > 0) over.set(artistId, full);
      }
      return over;
    };
    let input = base;
    let plan = planCampaign(input);
    let over = findOver(plan);
    for (let attempt = 1; attempt < MAX_ATTEMPTS && over.size > 0; attempt += 1) {
      for (const [artistId, weeks] of over) {
        const closed = blocked.get(artistId) ?? new Set<number>();
        for (const week of weeks) closed.add(week);
        blocked.set(artistId, closed);
      }
      input = withBlockedWeeks(base, blocked);
      plan = planCampaign(input);
      over = findOver(plan);
    }
    for (const artistId of over.keys()) overLimit.add(artistId);
    for (const task of plan.tasks) add(used, task.artistId, task.fileOn);
    plans.push({ sellerId: base.sellerId, input, plan });
  }

  const names = new Map(
    inputs.flatMap((input) => input.members).map((member) => [member.artistId, member.name]),
  );
  const warnings = [...overLimit]
    .sort()
    .map(
      (artistId) =>
        `${names.get(artistId) ?? artistId}'s tasks across the target stores go over their weekly limit in some week; they may leave the extra ones for the following week.`,
    );
  return { plans, warnings };
}
