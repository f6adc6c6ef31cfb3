import type { StandingView } from '@counterpoint/core/contracts';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test/render';
import { StandingSection } from './standing-section';

const SELLER_ID = '9df08b2b-6801-407a-9b92-d165a13b7b8f';
const COMPLAINT_ID = '2db84b9d-3c53-405a-a1db-9c5674635797';

const LADDER = [
  { points: 6, label: 'Severe warning', consequence: 'The seller receives a severe warning.' },
  { points: 12, label: 'Restricted 7 days', consequence: 'Restricted for 7 days.' },
  { points: 24, label: 'Restricted 14 days', consequence: 'Restricted for 14 days.' },
  { points: 36, label: 'Restricted 21 days', consequence: 'Restricted for 21 days.' },
  { points: 48, label: 'Terminated', consequence: 'The seller account is closed.' },
];

function standing(overrides: Partial<StandingView> = {}): StandingView {
  return {
    sellerId: SELLER_ID,
    isEstimate: true,
    rulesetId: 'alibaba-2022-02-24@1',
    ruleset: {
      id: 'alibaba-2022-02-24@1',
      marketplace: 'alibaba',
      version: '1',
      effectiveFrom: '2022-02-24',
      confidence: 'medium',
      sourceNotes: ['Points count for 365 days from the penalty date (rolling window).'],
      ladder: LADDER,
      terminationPoints: 48,
    },
    asOf: '2026-11-29',
    computedAt: '2026-11-29T10:00:00.000Z',
    isStale: false,
    confirmedPoints: 18,
    pendingPoints: 6,
    strikes: 0,
    strikesToClosure: 3,
    terminationPoints: 48,
    tier: LADDER[1]!,
    nextTier: LADDER[2]!,
    remainingPoints: 30,
    isTerminated: false,
    complaintsNeeded: 5,
    distinctDaysNeeded: 5,
    pointsStartExpiringOn: '2027-05-13',
    counts: {
      establishedComplaints: 3,
      establishedListings: 3,
      distinctArtists: 2,
      firstEstablishedOn: '2026-05-13',
      lastEstablishedOn: '2026-08-31',
    },
    timeline: [
      { date: '2026-05-13', pointsAdded: 6, runningTotal: 6, expiresOn: '2027-05-13' },
      { date: '2026-07-02', pointsAdded: 6, runningTotal: 12, expiresOn: '2027-07-02' },
      { date: '2026-08-31', pointsAdded: 6, runningTotal: 18, expiresOn: '2027-08-31' },
    ],
    explanation: [
      {
        complaintId: COMPLAINT_ID,
        status: 'removed',
        date: '2026-05-13',
        points: 6,
        outcome: 'counted',
        reason: 'Counted: 6 points for a copyright complaint established on 2026-05-13.',
      },
      {
        complaintId: COMPLAINT_ID,
        status: 'submitted',
        date: '2026-11-27',
        points: 6,
        outcome: 'pending',
        reason: 'Pending (submitted): would add 6 points if established today (2026-11-29).',
      },
    ],
    hiddenExplanationEntries: 3,
    hiddenComplaints: 2,
    ...overrides,
  };
}

function serve(response: Response) {
  const fetchSpy = vi.fn((_input: string) => Promise.resolve(response));
  vi.stubGlobal('fetch', fetchSpy);
  return fetchSpy;
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

afterEach(() => vi.unstubAllGlobals());

describe('StandingSection', () => {
  it('marks confirmed and pending points on the ladder and the state of every tier', async () => {
    const fetchSpy = serve(json(standing()));
    renderPage(<StandingSection sellerId={SELLER_ID} />);

    const meter = await screen.findByRole('meter', { name: /estimated penalty points/i });
    expect(fetchSpy).toHaveBeenCalledWith(
      `/api/v1/sellers/${SELLER_ID}/standing`,
      expect.anything(),
    );
    expect(meter).toHaveAttribute('aria-valuenow', '18');
    expect(meter).toHaveAttribute('aria-valuemax', '48');
    expect(meter).toHaveAttribute(
      'aria-valuetext',
      '18 confirmed points of 48 for termination; 6 pending points; tier reached: Restricted 7 days',
    );
    // Confirmed and pending are stated apart, never added into one figure.
    expect(screen.getByText(/Confirmed:/).closest('li')).toHaveTextContent('Confirmed: 18 points');
    expect(screen.getByText(/Pending:/).closest('li')).toHaveTextContent(
      'Pending: 6 points (24 if all are established)',
    );

    const steps = within(screen.getByRole('list', { name: 'Penalty ladder' })).getAllByRole(
      'listitem',
    );
    expect(steps.map((step) => step.textContent)).toEqual([
      '6 points · Severe warningThe seller receives a severe warning.Reached',
      '12 points · Restricted 7 daysRestricted for 7 days.Reached',
      '24 points · Restricted 14 daysRestricted for 14 days.Reached if pending complaints are established',
      '36 points · Restricted 21 daysRestricted for 21 days.Next · 18 points to go',
      '48 points · TerminatedThe seller account is closed.Ahead',
    ]);
  });

  it('says what is still needed and when points expire, labelled as an estimate', async () => {
    serve(json(standing()));
    renderPage(<StandingSection sellerId={SELLER_ID} />);

    expect(await screen.findByText('Estimate')).toBeInTheDocument();
    expect(screen.getAllByText('alibaba-2022-02-24@1').length).toBeGreaterThan(0);
    expect(screen.getByText('Medium confidence')).toBeInTheDocument();
    expect(screen.getByText(/At least/).closest('dd')).toHaveTextContent(
      'At least 5 more established complaints on 5 distinct days',
    );
    expect(screen.getByText(/Points start to expire on/)).toBeInTheDocument();
    expect(screen.getByText('About this estimate')).toBeInTheDocument();
    expect(
      screen.getByText('Points count for 365 days from the penalty date (rolling window).'),
    ).toBeInTheDocument();
  });

  it('names no distinct days where one day is enough (no daily cap, as on Taobao)', async () => {
    serve(json(standing({ complaintsNeeded: 23, distinctDaysNeeded: 1 })));
    renderPage(<StandingSection sellerId={SELLER_ID} />);

    const needed = (await screen.findByText(/At least/)).closest('dd');
    expect(needed).toHaveTextContent('At least 23 more established complaints.');
    expect(needed).not.toHaveTextContent(/distinct day|same day/);
  });

  it('lists each visible contribution and notes the complaints the viewer cannot see', async () => {
    serve(json(standing()));
    renderPage(<StandingSection sellerId={SELLER_ID} />);

    const table = await screen.findByRole('table', {
      name: 'How each complaint you can see contributes to the estimate',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Listing removed');
    expect(rows[0]).toHaveTextContent('Counted');
    expect(rows[0]).toHaveTextContent('Counted: 6 points for a copyright complaint');
    expect(rows[1]).toHaveTextContent('Pending');
    expect(rows[1]).toHaveTextContent('+6 pending');
    expect(screen.getByRole('note')).toHaveTextContent('2 complaints you cannot see also count');
  });

  it('shows no hidden-entries note when every complaint is visible', async () => {
    serve(json(standing({ hiddenExplanationEntries: 0, hiddenComplaints: 0 })));
    renderPage(<StandingSection sellerId={SELLER_ID} />);

    await screen.findByRole('table', {
      name: 'How each complaint you can see contributes to the estimate',
    });
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(screen.queryByText(/you cannot see also count/)).not.toBeInTheDocument();
  });

  it('says the standing is being computed while the API answers 404', async () => {
    serve(
      json(
        { error: { code: 'not_found', message: 'The standing has not been computed yet.' } },
        404,
      ),
    );
    renderPage(<StandingSection sellerId={SELLER_ID} />);

    expect(await screen.findByText(/The standing is being computed/)).toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });
});
