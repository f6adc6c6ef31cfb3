import type { DisputeView } from '@counterpoint/core/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sentBodies, stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { DisputesPage } from './disputes-page';

const DISPUTE_ID = '10000000-0000-4000-8000-000000000001';

const dispute: DisputeView = {
  id: DISPUTE_ID,
  status: 'open',
  seller: {
    id: 'ce444081-6be5-4f68-b083-05f3a2c8c362',
    marketplace: 'aliexpress',
    storeId: '1102345678',
    name: 'GlowPins Official Store',
  },
  contactEmail: 'seller@glowpins.example',
  statement: 'We are the licensed reseller of these pins.',
  evidenceUrl: 'https://glowpins.example/licence.pdf',
  submittedAt: '2026-11-29T10:00:00.000Z',
  resolvedAt: null,
  publicNote: null,
  collectives: [{ id: '80957e88-7630-4870-a622-b350683e3b98', name: 'Enamel Pin Makers Guild' }],
};

afterEach(() => vi.unstubAllGlobals());

describe('DisputesPage', () => {
  it('shows what the disputant wrote and resolves with an outcome and a public note', async () => {
    let open = [dispute];
    const spy = stubApi({
      'GET /api/v1/disputes': ({ url }) => ({
        body: {
          disputes:
            new URL(url, 'http://localhost').searchParams.get('status') === 'open' ? open : [],
          nextCursor: null,
        },
      }),
      [`POST /api/v1/disputes/${DISPUTE_ID}/resolution`]: ({ body }) => {
        open = [];
        const { outcome, publicNote } = body as { outcome: 'upheld'; publicNote: string };
        return {
          body: { ...dispute, status: outcome, publicNote, resolvedAt: '2026-11-30T10:00:00.000Z' },
        };
      },
    });
    const user = userEvent.setup();
    renderPage(<DisputesPage />, '/disputes');

    const card = await screen.findByRole('article', { name: /GlowPins Official Store/ });
    expect(within(card).getByRole('link', { name: 'seller@glowpins.example' })).toHaveAttribute(
      'href',
      'mailto:seller@glowpins.example',
    );
    expect(within(card).getByRole('link', { name: 'Public page' })).toHaveAttribute(
      'href',
      '/watchlist/aliexpress/1102345678',
    );
    expect(within(card).getByText('Enamel Pin Makers Guild')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Publish outcome' }));
    expect(
      within(card).getByText('Choose whether you uphold or reject the dispute.'),
    ).toBeInTheDocument();
    expect(
      within(card).getByText('Write the note shown on the seller’s page.'),
    ).toBeInTheDocument();
    expect(sentBodies(spy, 'POST', `/api/v1/disputes/${DISPUTE_ID}/resolution`)).toHaveLength(0);

    await user.click(within(card).getByRole('radio', { name: /Reject/ }));
    await user.type(
      within(card).getByLabelText('Public note'),
      'The removed listings were counterfeits.',
    );
    await user.click(within(card).getByRole('button', { name: 'Publish outcome' }));

    expect(await screen.findByText(/is rejected/)).toBeInTheDocument();
    expect(sentBodies(spy, 'POST', `/api/v1/disputes/${DISPUTE_ID}/resolution`)).toEqual([
      { outcome: 'rejected', publicNote: 'The removed listings were counterfeits.' },
    ]);
    expect(await screen.findByText('No open disputes.')).toBeInTheDocument();
  });

  it('explains who sees disputes when there are none', async () => {
    stubApi({ 'GET /api/v1/disputes': { body: { disputes: [], nextCursor: null } } });
    renderPage(<DisputesPage />, '/disputes?status=upheld');
    expect(await screen.findByText('No upheld disputes.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Upheld' })).toHaveAttribute('aria-current', 'page');
  });
});
