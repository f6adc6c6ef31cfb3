import { okResponseSchema } from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dashboardKeys } from './keys';

export interface CompleteReminderInput {
  reminderId: string;
  /** Snooze this many days instead of marking it done. */
  snoozeDays?: number;
}

export const completeReminder = ({ reminderId, snoozeDays }: CompleteReminderInput) =>
  apiRequest(`/api/v1/me/reminders/${encodeURIComponent(reminderId)}/done`, {
    method: 'POST',
    body: snoozeDays ? { snoozeDays } : {},
    schema: okResponseSchema,
  });

/** Marks a reminder done, or snoozes it. */
export function useCompleteReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeReminder,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.reminders }),
  });
}
