import type { EstablishmentSlot, MemberCalendar } from './campaign-days';
import type { PlanningUnit } from './listing-eligibility';

/** IPP's "Option 2" field takes at most this many listing URLs per complaint. */
export const MAX_LISTINGS_PER_COMPLAINT = 300;

/** What the scheduler must respect, besides the members' calendars. */
export interface ScheduleSettings {
  /** Establishment days reachable from today, up to the last allowed day, ascending. */
  slots: readonly EstablishmentSlot[];
  /** Complaints a day can take and still count in full (Infinity without a daily cap). */
  capacityPerDay: number;
  /** Same-holder merge window in days (0 when the ruleset has none). */
  holderMergeDays: number;
  /** Existing complaints established or expected per day. */
  loadByDay: ReadonlyMap<number, number>;
  /** Days on which each holder's existing complaints are established or expected. */
  holderDays: ReadonlyMap<string, readonly number[]>;
  calendars: ReadonlyMap<string, MemberCalendar>;
}

/** One complaint placed on a filing day. */
export interface ScheduledComplaint {
  unit: PlanningUnit;
  /** Sorted, 1–300 listings of the unit, disjoint from the unit's other complaints. */
  listingIds: string[];
  part: number;
  partCount: number;
  fileDay: number;
  establishDay: number;
  /** The establishment day was chosen so that it counts in full. */
  isOnOwnDay: boolean;
  /** The unit was split beyond the 300-listing limit to give the goal more establishment days. */
  isSplitForGoal: boolean;
}

export interface ScheduleResult {
  /** In unit order, then part order. */
  complaints: ScheduledComplaint[];
  /** Listings no filing day could be found for (their member has no available day left). */
  unscheduled: { unit: PlanningUnit; listingIds: string[] }[];
}

/** Fewest complaints a unit's listings fit in. */
export function minimumComplaints(unit: PlanningUnit): number {
  return Math.ceil(unit.listingIds.length / MAX_LISTINGS_PER_COMPLAINT);
}

interface Placement {
  fileDay: number;
  establishDay: number;
  isOnOwnDay: boolean;
}

interface UnitState {
  unit: PlanningUnit;
  order: number;
  minimum: number;
  placements: Placement[];
}

/** Splits sorted ids into `count` contiguous runs whose sizes differ by at most one. */
function splitEvenly(ids: readonly string[], count: number): string[][] {
  const runs: string[][] = [];
  const base = Math.floor(ids.length / count);
  const larger = ids.length % count;
  let start = 0;
  for (let index = 0; index < count; index += 1) {
    const size = base + (index < larger ? 1 : 0);
    runs.push(ids.slice(start, start + size));
    start += size;
  }
  return runs;
}

/*
 * Who gets a free day first: a unit still without its own complaint(s), then the member with the
 * fewest complaints so far (so that extra complaints are shared among members rather than piled
 * on whoever has the most artworks), then the unit with the fewest, then unit order.
 */
function comesBefore(
  state: UnitState,
  other: UnitState,
  placedByMember: ReadonlyMap<string, number>,
): boolean {
  const isMandatory = state.placements.length < state.minimum;
  const isOtherMandatory = other.placements.length < other.minimum;
  if (isMandatory !== isOtherMandatory) return isMandatory;
  const byMember =
    (placedByMember.get(state.unit.artistId) ?? 0) - (placedByMember.get(other.unit.artistId) ?? 0);
  if (byMember !== 0) return byMember < 0;
  const byUnit = state.placements.length - other.placements.length;
  if (byUnit !== 0) return byUnit < 0;
  return state.order < other.order;
}

function hasPlacementOn(state: UnitState, day: number): boolean {
  return state.placements.some((placement) => placement.establishDay === day);
}

/** The working state of one scheduling attempt. */
class Scheduler {
  readonly states: UnitState[];
  private readonly placedByMember = new Map<string, number>();
  /** Own-day establishments planned per holder, for the merge window. */
  private readonly plannedByHolder = new Map<string, number[]>();

  constructor(
    private readonly settings: ScheduleSettings,
    units: readonly PlanningUnit[],
  ) {
    for (const calendar of settings.calendars.values()) calendar.reset();
    this.states = units.map((unit, order) => ({
      unit,
      order,
      minimum: minimumComplaints(unit),
      placements: [],
    }));
  }

  isHolderFree(artistId: string, day: number): boolean {
    const window = this.settings.holderMergeDays;
    if (window <= 0) return true;
    // A complaint of the same holder within the window on either side would absorb this one,
    // or be absorbed by it: either way the pair adds the points of one.
    const near = (other: number) => Math.abs(day - other) < window;
    return (
      !(this.plannedByHolder.get(artistId) ?? []).some(near) &&
      !(this.settings.holderDays.get(artistId) ?? []).some(near)
    );
  }

  place(state: UnitState, slot: EstablishmentSlot, fileDay: number, isOnOwnDay: boolean): void {
    const { artistId } = state.unit;
    state.placements.push({ fileDay, establishDay: slot.day, isOnOwnDay });
    this.placedByMember.set(artistId, (this.placedByMember.get(artistId) ?? 0) + 1);
    this.settings.calendars.get(artistId)?.recordFiling(fileDay);
    if (isOnOwnDay)
      this.plannedByHolder.set(artistId, [...(this.plannedByHolder.get(artistId) ?? []), slot.day]);
  }

  /** Walks the days in order, filling each day's free capacity by `comesBefore`. */
  walk(extraComplaints: number): void {
    const { settings, states } = this;
    let mandatoryLeft = states.reduce((sum, state) => sum + state.minimum, 0);
    let extraLeft = extraComplaints;
    for (const slot of settings.slots) {
      if (mandatoryLeft === 0 && extraLeft === 0) break;
      let capacityLeft = settings.capacityPerDay - (settings.loadByDay.get(slot.day) ?? 0);
      while (capacityLeft > 0) {
        let best: UnitState | null = null;
        let bestFileDay = 0;
        for (const state of states) {
          const placed = state.placements.length;
          const isMandatory = placed < state.minimum;
          if (!isMandatory && (extraLeft === 0 || placed >= state.unit.listingIds.length)) continue;
          if (best !== null && !comesBefore(state, best, this.placedByMember)) continue;
          if (hasPlacementOn(state, slot.day)) continue;
          if (!this.isHolderFree(state.unit.artistId, slot.day)) continue;
          const fileDay =
            settings.calendars.get(state.unit.artistId)?.firstFilingDay(slot.filingDays) ?? null;
          if (fileDay === null) continue;
          best = state;
          bestFileDay = fileDay;
        }
        if (best === null) break;
        if (best.placements.length < best.minimum) mandatoryLeft -= 1;
        else extraLeft -= 1;
        this.place(best, slot, bestFileDay, true);
        capacityLeft -= 1;
      }
    }
  }

  /** The earliest day the member can file for, shared or not; false when there is none. */
  placeOnSharedDay(state: UnitState): boolean {
    const calendar = this.settings.calendars.get(state.unit.artistId);
    if (calendar === undefined) return false;
    for (const slot of this.settings.slots) {
      if (hasPlacementOn(state, slot.day)) continue;
      const fileDay = calendar.firstFilingDay(slot.filingDays);
      if (fileDay === null) continue;
      this.place(state, slot, fileDay, false);
      return true;
    }
    return false;
  }
}

/**
 * Places complaints on the earliest establishment days on which they count in full: walks the
 * days in order and gives each day's free capacity by `comesBefore`, provided the member can file
 * for that day and no complaint of the same holder is within the merge window.
 *
 * Every unit gets its minimum number of complaints (one, or more above 300 listings); besides,
 * up to `extraComplaints` further complaints are split off units to give the goal more
 * distinct establishment days. The listings of a unit are shared evenly among its complaints
 * only at the end, since where a complaint goes does not depend on which listings it holds.
 * Units still short of their minimum are served before extra complaints on every day, so an
 * extra complaint never takes a day such a unit could have used; a unit that still finds no day
 * of its own before the last slot falls back to the earliest day its member can file, marked as
 * not on its own day: its listings still deserve a complaint.
 */
export function scheduleComplaints(
  settings: ScheduleSettings,
  units: readonly PlanningUnit[],
  extraComplaints: number,
): ScheduleResult {
  const scheduler = new Scheduler(settings, units);
  scheduler.walk(extraComplaints);
  const unplaced = new Map<UnitState, number>();
  for (const state of scheduler.states) {
    let missing = state.minimum - state.placements.length;
    while (missing > 0 && scheduler.placeOnSharedDay(state)) missing -= 1;
    if (missing > 0) unplaced.set(state, missing);
  }

  const complaints: ScheduledComplaint[] = [];
  const unscheduled: ScheduleResult['unscheduled'] = [];
  for (const state of scheduler.states) {
    const placements = state.placements.slice().sort((left, right) => left.fileDay - right.fileDay);
    const runs = splitEvenly(state.unit.listingIds, placements.length + (unplaced.get(state) ?? 0));
    placements.forEach((placement, index) => {
      complaints.push({
        unit: state.unit,
        listingIds: runs[index]!,
        part: index + 1,
        partCount: placements.length,
        fileDay: placement.fileDay,
        establishDay: placement.establishDay,
        isOnOwnDay: placement.isOnOwnDay,
        isSplitForGoal: placements.length > state.minimum,
      });
    });
    const leftOver = runs.slice(placements.length).flat();
    if (leftOver.length > 0) unscheduled.push({ unit: state.unit, listingIds: leftOver });
  }
  return { complaints, unscheduled };
}
