import { invitationListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectiveKeys, collectivePath } from './collective-keys';

export const invitationsQueryOptions = (collectiveId: string) =>
  queryOptions({
    queryKey: collectiveKeys.invitations(collectiveId),
    queryFn: ({ signal }) =>
      apiRequest(`${collectivePath(collectiveId)}/invitations`, {
        schema: invitationListSchema,
        signal,
      }),
  });

/** Open invitations of a collective (admins and owner). */
export function useInvitations(collectiveId: string, { enabled = true } = {}) {
  return useQuery({ ...invitationsQueryOptions(collectiveId), enabled });
}
