/** Query keys of the moderation feature. */
export const moderationKeys = {
  all: ['moderation'] as const,
  hidden: () => [...moderationKeys.all, 'hidden-sellers'] as const,
  safelist: () => [...moderationKeys.all, 'safelist'] as const,
};
