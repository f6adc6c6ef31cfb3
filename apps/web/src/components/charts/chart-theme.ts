/*
 * What the app's time charts share: colours, the time and points axes, and the reference
 * lines for a threshold and for today. Spread into Recharts components
 * (`<XAxis {...timeAxisProps(series)} />`), which must stay direct children of their chart.
 */

// SVG attributes do not read CSS variables reliably: these mirror --brand, --ink-soft, --danger.
export const BRAND = '#3b2f8f';
export const INK_SOFT = '#55526b';
export const DANGER = '#a3261e';
export const GRID = '#e3e0ea';

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Midnight UTC of a `YYYY-MM-DD` day, in milliseconds: the charts' x values. */
export function dayTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export const CHART_MARGIN = { top: 16, right: 16, bottom: 4, left: -12 };

export const gridProps = { stroke: GRID, vertical: false } as const;

const dayOfMonthFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** Under this span, ticks name days: months would repeat along the axis. */
const MONTH_TICKS_FROM_DAYS = 150;

/**
 * The time axis over a series (`time` values): ticks name months over a long span
 * ("Nov 2026") and days over a short one ("Nov 3"), so no two ticks read the same.
 */
export function timeAxisProps(series: readonly { time: number }[]) {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const { time } of series) {
    first = Math.min(first, time);
    last = Math.max(last, time);
  }
  const span = series.length > 1 ? last - first : 0;
  const format = span >= MONTH_TICKS_FROM_DAYS * 86_400_000 ? monthFormat : dayOfMonthFormat;
  return {
    dataKey: 'time',
    type: 'number',
    scale: 'time',
    domain: ['dataMin', 'dataMax'],
    tickFormatter: (time: number) => format.format(new Date(time)),
    tick: { fill: INK_SOFT, fontSize: 12 },
    stroke: INK_SOFT,
    minTickGap: 32,
  } as const;
}

export function pointsAxisProps(top: number, ticks: number[]) {
  return {
    domain: [0, top],
    ticks,
    tick: { fill: INK_SOFT, fontSize: 12 },
    stroke: INK_SOFT,
    allowDecimals: false,
  };
}

/** A dashed horizontal line at a points threshold, labelled (e.g. "Termination 48"). */
export function thresholdLineProps(points: number, label: string) {
  return {
    y: points,
    stroke: DANGER,
    strokeDasharray: '6 4',
    label: { value: `${label} ${points}`, position: 'insideTopLeft', fill: DANGER, fontSize: 12 },
  } as const;
}

/** The vertical "Today" line. */
export function todayLineProps(day: string) {
  return {
    x: dayTime(day),
    stroke: INK_SOFT,
    label: { value: 'Today', position: 'insideTopRight', fill: INK_SOFT, fontSize: 12 },
  } as const;
}
