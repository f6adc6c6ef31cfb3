import {
  addBusinessDays,
  DEFAULT_ESTABLISHMENT_LAG_BUSINESS_DAYS,
  estimateStanding,
  fromIsoDate,
} from '@counterpoint/core';
import type { CampaignPlan, ComplaintEvent, IsoDate, PlanInput } from '@counterpoint/core';

export interface ProjectedPoint {
  date: IsoDate;
  points: number;
}

/**
 * The events the plan's projection stands on, as the planner reads them: existing complaints
 * as recorded, except in-progress (`submitted`) ones, expected established on their filing day
 * plus the lag (today when overdue), and every planned listing removed on its expected day.
 */
export function projectedEvents(input: PlanInput, plan: CampaignPlan): ComplaintEvent[] {
  const lag = input.establishmentLagBusinessDays ?? DEFAULT_ESTABLISHMENT_LAG_BUSINESS_DAYS;
  const existing = input.complaints.map((complaint): ComplaintEvent => {
    const event: ComplaintEvent = {
      id: `${complaint.complaintId}:${complaint.listingId}`,
      complaintId: complaint.complaintId,
      artistId: complaint.artistId,
      artworkId: complaint.artworkId,
      iprType: complaint.iprType,
      severity: complaint.severity,
      status: complaint.status,
      filedOn: complaint.filedOn,
      establishedOn: complaint.establishedOn,
    };
    if (complaint.status !== 'submitted') return event;
    const expected =
      complaint.filedOn === null ? input.today : addBusinessDays(complaint.filedOn, lag);
    return {
      ...event,
      status: 'removed',
      establishedOn: expected < input.today ? input.today : expected,
    };
  });
  const planned = plan.tasks.flatMap((task) =>
    task.listingIds.map((listingId): ComplaintEvent => ({
      id: `${task.taskKey}:${listingId}`,
      complaintId: task.taskKey,
      artistId: task.artistId,
      artworkId: task.artworkId,
      iprType: 'copyright',
      severity: 'general',
      status: 'removed',
      filedOn: task.fileOn,
      establishedOn: task.expectedEstablishedOn,
    })),
  );
  return existing.concat(planned);
}

/**
 * The progress chart's projected line: confirmed points today, then at the end of every later
 * day on which the estimator sees a change, up to the last planned establishment (or the goal
 * day). Every figure comes from `estimateStanding`, as the plan's own dates do.
 */
export function projectPoints(input: PlanInput, plan: CampaignPlan): ProjectedPoint[] {
  const events = projectedEvents(input, plan);
  const today = input.today;
  const series: ProjectedPoint[] = [
    {
      date: today,
      points: estimateStanding(events, input.ruleset, fromIsoDate(today)).confirmedPoints,
    },
  ];
  let lastDay = plan.goal.reachedOn ?? today;
  for (const event of events) {
    if (event.establishedOn !== null && event.establishedOn > lastDay)
      lastDay = event.establishedOn;
  }
  if (lastDay <= today) return series;
  const later = estimateStanding(events, input.ruleset, fromIsoDate(lastDay));
  for (const entry of later.timeline) {
    if (entry.date > today) series.push({ date: entry.date, points: entry.runningTotal });
  }
  return series;
}
