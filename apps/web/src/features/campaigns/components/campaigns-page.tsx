import type { CampaignSummary } from '@counterpoint/core/contracts';
import { MARKETPLACE_LABELS } from '@counterpoint/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/status-badge';
import { ApiError } from '../../../lib/api-client';
import { plural } from '../../../lib/format';
import { campaignPageUrl } from '../api/campaign-keys';
import { useCampaigns } from '../api/get-campaigns';
import { useCollective } from '../api/get-collective';
import { CAMPAIGN_STATUS } from './campaign-labels';
import { CreateCampaignForm } from './create-campaign-form';
import { goalLabel } from './goal-options';
import styles from './campaigns.module.css';

/** `/collectives/:collectiveId/campaigns`: the collective's campaigns, and a new one for admins. */
export function CampaignsPage() {
  const { collectiveId = '' } = useParams();
  const collective = useCollective(collectiveId);
  const campaigns = useCampaigns(collectiveId);
  const [isCreating, setCreating] = useState(false);
  const isAdmin = collective.data?.role === 'owner' || collective.data?.role === 'admin';

  if (collective.error instanceof ApiError && collective.error.status === 404) {
    return (
      <>
        <PageHeader
          title="Collective not found"
          back={{ to: '/collectives', label: 'Collectives' }}
        />
        <EmptyState title="This collective does not exist or you are not a member.">
          <Link to="/collectives">See your collectives</Link>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        back={{
          to: `/collectives/${collectiveId}`,
          label: collective.data?.name ?? 'Collective',
        }}
        title="Joint campaigns"
        description={
          <p>
            A campaign spreads members’ own complaints about a seller over distinct days, so that
            none is lost to the marketplace’s daily cap. Every complaint comes from the artist whose
            approved work the listing copies.
          </p>
        }
        actions={
          isAdmin &&
          !isCreating && (
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              New campaign
            </button>
          )
        }
      />
      <div className="stack">
        {isAdmin && isCreating && (
          <CreateCampaignForm collectiveId={collectiveId} onCancel={() => setCreating(false)} />
        )}
        <DataState
          query={campaigns}
          loadingLabel="Loading campaigns…"
          errorTitle="The campaigns could not be loaded."
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="No campaign yet">
              {isAdmin
                ? 'Start one against a seller that copies several members: the plan tells each member what to file and when.'
                : 'Admins of the collective start campaigns; you will see them here and can opt in.'}
            </EmptyState>
          }
        >
          {(list) => (
            <ul className={styles.campaignList} aria-label="Campaigns">
              {list.map((campaign) => (
                <CampaignItem key={campaign.id} campaign={campaign} />
              ))}
            </ul>
          )}
        </DataState>
      </div>
    </>
  );
}

function CampaignItem({ campaign }: { campaign: CampaignSummary }) {
  const status = CAMPAIGN_STATUS[campaign.status];
  const marketplaces = campaign.sellers.map((seller) => seller.marketplace);
  return (
    <li className={`card ${styles.campaignItem}`}>
      <div className={styles.campaignItemHead}>
        <h2 className={styles.campaignName}>
          <Link to={campaignPageUrl(campaign.collectiveId, campaign.id)}>{campaign.name}</Link>
        </h2>
        <Badge tone={status.tone}>{status.label}</Badge>
        {campaign.isParticipant && <Badge tone="info">You take part</Badge>}
      </div>
      <p className="small muted">
        Against{' '}
        {campaign.sellers
          .map(
            (seller) =>
              `${seller.name ?? seller.storeId} (${MARKETPLACE_LABELS[seller.marketplace]})`,
          )
          .join(', ')}
      </p>
      <dl className={styles.inlineFacts}>
        <div>
          <dt>Goal</dt>
          <dd>{goalLabel(campaign.goalPoints, marketplaces)}</dd>
        </div>
        <div>
          <dt>Projected goal day</dt>
          <dd>
            {campaign.goalReachedOn ? (
              <DateText value={campaign.goalReachedOn} />
            ) : (
              <span className="muted">Not projected yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Taking part</dt>
          <dd>{plural(campaign.participantCount, 'member')}</dd>
        </div>
        {campaign.endsOn && (
          <div>
            <dt>Ends</dt>
            <dd>
              <DateText value={campaign.endsOn} />
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}
