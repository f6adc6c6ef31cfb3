import type { IsoDate } from '../domain';
import { formatDay } from './day-numbers';
import { hasExpired } from './expiry';
import type { LedgerItem } from './ledger';
import type { Ruleset } from './ruleset.schema';
import type { ExplanationEntry, ExplanationOutcome } from './standing.types';

/** What every explanation sentence may refer to. */
export interface ExplanationContext {
  ruleset: Ruleset;
  asOf: IsoDate;
  today: number;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function dateOf(item: LedgerItem): string {
  return item.date ?? formatDay(item.ledgerDay);
}

function describeInert(item: LedgerItem): string {
  switch (item.event.status) {
    case 'draft':
      return 'Draft: not filed on IPP, so it has no effect.';
    case 'unable_to_process':
      return 'Unable to process: IPP took no action on this listing (often because the seller removed it first), so it adds no points.';
    case 'restored':
      return 'Restored: the listing was put back after a counter-notice, so the complaint was not established and adds no points.';
    case 'withdrawn':
      return 'Withdrawn: the complaint was withdrawn, so it adds no points.';
    default:
      return 'Listing removed, but no valid removal date is recorded, so its points cannot be dated or counted.';
  }
}

function describeExpiry(item: LedgerItem, context: ExplanationContext, isStrike: boolean): string {
  const entry = item.dayEntry;
  const expiresOn = isStrike ? entry?.strikesExpireOn : entry?.pointsExpireOn;
  const on = expiresOn === null || expiresOn === undefined ? '' : ` on ${formatDay(expiresOn)}`;
  const what = isStrike ? 'the strike' : `the ${plural(item.points, 'point')}`;
  const { expiry } = context.ruleset;
  if (expiry.kind === 'rolling') {
    return `Expired${on}: penalties count for ${expiry.days} days and ${what} dated from ${dateOf(item)}.`;
  }
  if (isStrike || expiry.keepAtOrAbove === null) {
    return `Expired${on}: the yearly reset cleared ${what} from ${dateOf(item)}.`;
  }
  const total = entry?.closingTotal ?? 0;
  return `Expired${on}: the yearly reset cleared ${what} from ${dateOf(item)}, as the year's total of ${total} was below ${expiry.keepAtOrAbove}.`;
}

function describeEffect(item: LedgerItem, context: ExplanationContext): string {
  const { ruleset } = context;
  const { event } = item;
  const related = item.related;
  switch (item.effect) {
    case 'capped':
      return `Capped: ${plural(item.usedBefore, 'point')} already counted for this seller on ${dateOf(item)} (daily limit ${ruleset.dailyCap ?? 0}).`;
    case 'merged_complaint':
      return `Merged with listing ${related?.event.id ?? '?'} of the same complaint, established the same day: a complaint counts once a day.`;
    case 'merged_holder':
      return `Merged into complaint ${related?.event.complaintId ?? '?'}: same rights holder against this seller within ${ruleset.sameHolderMergeDays ?? 0} days (counted from ${related ? dateOf(related) : '?'}).`;
    case 'strike_merged':
      return `Merged into the strike of ${related ? dateOf(related) : '?'} (complaint ${related?.event.complaintId ?? '?'}): serious complaints within ${ruleset.strikeMergeDays ?? 0} days are one strike.`;
    case 'strike': {
      const closure =
        ruleset.strikesToClosure === null
          ? 'strikes do not close the account under this ruleset'
          : `${plural(ruleset.strikesToClosure, 'strike')} close the account`;
      return `Strike: serious infringement established on ${dateOf(item)}; ${closure}.`;
    }
    default: {
      const kind = event.severity === 'serious' ? `serious ${event.iprType}` : event.iprType;
      if (item.points < item.rawPoints) {
        return `Counted ${item.points} of ${item.rawPoints} points: ${plural(item.usedBefore, 'point')} already counted for this seller on ${dateOf(item)} (daily limit ${ruleset.dailyCap ?? 0}).`;
      }
      return `Counted: ${plural(item.points, 'point')} for a ${kind} complaint established on ${dateOf(item)}.`;
    }
  }
}

function describePending(item: LedgerItem, context: ExplanationContext): string {
  const { ruleset } = context;
  const status = item.event.status.replaceAll('_', ' ');
  const when =
    item.ledgerDay === context.today
      ? `if established today (${context.asOf})`
      : `once its removal on ${dateOf(item)} counts`;
  const related = item.related;
  switch (item.effect) {
    case 'capped':
      return `Pending (${status}): would add nothing ${when}: the daily limit of ${ruleset.dailyCap ?? 0} points would already be reached that day.`;
    case 'merged_complaint':
      return `Pending (${status}): would add nothing ${when}: listing ${related?.event.id ?? '?'} of the same complaint would be established the same day.`;
    case 'merged_holder':
      return `Pending (${status}): would add nothing ${when}: same rights holder as complaint ${related?.event.complaintId ?? '?'} within ${ruleset.sameHolderMergeDays ?? 0} days.`;
    case 'strike':
      return `Pending (${status}): would add a strike ${when}.`;
    case 'strike_merged':
      return `Pending (${status}): would add no strike ${when}: it would merge into the strike of ${related ? dateOf(related) : '?'}.`;
    default:
      if (item.points < item.rawPoints) {
        return `Pending (${status}): would add ${item.points} of ${item.rawPoints} points ${when}: ${plural(item.usedBefore, 'point')} would already count that day (daily limit ${ruleset.dailyCap ?? 0}).`;
      }
      return `Pending (${status}): would add ${plural(item.points, 'point')} ${when}.`;
  }
}

function outcomeOf(item: LedgerItem, today: number): ExplanationOutcome {
  if (item.kind === 'inert') return 'no_effect';
  if (item.kind === 'pending') return 'pending';
  switch (item.effect) {
    case 'counted':
      return hasExpired(item.dayEntry?.pointsExpireOn ?? null, today) ? 'expired' : 'counted';
    case 'strike':
      return hasExpired(item.dayEntry?.strikesExpireOn ?? null, today) ? 'expired' : 'strike';
    case 'strike_merged':
      return 'strike_merged';
    case 'capped':
      return 'capped';
    default:
      return 'merged';
  }
}

/** The explanation entry of one event, once the ledger and expiry have run. */
export function explainItem(item: LedgerItem, context: ExplanationContext): ExplanationEntry {
  const outcome = outcomeOf(item, context.today);
  let points = 0;
  let reason: string;
  if (outcome === 'no_effect') {
    reason = describeInert(item);
  } else if (outcome === 'pending') {
    points = item.points;
    reason = describePending(item, context);
  } else if (outcome === 'expired') {
    reason = describeExpiry(item, context, item.effect === 'strike');
  } else {
    if (outcome === 'counted') points = item.points;
    reason = describeEffect(item, context);
  }
  const { event } = item;
  return {
    eventId: event.id,
    complaintId: event.complaintId,
    status: event.status,
    date: item.date,
    points,
    outcome,
    reason,
  };
}
