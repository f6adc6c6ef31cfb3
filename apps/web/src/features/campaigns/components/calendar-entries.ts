import type { CampaignTaskView } from '@counterpoint/core/contracts';

/** One mark on the calendar: a filing day, or the day its removal is expected to be established. */
export interface CalendarEntry {
  kind: 'file' | 'established';
  day: string;
  task: CampaignTaskView;
}

/**
 * The calendar's marks: each task on the day it is (or was) filed, and on the day its removal is
 * expected; cancelled tasks are not in the plan any more and skipped ones will not be removed.
 */
export function calendarEntries(tasks: readonly CampaignTaskView[]): Map<string, CalendarEntry[]> {
  const byDay = new Map<string, CalendarEntry[]>();
  const add = (entry: CalendarEntry) => {
    const list = byDay.get(entry.day) ?? [];
    list.push(entry);
    byDay.set(entry.day, list);
  };
  for (const task of tasks) {
    if (task.status === 'cancelled') continue;
    add({ kind: 'file', day: task.filedOn ?? task.fileOn, task });
    if (task.expectedEstablishedOn && task.status !== 'skipped') {
      add({ kind: 'established', day: task.expectedEstablishedOn, task });
    }
  }
  return byDay;
}
