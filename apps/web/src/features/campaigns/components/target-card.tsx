import { DEFAULT_RULESETS, MARKETPLACE_LABELS } from '@counterpoint/core';
import type { CampaignDetail, SellerPlanView } from '@counterpoint/core/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { LadderGauge } from '../../../components/charts/ladder-gauge';
import type { LadderStep } from '../../../components/charts/ladder';
import { DateText } from '../../../components/date-text';
import { Badge, IprStatusBadge } from '../../../components/status-badge';
import { plural } from '../../../lib/format';
import { coverageQueryOptions } from '../api/get-coverage';
import { useTargetStanding } from '../api/get-target-standing';
import { setupsThatHelp } from './setups-that-help';
import styles from './campaigns.module.css';

type CampaignSeller = CampaignDetail['sellers'][number];

/** One target store: its standing on the ladder, the goal's projected day or the shortfall. */
export function TargetCard({
  campaign,
  seller,
  plan,
}: {
  campaign: CampaignDetail;
  seller: CampaignSeller;
  plan: SellerPlanView | undefined;
}) {
  const standing = useTargetStanding(seller.id);
  const coverage = useQuery({
    ...coverageQueryOptions(campaign.collectiveId, campaign.id),
    enabled: !!plan?.shortfall,
  });
  const ruleset = standing.data?.ruleset ?? DEFAULT_RULESETS[seller.marketplace];
  const ladder: LadderStep[] = ruleset.ladder;
  const terminationPoints = standing.data?.terminationPoints ?? ruleset.terminationPoints;
  const confirmed =
    plan?.currentStanding.confirmedPoints ??
    standing.data?.confirmedPoints ??
    seller.confirmedPoints ??
    0;
  const pending = plan?.currentStanding.pendingPoints ?? standing.data?.pendingPoints ?? 0;
  const goalStep = ladder.find((step) => step.points === campaign.goalPoints);
  const helps = coverage.data ? setupsThatHelp(coverage.data, seller.id) : [];
  const titleId = `target-${seller.id}`;

  return (
    <section className="card" aria-labelledby={titleId}>
      <header className="card-header">
        <h3 id={titleId} className={styles.cardTitle}>
          <Link to={`/sellers/${seller.id}`}>{seller.name ?? seller.storeId}</Link>
        </h3>
        <span className={styles.estimateTag}>
          <Badge tone="warning">Estimate</Badge>
          <span className="muted small">
            {MARKETPLACE_LABELS[seller.marketplace]} · <code>{plan?.rulesetId ?? ruleset.id}</code>
          </span>
        </span>
      </header>
      <div className="stack">
        <LadderGauge
          ladder={ladder}
          terminationPoints={terminationPoints}
          confirmedPoints={confirmed}
          pendingPoints={pending}
          label={`Estimated penalty points of ${seller.name ?? seller.storeId}`}
        />
        {!plan ? (
          <p className="muted">The plan for this store is not made yet.</p>
        ) : (
          <>
            <GoalSentence plan={plan} goalLabel={goalStep?.label ?? null} />
            {plan.shortfall && (
              <div className={`alert ${styles.alertWarning}`}>
                <p className={styles.alertTitle}>
                  Short of the goal by {plural(plan.shortfall.missingPoints, 'point')}
                </p>
                <p>{plan.shortfall.message}</p>
                <p className="small">
                  Missing: {plural(plan.shortfall.missingComplaints, 'established complaint')} on{' '}
                  {plural(plan.shortfall.missingDistinctDays, 'more distinct day')}.
                </p>
                {helps.length > 0 && (
                  <>
                    <p className={styles.alertTitle}>IPP set-up that would help</p>
                    <ul className={styles.helpList}>
                      {helps.slice(0, 8).map((entry) => (
                        <li key={entry.key}>
                          <strong>{entry.isYou ? 'You' : entry.displayName}</strong>:{' '}
                          {entry.artworkTitle} <IprStatusBadge status={entry.iprStatus} />{' '}
                          <span className="small">
                            · {plural(entry.listings, 'listing')} waiting
                          </span>
                        </li>
                      ))}
                    </ul>
                    <p className="small">See the Coverage tab for each member’s IPP checklist.</p>
                  </>
                )}
              </div>
            )}
            {plan.projection.length > 0 && (
              <div>
                <h4 className={styles.subheading}>When each step is projected</h4>
                <ul className={styles.projectionList}>
                  {plan.projection.map((tier) => (
                    <li key={tier.tierPoints}>
                      <span>
                        <strong>{tier.tierPoints}</strong> · {tier.label}
                        {tier.tierPoints === campaign.goalPoints && (
                          <>
                            {' '}
                            <Badge tone="info">Goal</Badge>
                          </>
                        )}
                      </span>
                      <span className="small">
                        {tier.isAlreadyReached ? (
                          <Badge tone="success">Reached</Badge>
                        ) : tier.date ? (
                          <DateText value={tier.date} />
                        ) : (
                          <span className="muted">Not within the plan</span>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <CoverageSummary plan={plan} />
            {plan.warnings.length > 0 && (
              <ul className={styles.warningList} aria-label="Warnings about this store’s plan">
                {plan.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}

function GoalSentence({ plan, goalLabel }: { plan: SellerPlanView; goalLabel: string | null }) {
  const goal = `${plan.goal.points} points${goalLabel ? ` (${goalLabel})` : ''}`;
  if (plan.currentStanding.isTerminated) {
    return <p className="alert alert-success">Estimated to have reached termination.</p>;
  }
  if (plan.goal.reachedOn) {
    return (
      <p className={styles.goalSentence}>
        Goal {goal}: projected on{' '}
        <strong>
          <DateText value={plan.goal.reachedOn} />
        </strong>
        {plan.goal.plannedDaysToGoal > 0 && (
          <>, with establishments on {plural(plan.goal.plannedDaysToGoal, 'more distinct day')}</>
        )}
        .
      </p>
    );
  }
  return (
    <p className={styles.goalSentence}>
      Goal {goal}: <strong>not reachable</strong> with what the members can file today.
    </p>
  );
}

function CoverageSummary({ plan }: { plan: SellerPlanView }) {
  const { coverage } = plan;
  const facts: [string, number][] = [
    ['Listings', coverage.listingsTotal],
    ['Planned', coverage.plannedListings],
    ['Unclaimed', coverage.unclaimed],
    ['Complained', coverage.alreadyComplained],
    ['Removed', coverage.removed],
  ];
  if (coverage.contested > 0) facts.push(['Contested', coverage.contested]);
  if (coverage.outOfScope > 0) facts.push(['Out of scope', coverage.outOfScope]);
  return (
    <dl className={styles.inlineFacts} aria-label="Listings of this store">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
