import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sentBodies, stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { ModerationPage } from './moderation-page';

const SELLER_ID = 'ce444081-6be5-4f68-b083-05f3a2c8c362';
const ENTRY_ID = '80957e88-7630-4870-a622-b350683e3b98';
const MODERATOR_ID = '10000000-0000-4000-8000-000000000009';

const hiddenSeller = {
  sellerId: SELLER_ID,
  marketplace: 'aliexpress',
  storeId: '1102345678',
  name: 'GlowPins Official Store',
  reason: 'Licensed reseller, see ticket 42',
  hiddenAt: '2026-11-20T10:00:00.000Z',
  hiddenBy: MODERATOR_ID,
};

const publicSeller = {
  marketplace: 'aliexpress',
  storeId: '1102345678',
  name: 'GlowPins Official Store',
  storeUrl: 'https://www.aliexpress.com/store/1102345678',
  path: '/public/v1/sellers/aliexpress/1102345678',
  listedAt: '2026-11-20T10:00:00.000Z',
  standing: {
    isEstimate: true,
    rulesetId: 'aliexpress-2022-02-24@1',
    asOf: '2026-11-30',
    confirmedPoints: 30,
    terminationPoints: 48,
    remainingPoints: 18,
    isTerminated: false,
    tier: null,
    nextTier: { points: 48, label: 'Terminated', consequence: 'The seller account is closed.' },
    strikes: 0,
    strikesToClosure: 3,
    pointsStartExpiringOn: '2027-05-14',
    complaintsNeeded: 3,
    distinctDaysNeeded: 3,
  },
  facts: {
    establishedComplaints: 5,
    distinctArtists: 4,
    distinctDays: 5,
    removedListings: 1,
    firstEstablishedOn: '2026-05-14',
    lastEstablishedOn: '2026-11-18',
  },
  removedListings: [],
  attributions: [],
  hasOpenDispute: false,
  disputes: [],
};

const sellerSummary = {
  id: SELLER_ID,
  marketplace: 'aliexpress',
  storeId: '1102345678',
  name: 'GlowPins Official Store',
  storeUrl: 'https://www.aliexpress.com/store/1102345678',
  listingCount: 14,
  confirmedPoints: 30,
  pendingPoints: 0,
  tierLabel: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('ModerationPage', () => {
  it('tells artists who are not moderators that the page is not theirs', async () => {
    const forbidden = {
      status: 403,
      body: { error: { code: 'forbidden', message: 'Only moderators can change…' } },
    };
    stubApi({
      'GET /api/v1/moderation/hidden-sellers': forbidden,
      'GET /api/v1/moderation/safelist': forbidden,
    });
    renderPage(<ModerationPage />, '/moderation');
    expect(await screen.findByText('Only moderators can use this page.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hide seller' })).not.toBeInTheDocument();
  });

  it('hides a seller pasted as its public page, finding its id through its store link', async () => {
    let hidden: (typeof hiddenSeller)[] = [];
    const spy = stubApi({
      'GET /api/v1/moderation/hidden-sellers': () => ({ body: { hidden } }),
      'GET /api/v1/moderation/safelist': { body: { entries: [] } },
      'GET /public/v1/sellers/aliexpress/1102345678': { body: publicSeller },
      'POST /api/v1/sellers': { body: sellerSummary },
      [`PUT /api/v1/moderation/hidden-sellers/${SELLER_ID}`]: ({ body }) => {
        hidden = [{ ...hiddenSeller, reason: (body as { reason: string }).reason }];
        return { body: hidden[0] };
      },
    });
    const user = userEvent.setup();
    renderPage(<ModerationPage />, '/moderation');
    expect(await screen.findByText('No seller is hidden.')).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Hide a seller' });
    await user.click(within(form).getByRole('button', { name: 'Hide seller' }));
    expect(
      within(form).getByText('Paste the seller’s public page or its store link.'),
    ).toBeInTheDocument();
    expect(
      within(form).getByText('Say why the seller is hidden (kept in the audit log).'),
    ).toBeInTheDocument();

    await user.type(
      within(form).getByLabelText('Seller'),
      'https://counterpoint.example/watchlist/aliexpress/1102345678',
    );
    await user.type(within(form).getByLabelText('Reason'), 'Licensed reseller, see ticket 42');
    await user.click(within(form).getByRole('button', { name: 'Hide seller' }));

    expect(
      await screen.findByText('GlowPins Official Store is hidden from the public watchlist.'),
    ).toBeInTheDocument();
    expect(sentBodies(spy, 'POST', '/api/v1/sellers')).toEqual([
      { url: 'https://www.aliexpress.com/store/1102345678' },
    ]);
    expect(sentBodies(spy, 'PUT', `/api/v1/moderation/hidden-sellers/${SELLER_ID}`)).toEqual([
      { reason: 'Licensed reseller, see ticket 42' },
    ]);
    const table = await screen.findByRole('table', { name: 'Hidden sellers' });
    expect(within(table).getByText('Licensed reseller, see ticket 42')).toBeInTheDocument();
    expect(within(form).getByLabelText('Seller')).toHaveValue('');
  });

  it('refuses a link that is neither a public page nor a store', async () => {
    const spy = stubApi({
      'GET /api/v1/moderation/hidden-sellers': { body: { hidden: [] } },
      'GET /api/v1/moderation/safelist': { body: { entries: [] } },
    });
    const user = userEvent.setup();
    renderPage(<ModerationPage />, '/moderation');
    const form = await screen.findByRole('form', { name: 'Hide a seller' });
    await user.type(within(form).getByLabelText('Seller'), 'https://example.com/whatever');
    await user.type(within(form).getByLabelText('Reason'), 'Spam');
    await user.click(within(form).getByRole('button', { name: 'Hide seller' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Paste the seller’s public watchlist page',
    );
    expect(sentBodies(spy, 'PUT', `/api/v1/moderation/hidden-sellers/${SELLER_ID}`)).toHaveLength(
      0,
    );
  });

  it('unhides a seller only after a second confirmation', async () => {
    let hidden = [hiddenSeller];
    const spy = stubApi({
      'GET /api/v1/moderation/hidden-sellers': () => ({ body: { hidden } }),
      'GET /api/v1/moderation/safelist': { body: { entries: [] } },
      [`DELETE /api/v1/moderation/hidden-sellers/${SELLER_ID}`]: () => {
        hidden = [];
        return { body: { ok: true } };
      },
    });
    const user = userEvent.setup();
    renderPage(<ModerationPage />, '/moderation');

    await user.click(await screen.findByRole('button', { name: 'Unhide' }));
    const question = screen.getByRole('group', {
      name: 'List GlowPins Official Store again if the policy allows?',
    });
    expect(within(question).getByRole('button', { name: 'Unhide' })).toHaveFocus();
    expect(spy.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    await user.click(within(question).getByRole('button', { name: 'Unhide' }));

    expect(
      await screen.findByText('GlowPins Official Store is no longer hidden.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('No seller is hidden.')).toBeInTheDocument();
  });

  it('safelists a store (a pasted store link names the marketplace) and says when it already is', async () => {
    let calls = 0;
    const spy = stubApi({
      'GET /api/v1/moderation/hidden-sellers': { body: { hidden: [] } },
      'GET /api/v1/moderation/safelist': { body: { entries: [] } },
      'POST /api/v1/moderation/safelist': ({ body }) => {
        calls += 1;
        if (calls > 1)
          return {
            status: 409,
            body: {
              error: { code: 'conflict', message: 'This store is already on the safelist.' },
            },
          };
        return {
          status: 201,
          body: {
            id: ENTRY_ID,
            ...(body as object),
            createdAt: '2026-11-30T10:00:00.000Z',
            createdBy: MODERATOR_ID,
            sellerId: null,
          },
        };
      },
    });
    const user = userEvent.setup();
    renderPage(<ModerationPage />, '/moderation');
    const form = await screen.findByRole('form', { name: 'Add to the safelist' });

    await user.click(within(form).getByRole('button', { name: 'Add to safelist' }));
    expect(within(form).getByText('Choose the marketplace.')).toBeInTheDocument();
    expect(within(form).getByText('Enter the store id or paste its link.')).toBeInTheDocument();

    await user.type(
      within(form).getByLabelText('Store id'),
      'https://www.aliexpress.com/store/1102345678',
    );
    await user.type(within(form).getByLabelText('Note (optional)'), 'Licence letter 2026-03');
    await user.click(within(form).getByRole('button', { name: 'Add to safelist' }));
    expect(await screen.findByText('Store 1102345678 is on the safelist.')).toBeInTheDocument();
    expect(sentBodies(spy, 'POST', '/api/v1/moderation/safelist')).toEqual([
      { marketplace: 'aliexpress', storeId: '1102345678', note: 'Licence letter 2026-03' },
    ]);

    // The form was emptied after the first entry.
    expect(within(form).getByLabelText('Store id')).toHaveValue('');
    await user.selectOptions(within(form).getByLabelText('Marketplace'), 'AliExpress');
    // user-event remembers the value a form reset cleared: start from an empty box.
    await user.clear(within(form).getByLabelText('Store id'));
    await user.type(within(form).getByLabelText('Store id'), '1102345678');
    await user.click(within(form).getByRole('button', { name: 'Add to safelist' }));
    expect(
      await within(form).findByText('This store is already on the safelist.'),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Store id')).toHaveAttribute('aria-invalid', 'true');
  });
});
