/** Query keys the dashboard reads; roots are shared with the features that change the data. */
export const dashboardKeys = {
  reminders: ['reminders'] as const,
  removals: ['complaints', 'list', { status: 'removed', recent: true }] as const,
  designs: ['artworks', 'list'] as const,
  /** Under the campaigns root: filing, skipping or re-planning refreshes it. */
  campaignTasks: ['campaigns', 'my-next-tasks'] as const,
};
