import type { CampaignParticipant } from '@counterpoint/core/contracts';
import { formatDate, formatNumber } from '../../../lib/format';
import { weekdayName } from './campaign-labels';

/** My constraints in words: "Not on Saturday and Sunday · not on 3 Apr 2026 · at most 2 a week". */
export function describeConstraints(participant: CampaignParticipant): string {
  const parts: string[] = [];
  if (participant.unavailableWeekdays.length > 0) {
    const names = [...participant.unavailableWeekdays]
      .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
      .map(weekdayName);
    parts.push(`not on ${names.join(', ')}`);
  }
  if (participant.unavailableDates.length > 0) {
    const shown = participant.unavailableDates.slice(0, 3).map((date) => formatDate(date));
    const more = participant.unavailableDates.length - shown.length;
    parts.push(
      `not on ${shown.join(', ')}${more > 0 ? ` and ${formatNumber(more)} more days` : ''}`,
    );
  }
  if (participant.maxPerWeek !== null) parts.push(`at most ${participant.maxPerWeek} a week`);
  return parts.length > 0 ? parts.join(' · ') : 'any day, no weekly limit';
}
