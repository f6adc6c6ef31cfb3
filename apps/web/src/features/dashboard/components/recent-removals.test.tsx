import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildComplaintSummary } from '../../../test/factories';
import { stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { RecentRemovals } from './recent-removals';

afterEach(() => vi.unstubAllGlobals());

describe('Recent removals', () => {
  it('lists the latest removals first, by the day the listing was removed, not the last edit', async () => {
    const removal = (title: string, lastRemovedOn: string, updatedAt: string) =>
      buildComplaintSummary({
        artwork: { id: crypto.randomUUID(), title },
        status: 'removed',
        statusCounts: { removed: 1 },
        lastRemovedOn,
        updatedAt,
      });
    stubApi({
      'GET /api/v1/complaints': {
        body: {
          complaints: [
            // Edited today (an IPP reference added), removed long ago.
            removal('Barn Owl', '2025-10-26', '2026-11-30T09:00:00.000Z'),
            removal('Luna Moth', '2026-11-20', '2026-11-20T09:00:00.000Z'),
            removal('Fern', '2026-08-22', '2026-08-22T09:00:00.000Z'),
          ],
          nextCursor: null,
        },
      },
    });
    renderPage(<RecentRemovals />);

    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'Luna Moth',
      'Fern',
      'Barn Owl',
    ]);
    expect(items[0]).toHaveTextContent(/removed Nov 20, 2026/);
    expect(items[2]).toHaveTextContent(/removed Oct 26, 2025/);
  });
});
