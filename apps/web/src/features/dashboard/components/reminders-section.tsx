import type { ReminderView } from '@counterpoint/core/contracts';
import { Link } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { Countdown } from '../../../components/date-text';
import { Badge } from '../../../components/status-badge';
import { plural } from '../../../lib/format';
import { useCompleteReminder } from '../api/complete-reminder';
import { useReminders } from '../api/get-reminders';

const KIND_BADGES: Record<
  ReminderView['kind'],
  { tone: 'info' | 'danger' | 'warning'; label: string }
> = {
  check_back: { tone: 'info', label: 'Check back on IPP' },
  counter_notice_deadline: { tone: 'danger', label: 'Counter-notice deadline' },
  campaign_task: { tone: 'warning', label: 'Campaign task' },
};

/** Check-back reminders and counter-notice deadlines, due ones first, with done / snooze. */
export function RemindersSection() {
  const reminders = useReminders();
  return (
    <section className="card" aria-labelledby="reminders-title">
      <div className="card-header">
        <h2 id="reminders-title">What needs you today</h2>
        {reminders.data && reminders.data.length > 0 && (
          <span className="muted small">{plural(reminders.data.length, 'open reminder')}</span>
        )}
      </div>
      <DataState
        query={reminders}
        loadingLabel="Loading your reminders…"
        errorTitle="Your reminders could not be loaded."
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="Nothing needs you today">
            When you record a complaint, Counterpoint reminds you to check IPP for its outcome, and
            warns you before every counter-notice deadline.
          </EmptyState>
        }
      >
        {(list) => {
          const due = list.filter((reminder) => reminder.daysLeft <= 0);
          const upcoming = list.filter((reminder) => reminder.daysLeft > 0);
          return (
            <>
              {due.length > 0 && <ReminderList title="Due now" reminders={due} />}
              {due.length === 0 && <p className="muted">Nothing is due today.</p>}
              {upcoming.length > 0 && <ReminderList title="Coming up" reminders={upcoming} />}
            </>
          );
        }}
      </DataState>
    </section>
  );
}

function ReminderList({ title, reminders }: { title: string; reminders: ReminderView[] }) {
  return (
    <>
      <h3 className="subheading">{title}</h3>
      <ul className="reminders">
        {reminders.map((reminder) => (
          <ReminderItem key={reminder.id} reminder={reminder} />
        ))}
      </ul>
    </>
  );
}

function ReminderItem({ reminder }: { reminder: ReminderView }) {
  const complete = useCompleteReminder();
  const badge = KIND_BADGES[reminder.kind];
  const isBusy = complete.isPending;
  return (
    <li className={`reminder${reminder.isOverdue ? ' is-overdue' : ''}`}>
      <div className="reminder-head">
        <Badge tone={badge.tone}>{badge.label}</Badge>
        <Countdown dueOn={reminder.dueOn} daysLeft={reminder.daysLeft} />
      </div>
      <p className="reminder-title">
        {reminder.complaintId ? (
          <Link to={`/complaints/${reminder.complaintId}`}>{reminder.title}</Link>
        ) : reminder.campaignTaskId ? (
          <Link to={`/campaigns/tasks/${reminder.campaignTaskId}`}>{reminder.title}</Link>
        ) : (
          reminder.title
        )}
      </p>
      <p className="small muted">{reminder.detail}</p>
      <div className="button-row">
        {reminder.complaintId && (
          <Link className="button small primary" to={`/complaints/${reminder.complaintId}`}>
            {reminder.kind === 'check_back' ? 'Record what IPP says' : 'Open complaint'}
          </Link>
        )}
        {!reminder.complaintId && reminder.campaignTaskId && (
          <Link className="button small primary" to={`/campaigns/tasks/${reminder.campaignTaskId}`}>
            Open the task
          </Link>
        )}
        <button
          type="button"
          className="button small"
          disabled={isBusy}
          onClick={() => complete.mutate({ reminderId: reminder.id })}
        >
          Mark done
        </button>
        <button
          type="button"
          className="button small ghost"
          disabled={isBusy}
          onClick={() => complete.mutate({ reminderId: reminder.id, snoozeDays: 2 })}
        >
          Snooze 2 days
        </button>
      </div>
      {complete.error && (
        <p className="field-error" role="alert">
          {complete.error.message}
        </p>
      )}
    </li>
  );
}
