import type { StandingView } from '@counterpoint/core/contracts';
import { lazy, Suspense } from 'react';
import { LadderGauge } from '../../../components/charts/ladder-gauge';
import { ErrorState, LoadingState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { StandingOutlook } from '../../../components/standing-outlook';
import { Badge } from '../../../components/status-badge';
import { formatDate } from '../../../lib/format';
import { useSellerStanding } from '../api/get-seller-standing';
import { ExplanationTable, type ReasonLabels } from './explanation-table';
import styles from './seller-page.module.css';

// The chart library is most of this page's weight: it loads on its own, after the figures.
const PointsTimeline = lazy(async () => ({
  default: (await import('../../../components/charts/points-timeline')).PointsTimeline,
}));

const CONFIDENCE: Record<'high' | 'medium' | 'low', string> = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
};

function StandingFigures({ standing }: { standing: StandingView }) {
  return (
    <dl className={styles.figures}>
      <div>
        <dt>Confirmed points</dt>
        <dd>
          <strong className={styles.bigFigure}>{standing.confirmedPoints}</strong>
          <span className="muted"> of {standing.terminationPoints}</span>
        </dd>
      </div>
      <div>
        <dt>Pending points</dt>
        <dd>
          <strong className={styles.bigFigure}>{standing.pendingPoints}</strong>
          <span className="muted small"> if complaints in progress are established</span>
        </dd>
      </div>
      <div>
        <dt>Remaining to termination</dt>
        <dd>
          <strong className={styles.bigFigure}>{standing.remainingPoints}</strong>
          <span className="muted"> points</span>
        </dd>
      </div>
      <div>
        <dt>Tier</dt>
        <dd>
          <strong>{standing.tier?.label ?? 'None yet'}</strong>
          {standing.nextTier && (
            <span className="muted small">
              {' '}
              · next: {standing.nextTier.label} at {standing.nextTier.points}
            </span>
          )}
        </dd>
      </div>
      <StandingOutlook standing={standing} wideClassName={styles.wide} />
    </dl>
  );
}

function AboutEstimate({ standing }: { standing: StandingView }) {
  const { ruleset } = standing;
  return (
    <details className={styles.about}>
      <summary>About this estimate</summary>
      <div className={styles.columnTight}>
        <p className="small">
          Marketplaces do not publish sellers’ penalty points. Counterpoint estimates them from the
          complaints recorded here and the published rules, under ruleset{' '}
          <code>{standing.rulesetId}</code>
          {ruleset && (
            <>
              {' '}
              (version {ruleset.version}, in force from {formatDate(ruleset.effectiveFrom)},{' '}
              {CONFIDENCE[ruleset.confidence].toLowerCase()})
            </>
          )}
          . Estimated for {formatDate(standing.asOf)}, computed{' '}
          <DateText value={standing.computedAt} withTime />.
        </p>
        {ruleset && ruleset.sourceNotes.length > 0 && (
          <>
            <h4 className={styles.aboutHeading}>Sources and assumptions</h4>
            <ul className="small">
              {ruleset.sourceNotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}

/** The seller's estimated standing: figures, ladder, timeline and explanation. */
export function StandingSection({
  sellerId,
  labels,
}: {
  sellerId: string;
  /** Turns ids in the explanation's sentences into listing and complaint names. */
  labels?: ReasonLabels;
}) {
  const standingQuery = useSellerStanding(sellerId);
  const standing = standingQuery.data;

  return (
    <section id="standing" className="card" aria-labelledby="standing-title">
      <header className="card-header">
        <h2 id="standing-title">Standing</h2>
        {standing && (
          <span className={styles.estimateTag}>
            <Badge tone="warning">Estimate</Badge>
            <code className="small">{standing.rulesetId}</code>
            {standing.ruleset && (
              <span className="muted small">{CONFIDENCE[standing.ruleset.confidence]}</span>
            )}
          </span>
        )}
      </header>
      {standingQuery.isPending ? (
        <LoadingState label="Loading the standing…" />
      ) : standingQuery.error ? (
        <ErrorState
          error={standingQuery.error}
          title="The standing could not be loaded."
          onRetry={() => void standingQuery.refetch()}
        />
      ) : !standing ? (
        <div className="state state-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>The standing is being computed. It appears here within a few moments.</span>
        </div>
      ) : (
        <div className={styles.column}>
          {standing.isStale && (
            <p className="alert alert-info" role="status">
              New facts arrived: the standing is being recomputed. These figures are from{' '}
              <DateText value={standing.computedAt} withTime />.
            </p>
          )}
          {standing.isTerminated && (
            <p className="alert alert-error">
              Estimated to have reached termination ({standing.terminationPoints} points).
            </p>
          )}
          <StandingFigures standing={standing} />
          <div>
            <h3 className={styles.subheading}>Penalty ladder</h3>
            <LadderGauge
              ladder={standing.ruleset?.ladder ?? []}
              terminationPoints={standing.terminationPoints}
              confirmedPoints={standing.confirmedPoints}
              pendingPoints={standing.pendingPoints}
              label="Estimated penalty points on the ladder"
            />
          </div>
          <div>
            <h3 className={styles.subheading}>Points over time</h3>
            <Suspense fallback={<LoadingState label="Loading the chart…" />}>
              <PointsTimeline
                timeline={standing.timeline}
                asOf={standing.asOf}
                terminationPoints={standing.terminationPoints}
                thresholds={standing.ruleset?.ladder.map((step) => step.points) ?? []}
                title="Confirmed points, with expiry"
              />
            </Suspense>
          </div>
          <div>
            <h3 className={styles.subheading}>Why these points</h3>
            <ExplanationTable
              explanation={standing.explanation}
              hiddenEntries={standing.hiddenComplaints}
              labels={labels}
            />
          </div>
          <AboutEstimate standing={standing} />
        </div>
      )}
    </section>
  );
}
