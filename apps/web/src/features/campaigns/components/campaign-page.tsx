import { MARKETPLACE_LABELS } from '@counterpoint/core';
import type { CampaignDetail } from '@counterpoint/core/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/status-badge';
import { Tabs, type Tab } from '../../../components/tabs';
import { ApiError } from '../../../lib/api-client';
import { campaignKeys } from '../api/campaign-keys';
import { isPlanPending, useCampaign } from '../api/get-campaign';
import { CAMPAIGN_STATUS } from './campaign-labels';
import { CoveragePanel } from './coverage-panel';
import { goalLabel } from './goal-options';
import { MyTasksPanel } from './my-tasks-panel';
import { OverviewPanel } from './overview-panel';
import { PlanPanel } from './plan-panel';
import { ProgressPanel } from './progress-panel';

const TAB_IDS = ['overview', 'plan', 'coverage', 'tasks', 'progress'] as const;
type TabId = (typeof TAB_IDS)[number];

/** `/collectives/:collectiveId/campaigns/:campaignId`: one campaign, on URL-backed tabs. */
export function CampaignPage() {
  const { collectiveId = '', campaignId = '' } = useParams();
  const campaign = useCampaign(collectiveId, campaignId);

  if (campaign.error instanceof ApiError && campaign.error.status === 404) {
    return (
      <>
        <PageHeader
          title="Campaign not found"
          back={{ to: `/collectives/${collectiveId}/campaigns`, label: 'Campaigns' }}
        />
        <EmptyState title="This campaign does not exist or you are not a member of its collective.">
          <Link to="/collectives">See your collectives</Link>
        </EmptyState>
      </>
    );
  }

  return (
    <DataState
      query={campaign}
      loadingLabel="Loading the campaign…"
      errorTitle="This campaign could not be loaded."
    >
      {(detail) => <CampaignView campaign={detail} />}
    </DataState>
  );
}

function CampaignView({ campaign }: { campaign: CampaignDetail }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const planStamp = campaign.plan?.computedAt ?? null;
  const previousStamp = useRef(planStamp);

  // A new plan changes the tasks, the coverage and the projection: load them again.
  useEffect(() => {
    if (previousStamp.current === planStamp) return;
    previousStamp.current = planStamp;
    void queryClient.invalidateQueries({ queryKey: campaignKeys.derived(campaign.id) });
  }, [planStamp, campaign.id, queryClient]);

  const requested = searchParams.get('tab');
  const selected: TabId = TAB_IDS.includes(requested as TabId) ? (requested as TabId) : 'overview';
  const select = (id: string) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams();
        if (id !== 'overview') next.set('tab', id);
        // The calendar's month and view stay with the plan tab; a pointed-at task with its tab.
        for (const key of ['month', 'view']) {
          const value = previous.get(key);
          if (id === 'plan' && value) next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const tabs: Tab[] = [
    { id: 'overview', label: 'Overview', panel: <OverviewPanel campaign={campaign} /> },
    { id: 'plan', label: 'Plan', panel: <PlanPanel campaign={campaign} /> },
    { id: 'coverage', label: 'Coverage', panel: <CoveragePanel campaign={campaign} /> },
    {
      id: 'tasks',
      label: 'My tasks',
      panel: <MyTasksPanel campaign={campaign} focusTaskId={searchParams.get('task')} />,
    },
    { id: 'progress', label: 'Progress', panel: <ProgressPanel campaign={campaign} /> },
  ];
  const status = CAMPAIGN_STATUS[campaign.status];
  const marketplaces = campaign.sellers.map((seller) => seller.marketplace);

  return (
    <>
      <PageHeader
        back={{ to: `/collectives/${campaign.collectiveId}/campaigns`, label: 'Campaigns' }}
        eyebrow={
          <>
            Campaign <Badge tone={status.tone}>{status.label}</Badge>
          </>
        }
        title={campaign.name}
        description={
          <p>
            Against{' '}
            {campaign.sellers.map((seller, index) => (
              <span key={seller.id}>
                {index > 0 && ', '}
                <Link to={`/sellers/${seller.id}`}>{seller.name ?? seller.storeId}</Link> (
                {MARKETPLACE_LABELS[seller.marketplace]})
              </span>
            ))}
            . Goal: {goalLabel(campaign.goalPoints, marketplaces)}
            {campaign.goalReachedOn && (
              <>
                , projected for <DateText value={campaign.goalReachedOn} />
              </>
            )}
            .
          </p>
        }
      />
      {isPlanPending(campaign) && (
        <p className="alert alert-info" role="status">
          {campaign.plan
            ? 'Something changed: the plan is being made again. This page updates by itself.'
            : 'The plan is being made. It appears here within a few moments.'}
        </p>
      )}
      <Tabs label="Campaign sections" tabs={tabs} selected={selected} onSelect={select} />
    </>
  );
}
