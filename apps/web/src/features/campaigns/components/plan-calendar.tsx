import type { CampaignTaskView } from '@counterpoint/core/contracts';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/status-badge';
import { formatDate, plural } from '../../../lib/format';
import {
  addDays,
  addMonths,
  dayInMonth,
  formatLongDay,
  formatMonth,
  monthOf,
  monthWeeks,
  weekdayIndex,
} from './calendar-days';
import { calendarEntries, type CalendarEntry } from './calendar-entries';
import { TASK_STATUS, WEEKDAYS } from './campaign-labels';
import styles from './plan-calendar.module.css';

function countSummary(entries: readonly CalendarEntry[]): string {
  const filings = entries.filter((entry) => entry.kind === 'file').length;
  const established = entries.length - filings;
  const parts: string[] = [];
  if (filings > 0) parts.push(plural(filings, 'filing'));
  if (established > 0) parts.push(plural(established, 'expected removal'));
  return parts.length ? parts.join(', ') : 'nothing planned';
}

/** A mark's short text (first names: a cell is narrow); the details under the grid say it all. */
function entryText(entry: CalendarEntry): string {
  const { task } = entry;
  const who = task.artist.isYou ? 'You' : (task.artist.displayName.split(' ')[0] ?? '');
  if (entry.kind === 'established') return `Removal: ${who}, ${task.ipr.artworkTitle}`;
  const status =
    task.status === 'planned'
      ? task.isOverdue
        ? ' (overdue)'
        : ''
      : ` (${TASK_STATUS[task.status].label.toLowerCase()})`;
  return `${who} ${task.artist.isYou ? 'file' : 'files'} ${task.ipr.artworkTitle}${status}`;
}

interface PlanCalendarProps {
  tasks: readonly CampaignTaskView[];
  colourOf: (artistId: string) => string;
  /** `YYYY-MM` shown. */
  month: string;
  onMonthChange: (month: string) => void;
  today: string;
  /** Where a task of mine is filed from (its card on the My tasks tab). */
  taskHref: (task: CampaignTaskView) => string;
}

/**
 * The plan as a month grid: a table whose cells are the days, each with its filings (a solid
 * mark in the member's colour) and expected removals (an outlined mark). Days are buttons with a
 * roving tab stop: the arrow keys move by day and week, Page Up / Page Down by month, and the
 * chosen day's details are listed under the grid in full. On phones the marks shrink to dots; the
 * details under the grid say everything.
 */
export function PlanCalendar({
  tasks,
  colourOf,
  month,
  onMonthChange,
  today,
  taskHref,
}: PlanCalendarProps) {
  const byDay = calendarEntries(tasks);
  const id = useId();
  const weeks = monthWeeks(month);
  const firstBusyDay = [...byDay.keys()]
    .filter((day) => monthOf(day) === month)
    .sort()
    .find((day, index, days) => day >= today || index === days.length - 1);
  const defaultDay = monthOf(today) === month ? today : (firstBusyDay ?? `${month}-01`);
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen && monthOf(chosen) === month ? chosen : defaultDay;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const shouldFocus = useRef(false);

  useEffect(() => {
    if (!shouldFocus.current) return;
    shouldFocus.current = false;
    buttons.current.get(selected)?.focus();
  }, [selected, month]);

  const moveTo = (day: string) => {
    shouldFocus.current = true;
    setChosen(day);
    if (monthOf(day) !== month) onMonthChange(monthOf(day));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, day: string) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      Home: () => addDays(day, -weekdayIndex(day)),
      End: () => addDays(day, 6 - weekdayIndex(day)),
      PageUp: () => dayInMonth(addMonths(month, -1), Number(day.slice(8, 10))),
      PageDown: () => dayInMonth(addMonths(month, 1), Number(day.slice(8, 10))),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveTo(move());
  };

  const monthEntries = [...byDay.entries()]
    .filter(([day]) => monthOf(day) === month)
    .flatMap(([, entries]) => entries);
  const selectedEntries = byDay.get(selected) ?? [];

  return (
    <div className={styles.calendar}>
      <div className={styles.nav}>
        <button
          type="button"
          className="button small"
          aria-label="Previous month"
          onClick={() => onMonthChange(addMonths(month, -1))}
        >
          <span aria-hidden="true">‹</span> Previous
        </button>
        <h2 className={styles.month} id={`${id}-month`} aria-live="polite">
          {formatMonth(month)}
        </h2>
        <button
          type="button"
          className="button small"
          aria-label="Next month"
          onClick={() => onMonthChange(addMonths(month, 1))}
        >
          Next <span aria-hidden="true">›</span>
        </button>
      </div>
      <table className={styles.grid}>
        <caption className="visually-hidden">
          Plan for {formatMonth(month)}: {countSummary(monthEntries)}. Arrow keys move between days;
          the chosen day’s details follow the calendar.
        </caption>
        <thead>
          <tr>
            {WEEKDAYS.map((weekday) => (
              <th key={weekday.value} scope="col" abbr={weekday.label}>
                {weekday.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find(Boolean) ?? ''}>
              {week.map((day, index) =>
                day ? (
                  <td
                    key={day}
                    className={styles.day}
                    data-today={day === today || undefined}
                    data-selected={day === selected || undefined}
                    data-past={day < today || undefined}
                  >
                    <button
                      ref={(element) => {
                        if (element) buttons.current.set(day, element);
                        else buttons.current.delete(day);
                      }}
                      type="button"
                      className={styles.dayButton}
                      aria-pressed={day === selected}
                      aria-label={`${formatLongDay(day)}${day === today ? ', today' : ''}: ${countSummary(byDay.get(day) ?? [])}`}
                      aria-controls={`${id}-details`}
                      tabIndex={day === selected ? 0 : -1}
                      onClick={() => setChosen(day)}
                      onKeyDown={(event) => onKeyDown(event, day)}
                    >
                      <span aria-hidden="true">{Number(day.slice(8, 10))}</span>
                    </button>
                    {byDay.has(day) && (
                      <ul className={styles.marks}>
                        {(byDay.get(day) ?? []).map((entry) => (
                          <li
                            key={`${entry.kind}-${entry.task.id}`}
                            className={styles.mark}
                            data-kind={entry.kind}
                            data-status={entry.task.status}
                            style={{ '--member': colourOf(entry.task.artist.id) } as CSSProperties}
                          >
                            <span className={styles.markText}>{entryText(entry)}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ) : (
                  <td key={`empty-${index}`} className={styles.outside} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <section
        id={`${id}-details`}
        className={styles.details}
        aria-labelledby={`${id}-details-title`}
        aria-live="polite"
      >
        <h3 id={`${id}-details-title`} className={styles.detailsTitle}>
          {formatLongDay(selected)}
          {selected === today && <span className="muted"> · today</span>}
        </h3>
        {selectedEntries.length === 0 ? (
          <p className="muted small">Nothing planned on this day.</p>
        ) : (
          <ul className={styles.detailList}>
            {selectedEntries.map((entry) => (
              <DayEntry
                key={`${entry.kind}-${entry.task.id}`}
                entry={entry}
                colour={colourOf(entry.task.artist.id)}
                href={entry.task.artist.isYou ? taskHref(entry.task) : null}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function DayEntry({
  entry,
  colour,
  href,
}: {
  entry: CalendarEntry;
  colour: string;
  href: string | null;
}) {
  const { task } = entry;
  const who = task.artist.isYou ? 'You' : task.artist.displayName;
  const store = task.seller.name ?? task.seller.storeId;
  const status = TASK_STATUS[task.status];
  return (
    <li
      className={styles.detail}
      data-kind={entry.kind}
      style={{ '--member': colour } as CSSProperties}
    >
      <span className={styles.detailMark} aria-hidden="true" />
      <div>
        {entry.kind === 'file' ? (
          <p>
            <strong>{who}</strong> {task.artist.isYou ? 'file' : 'files'}{' '}
            <strong>{task.ipr.artworkTitle}</strong>: {plural(task.listings.length, 'listing')} of{' '}
            {store}
            {task.partCount > 1 && ` (part ${task.part} of ${task.partCount})`}.{' '}
            <Badge tone={task.isOverdue ? 'danger' : status.tone}>
              {task.isOverdue ? 'Overdue' : status.label}
            </Badge>
          </p>
        ) : (
          <p>
            Removal expected for <strong>{who}</strong>’s complaint about{' '}
            <strong>{task.ipr.artworkTitle}</strong> ({store}), filed{' '}
            {task.filedOn ? `on ${formatDate(task.filedOn)}` : `on ${formatDate(task.fileOn)}`}.
          </p>
        )}
        {entry.kind === 'file' && task.expectedEstablishedOn && task.status !== 'skipped' && (
          <p className="small muted">
            Removal expected on {formatDate(task.expectedEstablishedOn)}
            {task.isOnOwnDay ? ', a day of its own.' : '.'}
          </p>
        )}
        {task.status === 'skipped' && task.skipReason && (
          <p className="small muted">Skipped: {task.skipReason}</p>
        )}
        {href && task.status === 'planned' && entry.kind === 'file' && (
          <p className="small">
            <Link to={href}>Open your task</Link>
          </p>
        )}
        {task.complaintId && task.artist.isYou && (
          <p className="small">
            <Link to={`/complaints/${task.complaintId}`}>Open the complaint</Link>
          </p>
        )}
      </div>
    </li>
  );
}
