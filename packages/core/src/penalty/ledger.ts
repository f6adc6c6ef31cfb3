import type { IsoDate } from '../domain';
import type { ComplaintEvent } from './complaint-event';
import { isPendingStatus } from './complaint-event';
import { parseDay } from './day-numbers';
import type { DayEntry } from './expiry';
import type { Ruleset } from './ruleset.schema';

/**
 * How the estimate treats an event:
 * `confirmed`: removed on or before `asOf`; `pending`: in progress, or removed with a date after
 * `asOf`; `inert`: can never add anything (draft, unable to process, restored, withdrawn,
 * removed without a usable date).
 */
export type LedgerKind = 'confirmed' | 'pending' | 'inert';

/** What the ledger did with an event, before expiry is taken into account. */
export type LedgerEffect =
  'none' | 'counted' | 'capped' | 'merged_complaint' | 'merged_holder' | 'strike' | 'strike_merged';

/** Working record of one event through the estimate. Internal to the penalty module. */
export interface LedgerItem {
  readonly event: ComplaintEvent;
  readonly kind: LedgerKind;
  /** Date shown in the explanation, and its day number (Infinity when null) for sorting. */
  readonly date: IsoDate | null;
  readonly sortDay: number;
  /** Day the event takes effect in the ledger: its establishment day, or `asOf` if pending. */
  readonly ledgerDay: number;
  effect: LedgerEffect;
  /** Points the event is worth on its own, before caps and merges. */
  rawPoints: number;
  /** Points it added to the ledger. */
  points: number;
  /** General points already counted on its day before it (for the cap's explanation). */
  usedBefore: number;
  /** The event it was merged into, or the first listing of its complaint that day. */
  related: LedgerItem | null;
  /** The entry of the day it was established on (confirmed events only). */
  dayEntry: DayEntry | null;
}

/**
 * The working record of one event: what kind it is on `today`, which date it is shown and
 * sorted by, and on which day it would enter the ledger.
 */
export function createLedgerItem(event: ComplaintEvent, today: number): LedgerItem {
  let kind: LedgerKind = 'inert';
  let date: string | null = null;
  let day = Number.NaN;
  let ledgerDay = Number.NaN;
  if (event.status === 'removed' && event.establishedOn !== null) {
    day = parseDay(event.establishedOn);
    if (!Number.isNaN(day)) {
      date = event.establishedOn;
      ledgerDay = day;
      kind = day <= today ? 'confirmed' : 'pending';
    }
  } else if (isPendingStatus(event.status)) {
    kind = 'pending';
    ledgerDay = today;
  }
  if (date === null && event.filedOn !== null) {
    day = parseDay(event.filedOn);
    if (!Number.isNaN(day)) date = event.filedOn;
  }
  return {
    event,
    kind,
    date,
    sortDay: date === null ? Number.POSITIVE_INFINITY : day,
    ledgerDay,
    effect: 'none',
    rawPoints: 0,
    points: 0,
    usedBefore: 0,
    related: null,
    dayEntry: null,
  };
}

function compareText(left: string | null, right: string | null): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  return left < right ? -1 : 1;
}

/*
 * Date then id, then every other field, so that the order (and with it every tie-break in the
 * ledger) never depends on the order the events were given in.
 */
export function compareLedgerItems(left: LedgerItem, right: LedgerItem): number {
  if (left.sortDay !== right.sortDay) return left.sortDay < right.sortDay ? -1 : 1;
  const a = left.event;
  const b = right.event;
  return (
    compareText(a.id, b.id) ||
    compareText(a.complaintId, b.complaintId) ||
    compareText(a.artistId, b.artistId) ||
    compareText(a.artworkId, b.artworkId) ||
    compareText(a.status, b.status) ||
    compareText(a.severity, b.severity) ||
    compareText(a.iprType, b.iprType) ||
    compareText(a.filedOn, b.filedOn) ||
    compareText(a.establishedOn, b.establishedOn)
  );
}

/**
 * Applies caps and merges to events in chronological order. Merges and caps are decided when
 * an event is established, as the marketplace decides them, and expiry is applied afterwards:
 * an event merged into one that has since expired stays merged.
 *
 * Readings of the rules that this encodes:
 * - General complaints count per complaint per day: listings of one complaint established on
 *   the same day count once; a listing of the same complaint established on a later day counts
 *   again (IPP decides each listing separately), still subject to the daily cap.
 * - Merge windows are anchored at the event that counted: with a window of N days, events on
 *   days anchor, anchor+1 … anchor+N−1 merge into it, and the first event after that starts a
 *   new window. The same-holder merge applies to general complaints only.
 * - Serious complaints become strikes (merged by `strikeMergeDays`), or, when the ruleset
 *   scores them as points, count per listing with neither cap nor merge.
 */
export class PenaltyLedger {
  private currentDay = Number.NaN;
  private usedToday = 0;
  private readonly firstListingOfComplaint = new Map<string, LedgerItem>();
  private readonly holderAnchors = new Map<string, LedgerItem>();
  private strikeAnchor: LedgerItem | null = null;

  constructor(private readonly ruleset: Ruleset) {}

  /** Records one event; events must arrive in ledger-day order. */
  record(item: LedgerItem): void {
    const day = item.ledgerDay;
    if (day !== this.currentDay) {
      this.currentDay = day;
      this.usedToday = 0;
    }
    const { ruleset } = this;
    const { event } = item;

    if (event.severity === 'serious') {
      if (ruleset.seriousPenalty === 'points') {
        item.rawPoints = ruleset.points.serious[event.iprType];
        item.points = item.rawPoints;
        item.effect = 'counted';
        return;
      }
      const anchor = this.strikeAnchor;
      const window = ruleset.strikeMergeDays;
      if (anchor !== null && window !== null && day - anchor.ledgerDay < window) {
        item.effect = 'strike_merged';
        item.related = anchor;
      } else {
        item.effect = 'strike';
        this.strikeAnchor = item;
      }
      return;
    }

    item.rawPoints = ruleset.points.general[event.iprType];
    const sameComplaint = this.firstListingOfComplaint.get(event.complaintId);
    if (sameComplaint !== undefined && sameComplaint.ledgerDay === day) {
      item.effect = 'merged_complaint';
      item.related = sameComplaint;
      return;
    }
    this.firstListingOfComplaint.set(event.complaintId, item);

    const holderWindow = ruleset.sameHolderMergeDays;
    if (holderWindow !== null) {
      const anchor = this.holderAnchors.get(event.artistId);
      if (anchor !== undefined && day - anchor.ledgerDay < holderWindow) {
        item.effect = 'merged_holder';
        item.related = anchor;
        return;
      }
      this.holderAnchors.set(event.artistId, item);
    }

    const cap = ruleset.dailyCap;
    let points = item.rawPoints;
    if (cap !== null) {
      item.usedBefore = this.usedToday;
      points = Math.min(points, Math.max(0, cap - this.usedToday));
    }
    this.usedToday += points;
    item.points = points;
    item.effect = points === 0 && item.rawPoints > 0 ? 'capped' : 'counted';
  }

  /** General points counted so far on `day` (0 if the ledger has moved past it). */
  pointsUsedOn(day: number): number {
    return day === this.currentDay ? this.usedToday : 0;
  }
}
