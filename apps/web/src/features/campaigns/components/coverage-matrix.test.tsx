import type { CampaignCoverage } from '@counterpoint/core/contracts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  buildCoverageListing,
  buildMember,
  copyOf,
  MIRA,
  WEI,
} from '../../../test/campaign-factories';
import { CoverageMatrix } from './coverage-matrix';

type Store = CampaignCoverage['sellers'][number];

function buildStore(): Store {
  const listings = [
    buildCoverageListing({
      canonicalUrl: 'https://www.aliexpress.com/item/1005000000001.html',
      state: 'can_file',
      copies: [copyOf(MIRA, 'Luna Moth enamel pin', 'approved', true)],
    }),
    buildCoverageListing({
      canonicalUrl: 'https://www.aliexpress.com/item/1005000000002.html',
      state: 'needs_ipp_setup',
      copies: [copyOf(WEI, 'Koi Pond print', 'pending')],
    }),
    buildCoverageListing({
      canonicalUrl: 'https://www.aliexpress.com/item/1005000000003.html',
      state: 'complained',
      copies: [
        copyOf(MIRA, 'Luna Moth enamel pin', 'approved', true),
        copyOf(WEI, 'Paper Dragon figure'),
      ],
      complaints: [
        {
          complaintId: 'd0000000-0000-4000-8000-000000000001',
          artist: { id: WEI.id, displayName: WEI.displayName, isYou: false },
          status: 'submitted',
          filedOn: '2026-03-01',
        },
      ],
      otherComplaints: 1,
    }),
    buildCoverageListing({
      canonicalUrl: 'https://www.aliexpress.com/item/1005000000004.html',
      state: 'unclaimed',
    }),
  ];
  return {
    seller: {
      id: 'a0000000-0000-4000-8000-000000000001',
      marketplace: 'aliexpress',
      storeId: '1102345678',
      name: 'GlowPins Official Store',
    },
    counts: { can_file: 1, needs_ipp_setup: 1, complained: 1, unclaimed: 1, removed: 0, not_opted_in: 0 },
    listings,
  };
}

const members = [
  buildMember(MIRA, { isYou: true, canFileNow: 1 }),
  buildMember(WEI, { awaitingSetup: 1 }),
];

const rowTexts = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row).getAllByRole('cell')[0]?.textContent?.replace(' (opens in a new tab)', ''),
    );

describe('CoverageMatrix', () => {
  it('shows listings against the members whose designs they copy, with IPR and complaints', () => {
    render(<CoverageMatrix store={buildStore()} members={members} />);
    const table = screen.getByRole('table', {
      name: 'Listings of GlowPins Official Store against the members’ artworks they copy',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Listing↕', 'Now▲', 'You↕', 'Wei Chen↕', 'Complaints↕']);
    const complained = within(table)
      .getByRole('link', { name: /1005000000003/ })
      .closest('tr')!;
    expect(within(complained).getByText('Complained')).toBeInTheDocument();
    expect(within(complained).getByText('Paper Dragon figure')).toBeInTheDocument();
    expect(within(complained).getByText('In progress')).toBeInTheDocument();
    expect(within(complained).getByText('+1 you cannot see')).toBeInTheDocument();
    const setup = within(table)
      .getByRole('link', { name: /1005000000002/ })
      .closest('tr')!;
    expect(within(setup).getByText('IPR under review')).toBeInTheDocument();
    // What can happen now comes first.
    expect(rowTexts()).toEqual([
      '1005000000001.html',
      '1005000000002.html',
      '1005000000004.html',
      '1005000000003.html',
    ]);
  });

  it('filters by state, by member and by address, and clears the filters', async () => {
    const user = userEvent.setup();
    render(<CoverageMatrix store={buildStore()} members={members} />);

    await user.selectOptions(screen.getByLabelText('Now'), 'needs_ipp_setup');
    expect(rowTexts()).toEqual(['1005000000002.html']);
    expect(screen.getByRole('status')).toHaveTextContent('1 of 4 listings match.');

    await user.selectOptions(screen.getByLabelText('Now'), 'all');
    await user.selectOptions(screen.getByLabelText('Copies the work of'), MIRA.id);
    expect(rowTexts()).toEqual(['1005000000001.html', '1005000000003.html']);

    await user.type(screen.getByLabelText('Address contains'), '0003');
    expect(rowTexts()).toEqual(['1005000000003.html']);

    await user.selectOptions(screen.getByLabelText('Now'), 'unclaimed');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('No listing matches these filters.')).toBeInTheDocument();

    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(rowTexts()).toHaveLength(4);
    expect(screen.getByLabelText('Now')).toHaveValue('all');
  });

  it('sorts by a column on request', async () => {
    const user = userEvent.setup();
    render(<CoverageMatrix store={buildStore()} members={members} />);
    await user.click(screen.getByRole('button', { name: /Listing/ }));
    expect(rowTexts()).toEqual([
      '1005000000001.html',
      '1005000000002.html',
      '1005000000003.html',
      '1005000000004.html',
    ]);
    await user.click(screen.getByRole('button', { name: /Listing/ }));
    expect(rowTexts()?.[0]).toBe('1005000000004.html');
  });
});
