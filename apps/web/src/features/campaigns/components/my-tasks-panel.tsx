import type { CampaignDetail, CampaignTaskView } from '@counterpoint/core/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { plural } from '../../../lib/format';
import { useCampaignTasks } from '../api/get-campaign-tasks';
import { TaskCard } from './task-card';
import styles from './campaigns.module.css';

/**
 * The My tasks tab: what I file next, soonest first, each with everything IPP's form needs.
 * A task recorded here stays in place with its outcome (and the link to its complaint) until
 * I leave the tab; earlier ones are listed under "Done".
 */
export function MyTasksPanel({
  campaign,
  focusTaskId,
}: {
  campaign: CampaignDetail;
  focusTaskId: string | null;
}) {
  const tasks = useCampaignTasks(campaign.collectiveId, campaign.id, 'mine');
  const [, setSearchParams] = useSearchParams();
  const [doneHere, setDoneHere] = useState<string[]>([]);
  const isParticipant = campaign.isParticipant;

  const showOverview = () => setSearchParams({}, { replace: true });

  return (
    <DataState
      query={tasks}
      loadingLabel="Loading your tasks…"
      errorTitle="Your tasks could not be loaded."
      isEmpty={(list) => list.every((task) => task.status === 'cancelled')}
      empty={
        <EmptyState
          title={isParticipant ? 'No task for you right now' : 'You do not take part yet'}
          action={
            !isParticipant &&
            campaign.status !== 'closed' && (
              <button type="button" className="button small primary" onClick={showOverview}>
                Opt in on the Overview
              </button>
            )
          }
        >
          {isParticipant
            ? campaign.status === 'paused'
              ? 'The campaign is paused: nobody is asked to file until it resumes.'
              : 'The plan has no listing for you: it only gives you listings you recorded as copying your own designs with an approved IPR. The Coverage tab shows what waits for your IPP set-up.'
            : 'Opt in to be given your share: your own listings, for your approved designs, on days that suit you.'}
        </EmptyState>
      }
    >
      {(list) => {
        const byDay = (a: CampaignTaskView, b: CampaignTaskView) =>
          a.fileOn.localeCompare(b.fileOn);
        const upcoming = list
          .filter((task) => task.status === 'planned' || doneHere.includes(task.id))
          .sort(byDay);
        const done = list
          .filter(
            (task) =>
              (task.status === 'filed' || task.status === 'skipped') && !doneHere.includes(task.id),
          )
          .sort((a, b) => byDay(b, a));
        const planned = upcoming.filter((task) => task.status === 'planned').length;
        return (
          <div className="stack">
            <p className="small muted">
              {planned > 0
                ? `${plural(planned, 'complaint')} to file. On IPP: Submit a complaint → the marketplace → paste the listings under “Option 2” → choose the IPR → reason “Pirated copy” → paste the reason text. Then record it here.`
                : 'Nothing left to file for now.'}
            </p>
            {upcoming.length > 0 && (
              <ul className={styles.taskList} aria-label="Tasks to file">
                {upcoming.map((task) => (
                  <li key={task.id}>
                    <TaskCard
                      task={task}
                      collectiveId={campaign.collectiveId}
                      isHighlighted={task.id === focusTaskId}
                      onDone={(changed) =>
                        setDoneHere((ids) =>
                          ids.includes(changed.id) ? ids : [...ids, changed.id],
                        )
                      }
                    />
                  </li>
                ))}
              </ul>
            )}
            {done.length > 0 && (
              <details
                className={styles.doneTasks}
                open={done.some((task) => task.id === focusTaskId)}
              >
                <summary>Done ({done.length})</summary>
                <ul className={styles.taskList}>
                  {done.map((task) => (
                    <li key={task.id}>
                      <TaskCard
                        task={task}
                        collectiveId={campaign.collectiveId}
                        isHighlighted={task.id === focusTaskId}
                      />
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        );
      }}
    </DataState>
  );
}
