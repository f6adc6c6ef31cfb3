import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test/render';
import { NotificationBell } from './notification-bell';

const NOTIFICATIONS = [
  {
    id: 'c9dac63f-1139-4d0d-982b-d23e1fa16e62',
    kind: 'seller_tier',
    title: 'Yiwu Craft Gifts reached "Severe warning" (estimate)',
    body: 'Estimated 6 confirmed points.',
    link: '/sellers/9df08b2b-6801-407a-9b92-d165a13b7b8f',
    createdAt: '2026-11-29T10:00:00.000Z',
    readAt: null,
  },
  {
    id: '7378c1fe-d7cd-4660-834a-41ba35a266be',
    kind: 'reminder.check_back',
    title: 'Time to check a complaint on IPP',
    body: 'Due 2026-11-30.',
    link: null,
    createdAt: '2026-11-28T10:00:00.000Z',
    readAt: '2026-11-28T12:00:00.000Z',
  },
];

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));

afterEach(() => vi.unstubAllGlobals());

describe('NotificationBell', () => {
  it('shows the unread count and marks all read from its dropdown', async () => {
    let unread = 1;
    const fetchSpy = vi.fn((_path: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        unread = 0;
        return json({ ok: true });
      }
      return json({
        notifications: NOTIFICATIONS.map((n) => (unread ? n : { ...n, readAt: n.readAt ?? 'x' })),
        unread,
      });
    });
    vi.stubGlobal('fetch', fetchSpy);
    const user = userEvent.setup();
    renderPage(<NotificationBell />);

    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    await user.click(bell);
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('region', { name: 'Notifications' });
    expect(within(panel).getByRole('link', { name: /Yiwu Craft Gifts/ })).toHaveAttribute(
      'href',
      '/sellers/9df08b2b-6801-407a-9b92-d165a13b7b8f',
    );
    expect(within(panel).getByText('Time to check a complaint on IPP')).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Mark all read' }));
    expect(fetchSpy).toHaveBeenCalledWith(
      '/api/v1/me/notifications/read',
      expect.objectContaining({ method: 'POST', body: '{}' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument(),
    );
    expect(within(panel).getByRole('button', { name: 'Mark all read' })).toBeDisabled();

    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Notifications' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(screen.getByRole('button', { name: 'Notifications' })).toHaveFocus();
  });

  it('renders nothing when signed out', async () => {
    const fetchSpy = vi.fn(() =>
      json({ error: { code: 'unauthorized', message: 'Sign in.' } }, 401),
    );
    vi.stubGlobal('fetch', fetchSpy);
    const { container } = renderPage(<NotificationBell />);
    await waitFor(() => expect(fetchSpy).toHaveBeenCalled());
    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });
});
