import type { CampaignDetail } from '@counterpoint/core/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTask, CAMPAIGN_ID, COLLECTIVE_ID, MIRA } from '../../../test/campaign-factories';
import { stubApi } from '../../../test/fetch-stub';
import { CampaignPage } from './campaign-page';

afterEach(() => vi.unstubAllGlobals());

const base = `/api/v1/collectives/${COLLECTIVE_ID}/campaigns/${CAMPAIGN_ID}`;

function detail(overrides: Partial<CampaignDetail> = {}): CampaignDetail {
  return {
    id: CAMPAIGN_ID,
    collectiveId: COLLECTIVE_ID,
    name: 'GlowPins spring campaign',
    status: 'open',
    goalPoints: 48,
    endsOn: null,
    sellers: [
      {
        id: 'a0000000-0000-4000-8000-000000000001',
        marketplace: 'aliexpress',
        storeId: '1102345678',
        name: 'GlowPins Official Store',
        storeUrl: 'https://www.aliexpress.com/store/1102345678',
        confirmedPoints: 30,
        tierLabel: null,
      },
    ],
    participantCount: 1,
    isParticipant: true,
    goalReachedOn: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    role: 'member',
    createdBy: { id: MIRA.id, displayName: MIRA.displayName },
    participants: [
      {
        artistId: MIRA.id,
        displayName: MIRA.displayName,
        isYou: true,
        unavailableWeekdays: [6, 0],
        unavailableDates: [],
        maxPerWeek: 2,
        joinedAt: '2026-03-01T10:00:00.000Z',
      },
    ],
    plan: null,
    taskCounts: { planned: 1, filed: 0, skipped: 0, cancelled: 0, overdue: 0 },
    ...overrides,
  };
}

function renderAt(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [{ path: 'collectives/:collectiveId/campaigns/:campaignId', element: <CampaignPage /> }],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const pagePath = `/collectives/${COLLECTIVE_ID}/campaigns/${CAMPAIGN_ID}`;

describe('CampaignPage', () => {
  it('opens the tab named in the URL and keeps the chosen tab there', async () => {
    stubApi({
      [`GET ${base}`]: { body: detail() },
      [`GET ${base}/tasks`]: { body: { tasks: [buildTask()] } },
    });
    const user = userEvent.setup();
    const router = renderAt(`${pagePath}?tab=tasks`);

    const tabs = await screen.findByRole('tablist', { name: 'Campaign sections' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Overview', 'Plan', 'Coverage', 'My tasks', 'Progress']);
    expect(within(tabs).getByRole('tab', { name: 'My tasks' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await screen.findByRole('button', { name: 'Copy 2 URLs' })).toBeInTheDocument();
    // The worker has not planned it yet: the page says so (and polls).
    expect(screen.getByText(/The plan is being made/)).toBeInTheDocument();

    await user.click(within(tabs).getByRole('tab', { name: 'Overview' }));
    expect(router.state.location.search).toBe('');
    expect(screen.getAllByText(/not on Saturday, Sunday · at most 2 a week/)).toHaveLength(2);
    expect(screen.queryByRole('heading', { name: 'Manage the campaign' })).not.toBeInTheDocument();
  });

  it('says the campaign is not found for anyone outside the collective', async () => {
    stubApi({
      [`GET ${base}`]: {
        status: 404,
        body: { error: { code: 'not_found', message: 'This campaign was not found.' } },
      },
    });
    renderAt(pagePath);
    expect(await screen.findByRole('heading', { name: 'Campaign not found' })).toBeInTheDocument();
  });
});
