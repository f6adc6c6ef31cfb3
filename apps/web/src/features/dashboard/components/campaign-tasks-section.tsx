/**
 * The artist's tasks in collective campaigns (who files what, when). The campaign API does
 * not exist yet: this section renders nothing until it does, and is where the task list goes
 * (fetched from `features/dashboard/api/get-campaign-tasks.ts`, same card layout as the
 * reminders). Campaign-task reminders already appear among the reminders.
 */
export function CampaignTasksSection() {
  return null;
}
