import type { CampaignDetail, CampaignParticipant } from '@counterpoint/core/contracts';
import { DateText } from '../../../components/date-text';
import { Table, type Column } from '../../../components/table';
import { formatNumber } from '../../../lib/format';
import { CampaignAdminSection } from './campaign-admin-section';
import { memberColours } from './member-colours';
import { describeConstraints } from './describe-constraints';
import { ParticipationSection } from './participation-section';
import { TargetCard } from './target-card';
import styles from './campaigns.module.css';

/** The Overview tab: the goal and its projected day per target, my part, and the settings. */
export function OverviewPanel({ campaign }: { campaign: CampaignDetail }) {
  const isAdmin = campaign.role === 'owner' || campaign.role === 'admin';
  const counts = campaign.taskCounts;
  return (
    <div className="stack">
      <dl className="stat-grid">
        <div className="stat">
          <dt>Projected goal day</dt>
          <dd className={styles.statText}>
            {campaign.goalReachedOn ? (
              <DateText value={campaign.goalReachedOn} />
            ) : (
              <span className="muted">Not projected</span>
            )}
          </dd>
        </div>
        <div className="stat">
          <dt>Tasks to file</dt>
          <dd>{formatNumber(counts.planned)}</dd>
        </div>
        <div className="stat">
          <dt>Filed</dt>
          <dd>{formatNumber(counts.filed)}</dd>
        </div>
        <div className="stat">
          <dt>Skipped</dt>
          <dd>{formatNumber(counts.skipped)}</dd>
        </div>
        <div className="stat">
          <dt>Members taking part</dt>
          <dd>{formatNumber(campaign.participantCount)}</dd>
        </div>
        {campaign.endsOn && (
          <div className="stat">
            <dt>Ends</dt>
            <dd className={styles.statText}>
              <DateText value={campaign.endsOn} />
            </dd>
          </div>
        )}
      </dl>
      {counts.overdue > 0 && (
        <p className="alert alert-info">
          {formatNumber(counts.overdue)} planned {counts.overdue === 1 ? 'task’s' : 'tasks’'} day
          has passed: the next daily plan moves {counts.overdue === 1 ? 'it' : 'them'} to the first
          day that still works.
        </p>
      )}
      {campaign.status === 'paused' && (
        <p className="alert alert-info">
          The campaign is paused: nobody is asked to file until an admin resumes it.
        </p>
      )}
      {campaign.plan && campaign.plan.warnings.length > 0 && (
        <ul className={styles.warningList} aria-label="Warnings about the plan">
          {campaign.plan.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}

      <section aria-labelledby="targets-title" className="stack">
        <h2 id="targets-title" className={styles.sectionTitle}>
          {campaign.sellers.length === 1 ? 'Target' : 'Targets'}
        </h2>
        {campaign.sellers.map((seller) => (
          <TargetCard
            key={seller.id}
            campaign={campaign}
            seller={seller}
            plan={campaign.plan?.sellers.find((plan) => plan.sellerId === seller.id)}
          />
        ))}
      </section>

      <div className="grid-2">
        <ParticipationSection campaign={campaign} />
        {isAdmin && <CampaignAdminSection campaign={campaign} />}
      </div>

      <ParticipantsTable campaign={campaign} />
      <p className="small muted">
        Started by {campaign.createdBy?.displayName ?? 'a former member'} on{' '}
        <DateText value={campaign.createdAt} />. All points and dates are estimates under the named
        rulesets.
      </p>
    </div>
  );
}

function ParticipantsTable({ campaign }: { campaign: CampaignDetail }) {
  const colourOf = memberColours(campaign.participants.map((participant) => participant.artistId));
  const columns: Column<CampaignParticipant>[] = [
    {
      key: 'member',
      header: 'Member',
      sortValue: (participant) => participant.displayName,
      cell: (participant) => (
        <span className={styles.memberName}>
          <span
            className={styles.swatch}
            style={{ background: colourOf(participant.artistId) }}
            aria-hidden="true"
          />
          {participant.displayName}
          {participant.isYou && <span className="muted"> (you)</span>}
        </span>
      ),
    },
    {
      key: 'constraints',
      header: 'Can file',
      cell: (participant) => describeConstraints(participant),
    },
    {
      key: 'joined',
      header: 'Joined',
      sortValue: (participant) => participant.joinedAt,
      cell: (participant) => <DateText value={participant.joinedAt} />,
    },
  ];
  return (
    <section aria-labelledby="participants-title">
      <h2 id="participants-title" className={styles.sectionTitle}>
        Taking part
      </h2>
      {campaign.participants.length === 0 ? (
        <p className="muted">Nobody has opted in yet: the plan needs at least one member.</p>
      ) : (
        <Table
          stackOnPhone
          caption="Members taking part and when they can file"
          columns={columns}
          rows={campaign.participants}
          rowKey={(participant) => participant.artistId}
        />
      )}
    </section>
  );
}
