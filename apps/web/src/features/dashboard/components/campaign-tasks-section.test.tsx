import type { CampaignSummary } from '@counterpoint/core/contracts';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTask, CAMPAIGN_ID, COLLECTIVE_ID } from '../../../test/campaign-factories';
import { stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { CampaignTasksSection } from './campaign-tasks-section';

afterEach(() => vi.unstubAllGlobals());

const OTHER_CAMPAIGN = 'c0000000-0000-4000-8000-000000000002';

function campaign(overrides: Partial<CampaignSummary>): CampaignSummary {
  return {
    id: CAMPAIGN_ID,
    collectiveId: COLLECTIVE_ID,
    name: 'GlowPins spring campaign',
    status: 'open',
    goalPoints: 48,
    endsOn: null,
    sellers: [],
    participantCount: 3,
    isParticipant: true,
    goalReachedOn: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('CampaignTasksSection', () => {
  it('lists my planned tasks of the open campaigns I take part in, soonest first', async () => {
    const base = `/api/v1/collectives/${COLLECTIVE_ID}/campaigns`;
    const spy = stubApi({
      'GET /api/v1/collectives': {
        body: {
          collectives: [
            {
              id: COLLECTIVE_ID,
              name: 'Enamel Pin Makers Guild',
              description: '',
              role: 'member',
              memberCount: 4,
              createdAt: '2026-01-01T00:00:00.000Z',
              updatedAt: '2026-01-01T00:00:00.000Z',
            },
          ],
        },
      },
      [`GET ${base}`]: {
        body: {
          campaigns: [
            campaign({}),
            campaign({ id: OTHER_CAMPAIGN, name: 'Paused one', status: 'paused' }),
          ],
        },
      },
      [`GET ${base}/${CAMPAIGN_ID}/tasks`]: {
        body: {
          tasks: [
            buildTask({ fileOn: '2026-03-09' }),
            buildTask({
              fileOn: '2026-03-04',
              ipr: {
                artworkId: 'b0000000-0000-4000-8000-000000000009',
                artworkTitle: 'Fiddlehead Fern pin',
                iprReference: null,
                iprStatus: 'approved',
              },
            }),
          ],
        },
      },
    });
    renderPage(<CampaignTasksSection />);

    const items = within(await screen.findByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'File Fiddlehead Fern pin: 2 listings',
      'File Luna Moth enamel pin: 2 listings',
    ]);
    expect(within(items[0]!).getByRole('link')).toHaveAttribute(
      'href',
      expect.stringContaining(`/campaigns/${CAMPAIGN_ID}?tab=tasks&task=`),
    );
    // Only my planned tasks, and the paused campaign is not asked.
    const asked = spy.mock.calls.map(([url]) => url.toString());
    expect(asked).toContain(`${base}/${CAMPAIGN_ID}/tasks?scope=mine&status=planned`);
    expect(asked.some((url) => url.includes(OTHER_CAMPAIGN))).toBe(false);
  });

  it('says so when I have no campaign task', async () => {
    stubApi({ 'GET /api/v1/collectives': { body: { collectives: [] } } });
    renderPage(<CampaignTasksSection />);
    expect(await screen.findByText('No campaign task for you')).toBeInTheDocument();
  });
});
