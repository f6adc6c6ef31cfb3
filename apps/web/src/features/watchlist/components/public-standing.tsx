import type { PublicSeller } from '@counterpoint/core/contracts';
import { LadderGauge } from '../../../components/charts/ladder-gauge';
import { DateText } from '../../../components/date-text';
import { StandingOutlook } from '../../../components/standing-outlook';
import { formatNumber } from '../../../lib/format';
import { ladderOf } from './ladder-of';
import styles from './public-seller.module.css';

type Standing = PublicSeller['standing'];

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
        <StandingOutlook standing={standing} wideClassName={styles.wide} />
      </dl>
      <h3 className="subheading">Penalty ladder</h3>
      <LadderGauge
        ladder={ladderOf(standing)}
        terminationPoints={standing.terminationPoints}
        confirmedPoints={standing.confirmedPoints}
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
