import type { Marketplace, PlannedTask } from '@counterpoint/core';
import type { Db } from '@counterpoint/db';
import type { TaskState } from './campaign-plan.repository';

/** A planned task as a `campaign_tasks` row. */
export interface PlannedTaskRow {
  taskKey: string;
  sellerId: string;
  artistId: string;
  artworkId: string;
  marketplace: Marketplace;
  plannedOn: string;
  expectedEstablishedOn: string;
  listingIds: string[];
  explanation: string;
  part: number;
  partCount: number;
  isOnOwnDay: boolean;
}

export interface TaskSyncResult {
  created: number;
  updated: number;
  cancelled: number;
  unchanged: number;
  /** Filed or skipped tasks the plan still names: they stay as they are. */
  kept: number;
}

export function toTaskRow(sellerId: string, task: PlannedTask): PlannedTaskRow {
  return {
    taskKey: task.taskKey,
    sellerId,
    artistId: task.artistId,
    artworkId: task.artworkId,
    marketplace: task.marketplace,
    plannedOn: task.fileOn,
    expectedEstablishedOn: task.expectedEstablishedOn,
    listingIds: task.listingIds,
    explanation: task.explanation,
    part: task.part,
    partCount: task.partCount,
    isOnOwnDay: task.isOnOwnDay,
  };
}

function isSame(row: PlannedTaskRow, task: TaskState): boolean {
  return (
    task.status === 'planned' &&
    task.sellerId === row.sellerId &&
    task.artistId === row.artistId &&
    task.artworkId === row.artworkId &&
    task.marketplace === row.marketplace &&
    task.plannedOn === row.plannedOn &&
    task.expectedEstablishedOn === row.expectedEstablishedOn &&
    task.listingIds.join(',') === row.listingIds.join(',') &&
    task.explanation === row.explanation &&
    task.part === row.part &&
    task.partCount === row.partCount &&
    task.isOnOwnDay === row.isOnOwnDay
  );
}

/**
 * Makes `campaign_tasks` follow the plan, by task key: planned tasks are inserted or updated
 * (a cancelled one comes back), filed and skipped ones are kept as they are, and planned tasks
 * the plan no longer has are cancelled. Each planned task has one open `campaign_task`
 * reminder on its filing day; a task that moves takes its reminder along (to be delivered
 * again). Rows that already match are not written, so running it twice changes nothing.
 */
export async function syncTasks(
  trx: Db,
  campaignId: string,
  planned: readonly PlannedTaskRow[],
  existing: readonly TaskState[],
): Promise<TaskSyncResult> {
  const result: TaskSyncResult = { created: 0, updated: 0, cancelled: 0, unchanged: 0, kept: 0 };
  const byKey = new Map(existing.map((task) => [task.taskKey, task]));
  const wanted = new Set(planned.map((row) => row.taskKey));
  /** Task id → (artist, filing day) of every task that must have an open reminder. */
  const reminders = new Map<string, { artistId: string; dueOn: string }>();

  const inserts: PlannedTaskRow[] = [];
  for (const row of planned) {
    const task = byKey.get(row.taskKey);
    if (!task) {
      inserts.push(row);
      continue;
    }
    if (task.status === 'filed' || task.status === 'skipped') {
      result.kept += 1;
      continue;
    }
    if (isSame(row, task)) result.unchanged += 1;
    else {
      await trx
        .updateTable('campaignTasks')
        .set({ ...row, status: 'planned', updatedAt: new Date() })
        .where('id', '=', task.id)
        .execute();
      result.updated += 1;
    }
    reminders.set(task.id, { artistId: row.artistId, dueOn: row.plannedOn });
  }
  if (inserts.length > 0) {
    const created = await trx
      .insertInto('campaignTasks')
      .values(inserts.map((row) => ({ ...row, campaignId })))
      .returning(['id', 'artistId', 'plannedOn'])
      .execute();
    for (const task of created)
      reminders.set(task.id, { artistId: task.artistId, dueOn: task.plannedOn });
    result.created = created.length;
  }

  const stale = existing.filter((task) => task.status === 'planned' && !wanted.has(task.taskKey));
  if (stale.length > 0) {
    await trx
      .updateTable('campaignTasks')
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(
        'id',
        'in',
        stale.map((task) => task.id),
      )
      .execute();
    result.cancelled = stale.length;
  }

  await syncReminders(trx, campaignId, reminders);
  return result;
}

/** One open reminder per planned task, due on its filing day; none for any other task. */
async function syncReminders(
  trx: Db,
  campaignId: string,
  wanted: ReadonlyMap<string, { artistId: string; dueOn: string }>,
): Promise<void> {
  const open = await trx
    .selectFrom('reminders')
    .innerJoin('campaignTasks', 'campaignTasks.id', 'reminders.campaignTaskId')
    .select(['reminders.id', 'reminders.campaignTaskId', 'reminders.dueOn'])
    .where('campaignTasks.campaignId', '=', campaignId)
    .where('reminders.doneAt', 'is', null)
    .execute();
  const openByTask = new Map(open.map((reminder) => [reminder.campaignTaskId!, reminder]));
  const closing = open.filter((reminder) => !wanted.has(reminder.campaignTaskId!));
  if (closing.length > 0) {
    await trx
      .updateTable('reminders')
      .set({ doneAt: new Date() })
      .where(
        'id',
        'in',
        closing.map((reminder) => reminder.id),
      )
      .execute();
  }
  const missing: {
    artistId: string;
    kind: 'campaign_task';
    campaignTaskId: string;
    dueOn: string;
  }[] = [];
  for (const [taskId, { artistId, dueOn }] of wanted) {
    const reminder = openByTask.get(taskId);
    if (!reminder) missing.push({ artistId, kind: 'campaign_task', campaignTaskId: taskId, dueOn });
    else if (reminder.dueOn !== dueOn) {
      await trx
        .updateTable('reminders')
        .set({ dueOn, notifiedAt: null })
        .where('id', '=', reminder.id)
        .execute();
    }
  }
  if (missing.length > 0) await trx.insertInto('reminders').values(missing).execute();
}
