import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LadderGauge } from './ladder-gauge';

const LADDER = [
  { points: 6, label: 'Severe warning', consequence: 'A severe warning.' },
  { points: 48, label: 'Terminated', consequence: 'The seller account is closed.' },
];

describe('LadderGauge', () => {
  it('shows pending points apart from confirmed ones', () => {
    render(
      <LadderGauge ladder={LADDER} terminationPoints={48} confirmedPoints={18} pendingPoints={6} />,
    );
    expect(screen.getByText(/^Confirmed:/).textContent).toBe('Confirmed: 18 points');
    expect(screen.getByText(/^Pending:/).textContent).toBe(
      'Pending: 6 points (24 if all are established)',
    );
  });

  it('leaves the pending legend out where pending points are not known (public pages)', () => {
    render(<LadderGauge ladder={LADDER} terminationPoints={48} confirmedPoints={18} />);
    expect(screen.getByText(/^Confirmed:/)).toBeTruthy();
    expect(screen.queryByText(/^Pending:/)).toBeNull();
  });
});
