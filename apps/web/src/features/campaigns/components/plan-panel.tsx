import type { CampaignDetail, CampaignTaskView } from '@counterpoint/core/contracts';
import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { CSSProperties } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { SelectField } from '../../../components/field';
import { Badge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import { plural, todayIso } from '../../../lib/format';
import { campaignPageUrl } from '../api/campaign-keys';
import { useCampaignTasks } from '../api/get-campaign-tasks';
import { monthOf } from './calendar-days';
import { TASK_STATUS } from './campaign-labels';
import { memberColours } from './member-colours';
import { PlanCalendar } from './plan-calendar';
import styles from './campaigns.module.css';

/** The month to open on: the month of the next task to file, else this month. */
function startMonth(tasks: readonly CampaignTaskView[], today: string): string {
  const next = tasks
    .filter((task) => task.status === 'planned')
    .map((task) => task.fileOn)
    .sort()
    .find((day) => day >= today);
  return monthOf(next ?? today);
}

/** The Plan tab: every member's tasks as a calendar (default) or a list. */
export function PlanPanel({ campaign }: { campaign: CampaignDetail }) {
  const tasks = useCampaignTasks(campaign.collectiveId, campaign.id, 'all');
  const [searchParams, setSearchParams] = useSearchParams();
  const view = searchParams.get('view') === 'list' ? 'list' : 'calendar';
  const whose = searchParams.get('whose') === 'mine' ? 'mine' : 'all';
  const today = todayIso();
  const setParam = (key: string, value: string | null) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <DataState
      query={tasks}
      loadingLabel="Loading the plan…"
      errorTitle="The plan could not be loaded."
      isEmpty={(list) => list.every((task) => task.status === 'cancelled')}
      empty={
        <EmptyState title="Nothing is planned yet">
          {campaign.participants.length === 0
            ? 'The plan gives tasks to members who opt in: opt in on the Overview tab.'
            : campaign.status === 'paused'
              ? 'The campaign is paused: its tasks come back when it resumes.'
              : 'No member taking part has an approved IPR for a listing of the target yet. The Coverage tab shows who could file after finishing IPP set-up.'}
        </EmptyState>
      }
    >
      {(list) => {
        const shown = list.filter(
          (task) => task.status !== 'cancelled' && (whose === 'all' || task.artist.isYou),
        );
        const participantIds = campaign.participants.map((participant) => participant.artistId);
        const colourOf = memberColours([...participantIds, ...list.map((task) => task.artist.id)]);
        const members = new Map(list.map((task) => [task.artist.id, task.artist]));
        const month = searchParams.get('month') ?? startMonth(shown, today);
        const taskHref = (task: CampaignTaskView) =>
          campaignPageUrl(campaign.collectiveId, campaign.id, 'tasks', task.id);
        return (
          <div className="stack">
            <div className={styles.planToolbar}>
              <div className={styles.viewSwitch} role="group" aria-label="Show the plan as">
                <button
                  type="button"
                  className="button small"
                  aria-pressed={view === 'calendar'}
                  onClick={() => setParam('view', null)}
                >
                  Calendar
                </button>
                <button
                  type="button"
                  className="button small"
                  aria-pressed={view === 'list'}
                  onClick={() => setParam('view', 'list')}
                >
                  List
                </button>
              </div>
              <SelectField
                label="Whose tasks"
                value={whose}
                onChange={(event) =>
                  setParam('whose', event.target.value === 'mine' ? 'mine' : null)
                }
              >
                <option value="all">Everyone’s</option>
                <option value="mine">Only mine</option>
              </SelectField>
            </div>
            <ul className={styles.legend} aria-label="Members’ colours">
              {[...members.values()].map((artist) => (
                <li key={artist.id}>
                  <span
                    className={styles.swatch}
                    style={{ background: colourOf(artist.id) }}
                    aria-hidden="true"
                  />
                  {artist.isYou ? 'You' : artist.displayName}
                </li>
              ))}
              <li className="muted">
                <span className={styles.swatchOutline} aria-hidden="true" /> expected removal
              </li>
              <li className="muted">✓ filed · struck through: skipped</li>
            </ul>
            {view === 'calendar' ? (
              <PlanCalendar
                tasks={shown}
                colourOf={colourOf}
                month={month}
                onMonthChange={(next) => setParam('month', next)}
                today={today}
                taskHref={taskHref}
              />
            ) : (
              <PlanList tasks={shown} colourOf={colourOf} taskHref={taskHref} />
            )}
          </div>
        );
      }}
    </DataState>
  );
}

function PlanList({
  tasks,
  colourOf,
  taskHref,
}: {
  tasks: CampaignTaskView[];
  colourOf: (artistId: string) => string;
  taskHref: (task: CampaignTaskView) => string;
}) {
  const columns: Column<CampaignTaskView>[] = [
    {
      key: 'day',
      header: 'File on',
      sortValue: (task) => task.filedOn ?? task.fileOn,
      cell: (task) => (
        <strong>
          <DateText value={task.filedOn ?? task.fileOn} />
        </strong>
      ),
    },
    {
      key: 'member',
      header: 'Member',
      sortValue: (task) => task.artist.displayName,
      cell: (task) => (
        <span
          className={styles.memberName}
          style={{ '--member': colourOf(task.artist.id) } as CSSProperties}
        >
          <span
            className={styles.swatch}
            style={{ background: colourOf(task.artist.id) }}
            aria-hidden="true"
          />
          {task.artist.isYou ? 'You' : task.artist.displayName}
        </span>
      ),
    },
    {
      key: 'design',
      header: 'Design and listings',
      sortValue: (task) => task.ipr.artworkTitle,
      cell: (task) => (
        <span className={styles.cellStack}>
          <span>
            {task.artist.isYou && task.status === 'planned' ? (
              <Link to={taskHref(task)}>{task.ipr.artworkTitle}</Link>
            ) : (
              task.ipr.artworkTitle
            )}
          </span>
          <span className="small muted">
            {plural(task.listings.length, 'listing')} of {task.seller.name ?? task.seller.storeId} (
            {MARKETPLACE_LABELS[task.marketplace]})
            {task.partCount > 1 && ` · part ${task.part} of ${task.partCount}`}
          </span>
        </span>
      ),
    },
    {
      key: 'established',
      header: 'Removal expected',
      sortValue: (task) => task.expectedEstablishedOn,
      cell: (task) =>
        task.status === 'skipped' ? (
          <span className="muted">—</span>
        ) : (
          <DateText value={task.expectedEstablishedOn} />
        ),
    },
    {
      key: 'status',
      header: 'Status',
      sortValue: (task) => task.status,
      cell: (task) => (
        <span className={styles.cellStack}>
          <Badge tone={task.isOverdue ? 'danger' : TASK_STATUS[task.status].tone}>
            {task.isOverdue ? 'Overdue' : TASK_STATUS[task.status].label}
          </Badge>
          {task.status === 'skipped' && task.skipReason && (
            <span className="small muted">{task.skipReason}</span>
          )}
          {task.complaintId && task.artist.isYou && (
            <Link className="small" to={`/complaints/${task.complaintId}`}>
              Complaint
            </Link>
          )}
        </span>
      ),
    },
  ];
  if (tasks.length === 0) return <EmptyState title="No task to show with this filter." />;
  return (
    <Table
      stackOnPhone
      caption="The plan’s tasks by filing day"
      columns={columns}
      rows={tasks}
      rowKey={(task) => task.id}
      initialSort={{ key: 'day', direction: 'ascending' }}
      rowClassName={(task) => (task.status === 'skipped' ? styles.skippedRow : undefined)}
    />
  );
}
