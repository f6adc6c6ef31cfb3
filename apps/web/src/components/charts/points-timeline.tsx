import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../../lib/format';
import {
  BRAND,
  CHART_MARGIN,
  gridProps,
  INK_SOFT,
  pointsAxisProps,
  thresholdLineProps,
  timeAxisProps,
  todayLineProps,
} from './chart-theme';
import { buildTimelineSeries, type SeriesPoint, type TimelineDay } from './timeline-series';
import styles from './points-timeline.module.css';

interface PointsTimelineProps {
  timeline: TimelineDay[];
  /** The estimate's day: solid up to it, dashed (projection) after it. */
  asOf: string;
  terminationPoints: number;
  /** Ladder thresholds, used as the y-axis ticks. */
  thresholds?: number[];
  /** Names the figure. */
  title?: string;
}

function describeChange(point: SeriesPoint): string {
  const parts: string[] = [];
  if (point.added > 0) parts.push(`+${point.added} established`);
  if (point.expiring > 0) parts.push(`−${point.expiring} expire`);
  return parts.length ? parts.join(', ') : 'no change';
}

function TimelineTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}) {
  const point = payload?.[0]?.payload as SeriesPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <strong>{formatDate(point.date)}</strong>
      <span>{describeChange(point)}</span>
      <span>
        {point.total} points{point.projected !== null && point.past === null ? ' (projected)' : ''}
      </span>
    </div>
  );
}

/**
 * Confirmed points over time, as a step chart: up on the days complaints were established,
 * down on the days their points expire. Past days are solid; from today on the dashed line
 * shows what happens if nothing new is established. The same figures are in a table below.
 */
export function PointsTimeline({
  timeline,
  asOf,
  terminationPoints,
  thresholds = [],
  title = 'Confirmed points over time',
}: PointsTimelineProps) {
  const series = buildTimelineSeries(timeline, asOf);
  if (series.length === 0) {
    return (
      <figure className={styles.figure}>
        <figcaption className={styles.caption}>{title}</figcaption>
        <p className="muted">No complaint has been established against this seller yet.</p>
      </figure>
    );
  }
  const highest = Math.max(terminationPoints, ...series.map((point) => point.total));
  const top = highest + Math.max(2, Math.round(highest / 8));
  // Ladder steps make the best ticks; a ladder with few steps gets regular ones in between.
  const regular =
    thresholds.length >= 3
      ? []
      : Array.from({ length: 4 }, (_, index) => Math.round((terminationPoints * index) / 4));
  const ticks = [...new Set([0, ...regular, ...thresholds, terminationPoints])]
    .filter((tick) => tick <= top)
    .sort((a, b) => a - b);
  const today = series.find((point) => point.date === asOf);
  const nextExpiry = series.find((point) => point.date > asOf && point.expiring > 0);
  const summary = [
    `${today?.total ?? 0} points count on ${formatDate(asOf)}.`,
    nextExpiry
      ? `If nothing new is established, ${nextExpiry.expiring} expire on ${formatDate(nextExpiry.date)}.`
      : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        {title}
        <span className={styles.summary}>{summary}</span>
      </figcaption>
      <div className={styles.chart} role="img" aria-label={`${title}. ${summary}`}>
        <AreaChart
          responsive
          style={{ width: '100%', height: '100%' }}
          data={series}
          margin={CHART_MARGIN}
          accessibilityLayer={false}
        >
          <CartesianGrid {...gridProps} />
          <XAxis {...timeAxisProps(series)} />
          <YAxis {...pointsAxisProps(top, ticks)} />
          <ReferenceLine {...thresholdLineProps(terminationPoints, 'Termination')} />
          <ReferenceLine {...todayLineProps(asOf)} />
          <Tooltip
            content={({ active, payload }) => <TimelineTooltip active={active} payload={payload} />}
          />
          <Area
            type="stepAfter"
            dataKey="past"
            name="Confirmed points"
            stroke={BRAND}
            strokeWidth={2}
            fill={BRAND}
            fillOpacity={0.15}
            dot={{ r: 3, fill: BRAND, strokeWidth: 0 }}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Area
            type="stepAfter"
            dataKey="projected"
            name="If nothing new is established"
            stroke={INK_SOFT}
            strokeWidth={2}
            strokeDasharray="5 4"
            fill={INK_SOFT}
            fillOpacity={0.06}
            dot={{ r: 3, fill: INK_SOFT, strokeWidth: 0 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </AreaChart>
      </div>
      <ul className={styles.legend} aria-hidden="true">
        <li>
          <span className={styles.lineSolid} /> Confirmed points
        </li>
        <li>
          <span className={styles.lineDashed} /> If nothing new is established (expiry)
        </li>
        <li>
          <span className={styles.lineDanger} /> Termination threshold
        </li>
      </ul>
      <details className={styles.details}>
        <summary>Show the timeline as a table</summary>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{title}, day by day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Change</th>
                <th scope="col" className="align-end">
                  Points counting
                </th>
              </tr>
            </thead>
            <tbody>
              {series.map((point) => (
                <tr key={point.date}>
                  <td>
                    <time dateTime={point.date}>{formatDate(point.date)}</time>
                    {point.date === asOf && <span className="muted"> (today)</span>}
                  </td>
                  <td>{describeChange(point)}</td>
                  <td className="align-end">
                    {point.total}
                    {point.date > asOf && <span className="muted"> (projected)</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
