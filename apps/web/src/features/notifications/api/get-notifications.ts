import { notificationListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from './notification-keys';

/** How often the bell looks for new notifications while the app is open. */
const POLL_MS = 60_000;

export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/me/notifications', { schema: notificationListSchema, signal }),
    refetchInterval: POLL_MS,
    staleTime: 30_000,
  });

/** My latest notifications (up to 50) and how many are unread. */
export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}
