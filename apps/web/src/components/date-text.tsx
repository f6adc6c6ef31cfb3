import {
  daysFromToday,
  deadlineTone,
  formatCountdown,
  formatDate,
  formatDateTime,
} from '../lib/format';

/** A date in a `<time>` element: calendar days as written, instants in local time. */
export function DateText({
  value,
  withTime = false,
  short = false,
  fallback = '—',
}: {
  value: string | null | undefined;
  withTime?: boolean;
  short?: boolean;
  fallback?: string;
}) {
  if (!value) return <span className="muted">{fallback}</span>;
  const label = withTime ? formatDateTime(value) : formatDate(value, { short });
  return (
    <time dateTime={value} title={value.length > 10 ? formatDateTime(value) : undefined}>
      {label}
    </time>
  );
}

/**
 * A deadline with its countdown: "12 Mar 2025 · in 2 days", coloured by urgency.
 * `daysLeft` from the API wins over the local computation when given.
 */
export function Countdown({
  dueOn,
  daysLeft,
  showDate = true,
}: {
  dueOn: string;
  daysLeft?: number;
  showDate?: boolean;
}) {
  const days = daysLeft ?? daysFromToday(dueOn);
  return (
    <span className={`countdown countdown-${deadlineTone(days)}`}>
      {showDate && (
        <>
          <time dateTime={dueOn}>{formatDate(dueOn)}</time>
          <span aria-hidden="true"> · </span>
        </>
      )}
      <span>{formatCountdown(days)}</span>
    </span>
  );
}
