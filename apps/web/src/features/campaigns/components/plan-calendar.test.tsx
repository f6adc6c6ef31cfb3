import type { CampaignTaskView } from '@counterpoint/core/contracts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { buildTask, WEI } from '../../../test/campaign-factories';
import { formatLongDay, monthWeeks } from './calendar-days';
import { PlanCalendar } from './plan-calendar';

function Calendar({ tasks, start }: { tasks: CampaignTaskView[]; start: string }) {
  const [month, setMonth] = useState(start);
  return (
    <PlanCalendar
      tasks={tasks}
      colourOf={() => '#3b5bdb'}
      month={month}
      onMonthChange={setMonth}
      today="2026-03-02"
      taskHref={(task) => `/tasks/${task.id}`}
    />
  );
}

function renderCalendar(tasks: CampaignTaskView[], start = '2026-03') {
  const router = createMemoryRouter([
    { path: '*', element: <Calendar tasks={tasks} start={start} /> },
  ]);
  return render(<RouterProvider router={router} />);
}

/** The table cell of a day, found through its button. */
const cellOf = (day: string) =>
  screen.getByRole('button', { name: new RegExp(`^${formatLongDay(day)}`) }).closest('td')!;

describe('PlanCalendar', () => {
  it('puts each filing on its day and its expected removal on its own day', () => {
    renderCalendar([
      buildTask({ fileOn: '2026-03-03', expectedEstablishedOn: '2026-03-06' }),
      buildTask({
        fileOn: '2026-03-10',
        expectedEstablishedOn: '2026-03-13',
        artist: { ...WEI, isYou: false },
        ipr: {
          artworkId: 'b0000000-0000-4000-8000-000000000002',
          artworkTitle: 'Paper Dragon figure',
          iprReference: null,
          iprStatus: 'approved',
        },
      }),
      buildTask({ fileOn: '2026-03-17', status: 'cancelled' }),
    ]);

    const table = screen.getByRole('table');
    expect(
      within(table).getByText(/Plan for March 2026: 2 filings, 2 expected removals/),
    ).toBeInTheDocument();
    expect(
      within(cellOf('2026-03-03')).getByText('You file Luna Moth enamel pin'),
    ).toBeInTheDocument();
    expect(
      within(cellOf('2026-03-06')).getByText('Removal: You, Luna Moth enamel pin'),
    ).toBeInTheDocument();
    expect(
      within(cellOf('2026-03-10')).getByText('Wei files Paper Dragon figure'),
    ).toBeInTheDocument();
    expect(within(cellOf('2026-03-13')).getByText(/Removal: Wei/)).toBeInTheDocument();
    // Cancelled tasks are not in the plan any more; other days are empty.
    expect(within(cellOf('2026-03-17')).queryByRole('listitem')).not.toBeInTheDocument();
    expect(within(cellOf('2026-03-04')).queryByRole('listitem')).not.toBeInTheDocument();
    // Seven columns, Monday first; 1 March 2026 is a Sunday.
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(monthWeeks('2026-03')[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
  });

  it('shows filed tasks on the day they were filed, marked filed, and skipped ones struck', () => {
    renderCalendar([
      buildTask({ fileOn: '2026-03-05', filedOn: '2026-03-04', status: 'filed' }),
      buildTask({ fileOn: '2026-03-09', status: 'skipped', skipReason: 'Away' }),
    ]);
    expect(
      within(cellOf('2026-03-04')).getByText('You file Luna Moth enamel pin (filed)'),
    ).toBeInTheDocument();
    expect(within(cellOf('2026-03-05')).queryByRole('listitem')).not.toBeInTheDocument();
    const skipped = within(cellOf('2026-03-09')).getByRole('listitem');
    expect(skipped).toHaveAttribute('data-status', 'skipped');
    expect(skipped).toHaveTextContent('(skipped)');
  });

  it('lists the chosen day in full, and moves by day, week and month with the keyboard', async () => {
    const user = userEvent.setup();
    renderCalendar([buildTask({ fileOn: '2026-03-03', expectedEstablishedOn: '2026-03-06' })]);

    // Today (2 March) is chosen first: one tab stop for the whole grid.
    const today = screen.getByRole('button', { name: /, today: nothing planned$/ });
    expect(today).toHaveAttribute('aria-pressed', 'true');
    expect(today).toHaveAttribute('tabindex', '0');

    today.focus();
    await user.keyboard('{ArrowRight}');
    const third = screen.getByRole('button', {
      name: new RegExp(`^${formatLongDay('2026-03-03')}`),
    });
    expect(third).toHaveFocus();
    expect(third).toHaveAttribute('aria-pressed', 'true');
    const details = screen.getByRole('region', { name: formatLongDay('2026-03-03') });
    expect(details).toHaveTextContent(
      'You file Luna Moth enamel pin: 2 listings of GlowPins Official Store.',
    );
    expect(within(details).getByRole('link', { name: 'Open your task' })).toBeInTheDocument();

    await user.keyboard('{ArrowDown}');
    expect(
      screen.getByRole('button', { name: new RegExp(`^${formatLongDay('2026-03-10')}`) }),
    ).toHaveFocus();

    await user.keyboard('{PageDown}');
    expect(screen.getByRole('heading', { name: 'April 2026' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: new RegExp(`^${formatLongDay('2026-04-10')}`) }),
    ).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(screen.getByRole('heading', { name: 'March 2026' })).toBeInTheDocument();
  });
});
