import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildComplaintSummary, buildDesign } from '../../../test/factories';
import { stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { ComplaintsPage } from './complaints-page';

afterEach(() => vi.unstubAllGlobals());

describe('Complaints list', () => {
  it('shows the next step of each complaint: the counter-notice answer, or the day to check IPP', async () => {
    const inProgress = buildComplaintSummary({
      artwork: { id: crypto.randomUUID(), title: 'Luna Moth' },
    });
    const countered = buildComplaintSummary({
      artwork: { id: crypto.randomUUID(), title: 'Barn Owl' },
      status: 'counter_notice',
      statusCounts: { counter_notice: 1 },
      nextDeadline: '2026-12-03',
    });
    const removed = buildComplaintSummary({
      artwork: { id: crypto.randomUUID(), title: 'Fern' },
      status: 'removed',
      statusCounts: { removed: 1 },
    });
    const reminder = (
      complaintId: string,
      kind: 'check_back' | 'counter_notice_deadline',
      dueOn: string,
    ) => ({
      id: crypto.randomUUID(),
      kind,
      dueOn,
      isOverdue: false,
      daysLeft: 3,
      complaintId,
      campaignTaskId: null,
      title: 'Check your complaint',
      detail: '',
    });
    stubApi({
      'GET /api/v1/complaints': {
        body: { complaints: [inProgress, countered, removed], nextCursor: null },
      },
      'GET /api/v1/artworks': { body: { artworks: [buildDesign()] } },
      'GET /api/v1/me/reminders': {
        body: {
          reminders: [
            reminder(inProgress.id, 'check_back', '2026-12-05'),
            reminder(countered.id, 'counter_notice_deadline', '2026-12-03'),
          ],
        },
      },
    });
    renderPage(<ComplaintsPage />, '/complaints');

    const rowOf = async (title: string) =>
      (await screen.findByRole('link', { name: title })).closest('tr')!;
    expect(await within(await rowOf('Luna Moth')).findByText(/Check IPP/)).toHaveTextContent(
      'Check IPP Dec 5, 2026',
    );
    expect(await rowOf('Barn Owl')).not.toHaveTextContent('Check IPP');
    expect(await rowOf('Fern')).not.toHaveTextContent('Check IPP');
  });
});
