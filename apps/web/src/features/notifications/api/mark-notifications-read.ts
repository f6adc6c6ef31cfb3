import type { notificationListSchema } from '@counterpoint/core/contracts';
import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from './notification-keys';

type NotificationList = z.infer<typeof notificationListSchema>;

/** Marks the given notifications read, or all of them without ids. */
export function markNotificationsRead(ids?: string[]) {
  return apiRequest('/api/v1/me/notifications/read', {
    method: 'POST',
    body: ids ? { ids } : {},
    schema: okResponseSchema,
  });
}

/** Marks read at once on screen, then confirms with the server (and rolls back on failure). */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => markNotificationsRead(ids),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.all });
      const previous = queryClient.getQueryData<NotificationList>(notificationKeys.all);
      if (previous) {
        const now = new Date().toISOString();
        const notifications = previous.notifications.map((notification) =>
          !notification.readAt && (!ids || ids.includes(notification.id))
            ? { ...notification, readAt: now }
            : notification,
        );
        queryClient.setQueryData<NotificationList>(notificationKeys.all, {
          notifications,
          unread: notifications.filter((notification) => !notification.readAt).length,
        });
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(notificationKeys.all, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
