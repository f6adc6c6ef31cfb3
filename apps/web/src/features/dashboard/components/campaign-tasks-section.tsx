import { MARKETPLACE_LABELS } from '@counterpoint/core';
import { Link } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { Countdown } from '../../../components/date-text';
import { Badge } from '../../../components/status-badge';
import { plural } from '../../../lib/format';
import { useMyCampaignTasks, type MyCampaignTask } from '../api/get-campaign-tasks';

const SHOWN = 5;

const taskUrl = ({ task, collectiveId }: MyCampaignTask) =>
  `/collectives/${encodeURIComponent(collectiveId)}/campaigns/${encodeURIComponent(task.campaignId)}?tab=tasks&task=${encodeURIComponent(task.id)}`;

/** My next tasks in my collectives' open campaigns: what to file on IPP, and when. */
export function CampaignTasksSection() {
  const tasks = useMyCampaignTasks();
  return (
    <section className="card" aria-labelledby="campaign-tasks-title">
      <div className="card-header">
        <h2 id="campaign-tasks-title">Campaign tasks</h2>
        {tasks.data && tasks.data.length > 0 && (
          <span className="muted small">{plural(tasks.data.length, 'complaint')} to file</span>
        )}
      </div>
      <DataState
        query={tasks}
        loadingLabel="Loading your campaign tasks…"
        errorTitle="Your campaign tasks could not be loaded."
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No campaign task for you">
            When your collective runs a joint campaign and you opt in, the complaints the plan gives
            you appear here, on their day. <Link to="/collectives">Your collectives</Link>
          </EmptyState>
        }
      >
        {(list) => (
          <>
            <ul className="reminders">
              {list.slice(0, SHOWN).map((entry) => (
                <li
                  key={entry.task.id}
                  className={`reminder${entry.task.isOverdue ? ' is-overdue' : ''}`}
                >
                  <div className="reminder-head">
                    <Badge tone="warning">Campaign task</Badge>
                    <Countdown dueOn={entry.task.fileOn} />
                  </div>
                  <p className="reminder-title">
                    <Link to={taskUrl(entry)}>
                      File {entry.task.ipr.artworkTitle}:{' '}
                      {plural(entry.task.listings.length, 'listing')}
                    </Link>
                  </p>
                  <p className="small muted">
                    {entry.task.seller.name ?? entry.task.seller.storeId} on{' '}
                    {MARKETPLACE_LABELS[entry.task.marketplace]} · {entry.campaignName}
                  </p>
                </li>
              ))}
            </ul>
            {list.length > SHOWN && (
              <p className="small">
                and {plural(list.length - SHOWN, 'more task')} in your campaigns.
              </p>
            )}
          </>
        )}
      </DataState>
    </section>
  );
}
