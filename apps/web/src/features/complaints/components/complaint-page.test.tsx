import type { ComplaintDetail } from '@counterpoint/core/contracts';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildComplaintSummary } from '../../../test/factories';
import { stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { ComplaintPage } from './complaint-page';

afterEach(() => vi.unstubAllGlobals());

const COMPLAINT_ID = '4fc341c9-713a-4f31-8a9f-2fa987cb510c';

function detail(overrides: Partial<ComplaintDetail> = {}): ComplaintDetail {
  return {
    ...buildComplaintSummary({ id: COMPLAINT_ID }),
    reason: 'The listing sells an unauthorised copy of my original artwork.',
    isOwner: true,
    listings: [
      {
        id: 'b0b5cc36-8a55-4d5e-9b6f-6c0b1f7e2a10',
        listing: {
          id: 'c1c5cc36-8a55-4d5e-9b6f-6c0b1f7e2a11',
          marketplace: 'aliexpress',
          itemId: '1005001234567890',
          canonicalUrl: 'https://www.aliexpress.com/item/1005001234567890.html',
          sellerId: null,
          title: null,
          removedOn: null,
          createdAt: '2026-03-01T10:00:00.000Z',
        },
        seller: null,
        status: 'submitted',
        statusOn: '2026-03-02',
        establishedOn: null,
        counterNoticeOn: null,
        responseDueOn: null,
        allowedNext: [],
        history: [],
      },
    ],
    ...overrides,
  };
}

const renderComplaint = () =>
  renderPage(<ComplaintPage />, `/complaints/${COMPLAINT_ID}`, '/complaints/:complaintId');

describe('Complaint page', () => {
  it('gives its owner the paste list and the reason text for IPP’s form', async () => {
    const api = stubApi({
      [`GET /api/v1/complaints/${COMPLAINT_ID}`]: { body: detail() },
      [`GET /api/v1/complaints/${COMPLAINT_ID}/paste-list`]: {
        body: {
          marketplace: 'aliexpress',
          urlCount: 1,
          chunks: [
            {
              text: 'https://www.aliexpress.com/item/1005001234567890.html',
              urls: ['https://www.aliexpress.com/item/1005001234567890.html'],
            },
          ],
        },
      },
    });
    renderComplaint();

    expect(
      await screen.findByRole('heading', { name: '“Luna Moth enamel pin” on AliExpress' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('“Luna Moth enamel pin” on AliExpress · Counterpoint');
    expect(await screen.findByRole('button', { name: 'Copy 1 URL' })).toBeInTheDocument();
    expect(api.mock.calls.some(([url]) => url.toString().endsWith('/paste-list'))).toBe(true);
  });

  it('shows another artist’s public complaint as theirs, without a paste list it may not read', async () => {
    const api = stubApi({
      [`GET /api/v1/complaints/${COMPLAINT_ID}`]: {
        body: detail({
          artist: { id: null, name: 'An artist', isYou: false },
          artwork: null,
          ippReference: null,
          visibility: 'public',
          reason: null,
          isOwner: false,
        }),
      },
    });
    renderComplaint();

    expect(
      await screen.findByRole('heading', { name: 'Another artist’s design on AliExpress' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/deleted design/i)).not.toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /IPP’s complaint form/ })).not.toBeInTheDocument();
    expect(api.mock.calls.some(([url]) => url.toString().endsWith('/paste-list'))).toBe(false);
  });

  it('shows a collective member the reason text to read', async () => {
    stubApi({
      [`GET /api/v1/complaints/${COMPLAINT_ID}`]: {
        body: detail({ artist: { id: null, name: 'Sam', isYou: false }, isOwner: false }),
      },
    });
    renderComplaint();

    expect(await screen.findByRole('heading', { name: 'Reason given on IPP' })).toBeInTheDocument();
    expect(
      screen.getByText('The listing sells an unauthorised copy of my original artwork.'),
    ).toBeInTheDocument();
  });
});
