import type { PublicSeller } from '@counterpoint/core/contracts';
import { LadderGauge } from '../../../components/charts/ladder-gauge';
import { DateText } from '../../../components/date-text';
import { formatNumber, plural } from '../../../lib/format';
import { ladderOf } from './ladder-of';
import styles from './public-seller.module.css';

type Standing = PublicSeller['standing'];

function NeededSentence({ standing }: { standing: Standing }) {
  if (standing.isTerminated) return <>The estimate has reached the termination threshold.</>;
  if (standing.complaintsNeeded === null || standing.distinctDaysNeeded === null)
    return <>Termination cannot be reached with general complaints under this ruleset.</>;
  return (
    <>
      At least <strong>{plural(standing.complaintsNeeded, 'more established complaint')}</strong> on{' '}
      <strong>{plural(standing.distinctDaysNeeded, 'distinct day')}</strong>.
    </>
  );
}

/** A listed seller's standing: the estimate's figures and where they sit on the ladder. */
export function PublicStanding({ standing }: { standing: Standing }) {
  return (
    <section className="card" aria-labelledby="standing-title">
      <div className="card-header">
        <h2 id="standing-title">Standing (estimate)</h2>
        <span className="muted small">
          Ruleset <code className="break">{standing.rulesetId}</code> · as of{' '}
          <DateText value={standing.asOf} />
        </span>
      </div>
      <dl className={styles.figures}>
        <div>
          <dt>Confirmed points</dt>
          <dd>
            <strong className={styles.bigFigure}>{formatNumber(standing.confirmedPoints)}</strong>
            <span className="muted"> of {formatNumber(standing.terminationPoints)}</span>
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
        <div>
          <dt>Remaining to termination</dt>
          <dd>
            <strong className={styles.bigFigure}>{formatNumber(standing.remainingPoints)}</strong>
            <span className="muted"> points</span>
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>Still needed for termination</dt>
          <dd>
            <NeededSentence standing={standing} />
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>Expiry</dt>
          <dd>
            {standing.pointsStartExpiringOn ? (
              <>
                Points start to expire on{' '}
                <strong>
                  <DateText value={standing.pointsStartExpiringOn} />
                </strong>
                .
              </>
            ) : (
              'No points are counting, so none are due to expire.'
            )}
          </dd>
        </div>
        {standing.strikes > 0 && (
          <div className={styles.wide}>
            <dt>Strikes (serious infringement)</dt>
            <dd>
              {standing.strikes}
              {standing.strikesToClosure !== null && (
                <span className="muted"> · {standing.strikesToClosure} more close the account</span>
              )}
            </dd>
          </div>
        )}
      </dl>
      <h3 className="subheading">Penalty ladder</h3>
      <LadderGauge
        ladder={ladderOf(standing)}
        terminationPoints={standing.terminationPoints}
        confirmedPoints={standing.confirmedPoints}
        pendingPoints={0}
        label="Estimated penalty points on the ladder"
      />
      <p className="muted small">
        An estimate from every complaint established against the seller (not only the published
        ones) and the marketplace’s published rules, not an official figure. Complaints still in
        progress are not published, so no pending points are shown.
      </p>
    </section>
  );
}
