import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { addDays } from './calendar-days';
import { ParticipationForm } from './participation-form';
import { todayIso } from '../../../lib/format';

function renderForm(initial?: Parameters<typeof ParticipationForm>[0]['initial']) {
  const onSubmit = vi.fn();
  render(<ParticipationForm initial={initial} submitLabel="Opt in" onSubmit={onSubmit} />);
  return onSubmit;
}

describe('ParticipationForm', () => {
  it('sends the weekdays, days and weekly limit the member gave', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    const soon = addDays(todayIso(), 5);

    await user.click(screen.getByRole('checkbox', { name: 'Sunday' }));
    await user.click(screen.getByRole('checkbox', { name: 'Saturday' }));
    await user.type(screen.getByLabelText('Day'), soon);
    await user.click(screen.getByRole('button', { name: 'Add this day' }));
    expect(screen.getByRole('list', { name: 'Days you cannot file on' })).toHaveTextContent(
      /Remove/,
    );
    await user.type(screen.getByLabelText('Most complaints a week'), '2');
    await user.click(screen.getByRole('button', { name: 'Opt in' }));

    expect(onSubmit).toHaveBeenCalledWith({
      unavailableWeekdays: [0, 6],
      unavailableDates: [soon],
      maxPerWeek: 2,
    });
  });

  it('opts in with no constraints: any day, no weekly limit', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.click(screen.getByRole('button', { name: 'Opt in' }));
    expect(onSubmit).toHaveBeenCalledWith({
      unavailableWeekdays: [],
      unavailableDates: [],
      maxPerWeek: null,
    });
  });

  it('refuses every weekday unavailable', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    for (const day of [
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]) {
      await user.click(screen.getByRole('checkbox', { name: day }));
    }
    await user.click(screen.getByRole('button', { name: 'Opt in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Leave at least one weekday open');
    expect(
      screen.getByRole('group', { name: 'Weekdays you cannot file on' }),
    ).toHaveAccessibleDescription(/Leave at least one weekday open/);
    expect(onSubmit).not.toHaveBeenCalled();

    await user.click(screen.getByRole('checkbox', { name: 'Wednesday' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Opt in' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ unavailableWeekdays: [0, 1, 2, 4, 5, 6] }),
    );
  });

  it('refuses a weekly limit outside 1–50 or not whole', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    const limit = screen.getByLabelText('Most complaints a week');
    for (const value of ['0', '51', '2.5']) {
      await user.clear(limit);
      await user.type(limit, value);
      await user.click(screen.getByRole('button', { name: 'Opt in' }));
      expect(limit).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByRole('alert')).toHaveTextContent('a whole number from 1 to 50');
    }
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a past day, a day given twice, and adding without a day', async () => {
    const user = userEvent.setup();
    renderForm();
    const day = screen.getByLabelText('Day');
    const add = screen.getByRole('button', { name: 'Add this day' });

    await user.click(add);
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a day first.');

    await user.type(day, addDays(todayIso(), -1));
    await user.click(add);
    expect(screen.getByRole('alert')).toHaveTextContent('That day has passed');

    const soon = addDays(todayIso(), 3);
    await user.clear(day);
    await user.type(day, soon);
    await user.click(add);
    await user.type(day, soon);
    await user.click(add);
    expect(screen.getByRole('alert')).toHaveTextContent('is already in the list');
    expect(screen.getAllByRole('button', { name: /^Remove / })).toHaveLength(1);
  });

  it('starts from my current constraints when I change them', () => {
    renderForm({
      artistId: '61c5fd7b-fe6f-4730-a6c8-40a505eea186',
      displayName: 'Mira Okafor',
      isYou: true,
      unavailableWeekdays: [1],
      unavailableDates: [],
      maxPerWeek: 3,
      joinedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(screen.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Tuesday' })).not.toBeChecked();
    expect(screen.getByLabelText('Most complaints a week')).toHaveValue(3);
  });
});
