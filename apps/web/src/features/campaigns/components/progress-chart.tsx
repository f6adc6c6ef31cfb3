import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../../../lib/format';
import {
  BRAND,
  CHART_MARGIN,
  DANGER,
  dayTime,
  gridProps,
  pointsAxisProps,
  thresholdLineProps,
  timeAxisProps,
  todayLineProps,
} from '../../../components/charts/chart-theme';
import type { ProgressPoint } from './progress-series';
import styles from './campaigns.module.css';

const PROJECTED = '#0b7285';

function ProgressTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}) {
  const point = payload?.[0]?.payload as ProgressPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <strong>{formatDate(point.date)}</strong>
      {point.actual !== null && <span>Actual: {point.actual} points</span>}
      {point.projected !== null && <span>Projected: {point.projected} points</span>}
    </div>
  );
}

/**
 * Actual points (solid, up to today) against the plan's projection (dashed, from today), as
 * step lines, with the goal and the ladder's steps. The figure's text alternative and the
 * table beside it (in the panel) carry the same figures.
 */
export function ProgressChart({
  series,
  today,
  goalPoints,
  goalReachedOn,
  thresholds,
  label,
}: {
  series: ProgressPoint[];
  today: string;
  goalPoints: number;
  goalReachedOn: string | null;
  thresholds: number[];
  label: string;
}) {
  const highest = Math.max(
    goalPoints,
    ...series.map((point) => Math.max(point.actual ?? 0, point.projected ?? 0)),
  );
  const top = highest + Math.max(2, Math.round(highest / 8));
  // Ladder steps make the best ticks; a ladder with few steps gets regular ones in between.
  const regular =
    thresholds.length >= 3
      ? []
      : Array.from({ length: 4 }, (_, index) => Math.round((goalPoints * index) / 4));
  const ticks = [...new Set([0, ...regular, ...thresholds, goalPoints])]
    .filter((tick) => tick <= top)
    .sort((a, b) => a - b);
  return (
    <div className={styles.chart} role="img" aria-label={label}>
      <LineChart
        responsive
        style={{ width: '100%', height: '100%' }}
        data={series}
        margin={{ ...CHART_MARGIN, top: 18 }}
        accessibilityLayer={false}
      >
        <CartesianGrid {...gridProps} />
        <XAxis {...timeAxisProps(series)} />
        <YAxis {...pointsAxisProps(top, ticks)} />
        <ReferenceLine {...thresholdLineProps(goalPoints, 'Goal')} />
        <ReferenceLine {...todayLineProps(today)} />
        {goalReachedOn && goalReachedOn !== today && (
          <ReferenceLine x={dayTime(goalReachedOn)} stroke={DANGER} strokeDasharray="2 3" />
        )}
        <Tooltip
          content={({ active, payload }) => <ProgressTooltip active={active} payload={payload} />}
        />
        <Line
          type="stepAfter"
          dataKey="actual"
          name="Actual points"
          stroke={BRAND}
          strokeWidth={2.5}
          dot={{ r: 3, fill: BRAND, strokeWidth: 0 }}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="projected"
          name="Projected by the plan"
          stroke={PROJECTED}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 3, fill: PROJECTED, strokeWidth: 0 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
