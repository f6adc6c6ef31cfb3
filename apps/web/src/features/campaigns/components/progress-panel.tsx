import { DEFAULT_RULESETS, MARKETPLACE_LABELS } from '@counterpoint/core';
import type { CampaignDetail, CampaignProgress } from '@counterpoint/core/contracts';
import { lazy, Suspense, useState } from 'react';
import { DataState, LoadingState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { Badge } from '../../../components/status-badge';
import { formatDate, formatNumber, todayIso } from '../../../lib/format';
import { useProgress } from '../api/get-progress';
import { addDays } from './calendar-days';
import { buildProgressSeries, clipSeries } from './progress-series';
import styles from './campaigns.module.css';

// The chart library is the heaviest part of the app: it loads on its own, after the figures.
const ProgressChart = lazy(async () => ({
  default: (await import('./progress-chart')).ProgressChart,
}));

type StoreProgress = CampaignProgress['sellers'][number];

/** The Progress tab: actual against projected points per target, milestones and task counts. */
export function ProgressPanel({ campaign }: { campaign: CampaignDetail }) {
  const progress = useProgress(campaign.collectiveId, campaign.id);
  return (
    <DataState
      query={progress}
      loadingLabel="Loading the progress…"
      errorTitle="The progress could not be loaded."
    >
      {(data) => (
        <div className="stack">
          <dl className="stat-grid" aria-label="Tasks">
            {(
              [
                ['To file', data.tasks.planned],
                ['Filed', data.tasks.filed],
                ['Skipped', data.tasks.skipped],
                ['Overdue', data.tasks.overdue],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="stat">
                <dt>{label}</dt>
                <dd>{formatNumber(value)}</dd>
              </div>
            ))}
          </dl>
          {data.sellers.map((store) => (
            <StoreProgressCard key={store.sellerId} store={store} campaign={campaign} />
          ))}
        </div>
      )}
    </DataState>
  );
}

function StoreProgressCard({
  store,
  campaign,
}: {
  store: StoreProgress;
  campaign: CampaignDetail;
}) {
  const today = campaign.plan?.asOf ?? todayIso();
  const series = buildProgressSeries(store.actual, store.projected, today);
  // By default the chart shows the last two months and the plan; the table has everything.
  const recentFrom = addDays(today, -60);
  const hasOlder = series.some((point) => point.date < recentFrom);
  const [isAllHistory, setAllHistory] = useState(false);
  const charted = hasOlder && !isAllHistory ? clipSeries(series, recentFrom) : series;
  const name = store.name ?? store.storeId;
  const ladder = DEFAULT_RULESETS[store.marketplace].ladder;
  const plan = campaign.plan?.sellers.find((entry) => entry.sellerId === store.sellerId);
  const upcoming = (plan?.projection ?? []).filter((tier) => !tier.isAlreadyReached && tier.date);
  const current = store.confirmedPoints ?? 0;
  const summary = [
    `${current} confirmed points`,
    store.pendingPoints ? `${store.pendingPoints} pending` : null,
    store.goalReachedOn
      ? `the plan reaches the goal of ${campaign.goalPoints} points on ${formatDate(store.goalReachedOn)}`
      : `the plan does not reach the goal of ${campaign.goalPoints} points`,
  ]
    .filter(Boolean)
    .join('; ');
  const titleId = `progress-${store.sellerId}`;

  return (
    <section className="card stack-sm" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId}>{name}</h2>
        <span className={styles.estimateTag}>
          <Badge tone="warning">Estimate</Badge>
          <span className="muted small">
            {MARKETPLACE_LABELS[store.marketplace]}
            {store.rulesetId && (
              <>
                {' '}
                · <code>{store.rulesetId}</code>
              </>
            )}
          </span>
        </span>
      </header>
      <p className="small">Today: {summary}.</p>
      {store.isTerminated && (
        <p className="alert alert-success">Estimated to have reached termination.</p>
      )}
      {series.length === 0 ? (
        <p className="muted">No point is established yet, and the plan projects none.</p>
      ) : (
        <figure className={styles.figure}>
          <figcaption className={styles.figureCaption}>Points: actual and projected</figcaption>
          {hasOlder && (
            <div className={styles.viewSwitch} role="group" aria-label="Period shown">
              <button
                type="button"
                className="button small"
                aria-pressed={!isAllHistory}
                onClick={() => setAllHistory(false)}
              >
                Last 2 months
              </button>
              <button
                type="button"
                className="button small"
                aria-pressed={isAllHistory}
                onClick={() => setAllHistory(true)}
              >
                All history
              </button>
            </div>
          )}
          <Suspense fallback={<LoadingState label="Loading the chart…" />}>
            <ProgressChart
              series={charted}
              today={today}
              goalPoints={campaign.goalPoints}
              goalReachedOn={store.goalReachedOn}
              thresholds={ladder.map((step) => step.points)}
              label={`Points of ${name} over time: ${summary}.`}
            />
          </Suspense>
          <ul className={styles.chartLegend} aria-hidden="true">
            <li>
              <span className={styles.lineSolid} /> Actual points
            </li>
            <li>
              <span className={styles.lineProjected} /> Projected by the plan
            </li>
            <li>
              <span className={styles.lineGoal} /> Goal
            </li>
          </ul>
          <details>
            <summary className={styles.tableToggle}>Show the figures as a table</summary>
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">Points of {name}, day by day</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col" className="align-end">
                      Actual
                    </th>
                    <th scope="col" className="align-end">
                      Projected
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {series.map((point) => (
                    <tr key={point.date}>
                      <td>
                        <DateText value={point.date} />
                        {point.date === today && <span className="muted"> (today)</span>}
                      </td>
                      <td className="align-end">{point.actual ?? '—'}</td>
                      <td className="align-end">{point.projected ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </figure>
      )}
      <h3 className={styles.subheading}>Milestones</h3>
      <Milestones store={store} upcoming={upcoming} goalPoints={campaign.goalPoints} />
    </section>
  );
}

function Milestones({
  store,
  upcoming,
  goalPoints,
}: {
  store: StoreProgress;
  upcoming: { tierPoints: number; label: string; date: string | null }[];
  goalPoints: number;
}) {
  const past = [...store.tierEvents].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  if (past.length === 0 && upcoming.length === 0) {
    return <p className="muted small">No step of the ladder is reached or projected yet.</p>;
  }
  return (
    <ol className="timeline">
      {past.map((event) => (
        <li key={`${event.toPoints}-${event.occurredAt}`}>
          <div className="timeline-head">
            <strong>{event.label}</strong>
            <Badge tone="success">Reached</Badge>
            {event.toPoints >= goalPoints && <Badge tone="info">Goal</Badge>}
          </div>
          <p className="small muted">
            <DateText value={event.occurredAt} /> · {event.toPoints} points
            {event.fromPoints !== null && ` (from ${event.fromPoints})`}
          </p>
        </li>
      ))}
      {upcoming.map((tier) => (
        <li key={`projected-${tier.tierPoints}`}>
          <div className="timeline-head">
            <strong>{tier.label}</strong>
            <Badge tone="neutral">Projected</Badge>
            {tier.tierPoints === goalPoints && <Badge tone="info">Goal</Badge>}
          </div>
          <p className="small muted">
            <DateText value={tier.date} /> · {tier.tierPoints} points, if the plan is followed
          </p>
        </li>
      ))}
    </ol>
  );
}
