import { Link, Navigate, useParams } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { PageHeader } from '../../../components/page-header';
import { campaignPageUrl } from '../api/campaign-keys';
import { useTaskLocation } from '../api/find-task-location';

/**
 * `/campaigns/tasks/:taskId`, where task reminders link: finds the task's campaign and opens it
 * on my tasks (or on the plan, for another member's task), pointing at the task.
 */
export function TaskRedirectPage() {
  const { taskId = '' } = useParams();
  const location = useTaskLocation(taskId);
  return (
    <DataState
      query={location}
      loadingLabel="Finding the task…"
      errorTitle="The task could not be found."
    >
      {(found) =>
        found ? (
          <Navigate
            replace
            to={campaignPageUrl(
              found.collectiveId,
              found.campaignId,
              found.isMine ? 'tasks' : 'plan',
              found.isMine ? taskId : undefined,
            )}
          />
        ) : (
          <>
            <PageHeader title="Task not found" back={{ to: '/', label: 'Dashboard' }} />
            <EmptyState title="This task is not in any campaign of your collectives.">
              It may belong to a collective you left.{' '}
              <Link to="/collectives">See your collectives</Link>
            </EmptyState>
          </>
        )
      }
    </DataState>
  );
}
