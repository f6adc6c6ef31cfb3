import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from '../../../lib/format';
import { buildComplaintSummary, buildDesign } from '../../../test/factories';
import { sentBodies, stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { ComplaintsPage } from './complaints-page';

afterEach(() => vi.unstubAllGlobals());

const moth = buildComplaintSummary({
  artwork: { id: '20000000-0000-4000-8000-000000000001', title: 'Luna Moth enamel pin' },
  filedOn: '2026-03-02',
});
const owl = buildComplaintSummary({
  artwork: { id: '20000000-0000-4000-8000-000000000002', title: 'Barn Owl print' },
  filedOn: '2026-03-05',
  status: 'removed',
  statusCounts: { removed: 2 },
  listingCount: 2,
});
const fern = buildComplaintSummary({
  artwork: { id: '20000000-0000-4000-8000-000000000003', title: 'Fern pin' },
});

const routes = {
  'GET /api/v1/complaints': { body: { complaints: [moth, owl, fern], nextCursor: null } },
  'GET /api/v1/artworks': { body: { artworks: [buildDesign()] } },
};

async function selectMothAndOwl() {
  await userEvent.click(
    await screen.findByRole('checkbox', { name: /Select the complaint for Luna Moth enamel pin/ }),
  );
  await userEvent.click(
    screen.getByRole('checkbox', { name: /Select the complaint for Barn Owl print/ }),
  );
}

describe('Bulk status update', () => {
  it('sends one update per selected complaint with the chosen status and date', async () => {
    const spy = stubApi({ ...routes, 'POST /api/v1/complaints/status': { body: { updated: 3 } } });
    renderPage(<ComplaintsPage />, '/complaints');
    await selectMothAndOwl();

    expect(
      screen.getByRole('heading', { name: 'Update 2 selected complaints' }),
    ).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('New status'), 'counter_notice');
    await userEvent.type(screen.getByLabelText('Note (optional)'), 'seen on IPP History');
    await userEvent.click(screen.getByRole('button', { name: 'Record for all selected' }));

    expect(
      await screen.findByText(/Recorded “Counter-notice received” for 3 listings in 2 complaints/),
    ).toBeInTheDocument();
    expect(sentBodies(spy, 'POST', '/api/v1/complaints/status')).toEqual([
      {
        updates: [
          {
            complaintId: moth.id,
            status: 'counter_notice',
            occurredOn: todayIso(),
            note: 'seen on IPP History',
          },
          {
            complaintId: owl.id,
            status: 'counter_notice',
            occurredOn: todayIso(),
            note: 'seen on IPP History',
          },
        ],
      },
    ]);
    // The selection is cleared once recorded.
    expect(screen.queryByRole('heading', { name: /selected complaint/ })).not.toBeInTheDocument();
  });

  it('offers only statuses the selected complaints can move to', async () => {
    stubApi(routes);
    renderPage(<ComplaintsPage />, '/complaints');
    await userEvent.click(
      await screen.findByRole('checkbox', { name: /Select the complaint for Barn Owl print/ }),
    );
    const options = Array.from(
      screen.getByLabelText<HTMLSelectElement>('New status').options,
      (option) => option.value,
    );
    expect(options).toEqual(['counter_notice']);
  });

  it('lists each refused complaint once, in words, keeps the selection, and can unselect the refused ones', async () => {
    const refusal = (listing: number) => ({
      complaintId: owl.id,
      listingId: `30000000-0000-4000-8000-00000000000${listing}`,
      code: 'illegal_transition',
      message:
        'A listing marked “Listing removed” cannot become “Unable to process”. It can become “Counter-notice received”.',
      allowed: ['counter_notice'],
    });
    const spy = stubApi({
      ...routes,
      'POST /api/v1/complaints/status': {
        status: 409,
        body: {
          error: {
            code: 'illegal_transition',
            message: '2 status changes were refused, nothing was recorded. First: …',
            details: { refusals: [refusal(1), refusal(2)] },
          },
        },
      },
    });
    renderPage(<ComplaintsPage />, '/complaints');
    await selectMothAndOwl();
    await userEvent.selectOptions(screen.getByLabelText('New status'), 'unable_to_process');
    await userEvent.click(screen.getByRole('button', { name: 'Record for all selected' }));

    const alert = await screen.findByText('Nothing was recorded.');
    const box = alert.closest('[role="alert"]')!;
    expect(box).toHaveTextContent('The change does not fit 1 selected complaint');
    expect(box).not.toHaveTextContent('nothing was recorded');
    const items = box.querySelectorAll('li');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(
      /^Barn Owl print, filed .* \(2 listings of 2\): A listing marked “Listing removed” cannot become “Unable to process”\. It can become “Counter-notice received”\.$/,
    );
    expect(
      screen.getByRole('heading', { name: 'Update 2 selected complaints' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Unselect the refused complaint' }));
    expect(
      screen.getByRole('heading', { name: 'Update 1 selected complaint' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Nothing was recorded.')).not.toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: /Select the complaint for Barn Owl print/ }),
    ).not.toBeChecked();
    expect(sentBodies(spy, 'POST', '/api/v1/complaints/status')).toHaveLength(1);
  });
});
