import { parseDay } from '../penalty/day-numbers';
import type { CampaignMember } from './plan.types';

/*
 * Day arithmetic on day numbers (days since 1970-01-01 UTC, as `dayNumber` in ../dates). The
 * planner tries thousands of (member, day) pairs per plan, so it works on numbers and formats
 * dates only for its output.
 */

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isBusinessDay(day: number): boolean {
  const weekday = weekdayOfDay(day);
  return weekday !== 0 && weekday !== 6;
}

/** The day `count` business days after `day`, as `addBusinessDays` in ../dates. */
export function addBusinessDaysToDay(day: number, count: number): number {
  let current = day;
  let remaining = count;
  while (remaining > 0) {
    current += 1;
    if (isBusinessDay(current)) remaining -= 1;
  }
  return current;
}

/** Index of the Monday-to-Sunday week a day falls in (1970-01-05, day 4, was a Monday). */
export function weekOfDay(day: number): number {
  return Math.floor((day - 4) / 7);
}

/** A day on which complaints may be established, and the filing days that lead to it. */
export interface EstablishmentSlot {
  day: number;
  /** Filing days (today or later) whose expected establishment is `day`, ascending. */
  filingDays: number[];
}

/**
 * Every establishment day reachable by filing from `firstFilingDay` on, up to `lastDay`.
 * Establishment is monotone in the filing day, so filing days group into consecutive runs
 * (with a 3-day lag, Friday, Saturday and Sunday all lead to Wednesday).
 */
export function buildEstablishmentSlots(
  firstFilingDay: number,
  lastDay: number,
  lagBusinessDays: number,
): EstablishmentSlot[] {
  const slots: EstablishmentSlot[] = [];
  let current: EstablishmentSlot | undefined;
  for (let filingDay = firstFilingDay; ; filingDay += 1) {
    const day = addBusinessDaysToDay(filingDay, lagBusinessDays);
    if (day > lastDay) break;
    if (current?.day !== day) {
      current = { day, filingDays: [] };
      slots.push(current);
    }
    current.filingDays.push(filingDay);
  }
  return slots;
}

/** When one member can file, and how many complaints they already have in each week. */
export class MemberCalendar {
  private readonly unavailableWeekdays: ReadonlySet<number>;
  private readonly unavailableDays: ReadonlySet<number>;
  private readonly filedPerWeek = new Map<number, number>();

  constructor(readonly member: CampaignMember) {
    this.unavailableWeekdays = new Set(member.unavailableWeekdays);
    this.unavailableDays = new Set(member.unavailableDates.map(parseDay));
  }

  /** False when no day could ever suit the member (every weekday off, or a limit of 0). */
  get canEverFile(): boolean {
    const { maxPerWeek } = this.member;
    return this.unavailableWeekdays.size < 7 && (maxPerWeek === null || maxPerWeek > 0);
  }

  /** The member is available on `day` and still under their weekly limit. */
  canFileOn(day: number): boolean {
    if (this.unavailableWeekdays.has(weekdayOfDay(day)) || this.unavailableDays.has(day)) {
      return false;
    }
    const { maxPerWeek } = this.member;
    return maxPerWeek === null || (this.filedPerWeek.get(weekOfDay(day)) ?? 0) < maxPerWeek;
  }

  /** The first of `days` the member can file on, or null. */
  firstFilingDay(days: readonly number[]): number | null {
    for (const day of days) if (this.canFileOn(day)) return day;
    return null;
  }

  recordFiling(day: number): void {
    const week = weekOfDay(day);
    this.filedPerWeek.set(week, (this.filedPerWeek.get(week) ?? 0) + 1);
  }

  /** Forgets recorded filings, so that the calendar can serve another scheduling attempt. */
  reset(): void {
    this.filedPerWeek.clear();
  }
}
