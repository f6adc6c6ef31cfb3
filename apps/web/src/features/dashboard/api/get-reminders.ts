import { reminderListSchema } from '@counterpoint/core/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dashboardKeys } from './keys';

export const remindersQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.reminders,
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/me/reminders?due=all', { schema: reminderListSchema, signal }),
    select: (data) => data.reminders,
  });

/** My open reminders: check back on IPP, counter-notice deadlines, campaign tasks. */
export const useReminders = () => useQuery(remindersQueryOptions());
