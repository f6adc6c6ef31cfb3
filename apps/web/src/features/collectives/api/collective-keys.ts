/** Query keys of the collectives feature: invalidating `all` refreshes every collective view. */
export const collectiveKeys = {
  all: ['collectives'] as const,
  list: () => [...collectiveKeys.all, 'list'] as const,
  detail: (collectiveId: string) => [...collectiveKeys.all, 'detail', collectiveId] as const,
  invitations: (collectiveId: string) =>
    [...collectiveKeys.all, 'invitations', collectiveId] as const,
  sellers: (collectiveId: string) => [...collectiveKeys.all, 'sellers', collectiveId] as const,
  audit: (collectiveId: string) => [...collectiveKeys.all, 'audit', collectiveId] as const,
  invitationPreview: (token: string) =>
    [...collectiveKeys.all, 'invitation-preview', token] as const,
};

export const collectivePath = (collectiveId: string) =>
  `/api/v1/collectives/${encodeURIComponent(collectiveId)}`;
