import type { CollectiveDetail, CollectiveRole } from '@counterpoint/core/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test/render';
import { CollectivePage } from './collective-page';

const ME = '61c5fd7b-fe6f-4730-a6c8-40a505eea186';
const WEI = 'bb17d5bd-b7b5-4bba-b72b-3c1f175a2b40';
const JONAS = '7a268129-22de-4a90-84b0-2f3039f4e2e1';
const INVITE_URL = 'https://counterpoint.example/invite#cpi_secret_token_value';

function collective(role: CollectiveRole): CollectiveDetail {
  const joinedAt = '2026-01-01T00:00:00.000Z';
  return {
    id: '80957e88-7630-4870-a622-b350683e3b98',
    name: 'Enamel Pin Makers Guild',
    description: 'Pin makers reporting together.',
    role,
    memberCount: 3,
    createdAt: joinedAt,
    updatedAt: joinedAt,
    members: [
      {
        id: JONAS,
        displayName: 'Jonas Lindqvist',
        role: role === 'owner' ? 'admin' : 'owner',
        joinedAt,
        isYou: false,
      },
      { id: ME, displayName: 'Mira Okafor', role, joinedAt, isYou: true },
      { id: WEI, displayName: 'Wei Chen', role: 'member', joinedAt, isYou: false },
    ],
  };
}

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));

function stubApi(role: CollectiveRole) {
  const fetchSpy = vi.fn((path: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (path.includes('/sellers')) return json({ sellers: [], nextCursor: null });
    if (path.includes('/audit')) return json({ events: [], nextCursor: null });
    if (path.endsWith('/invitations') && method === 'GET') return json({ invitations: [] });
    if (path.endsWith('/invitations') && method === 'POST')
      return json(
        {
          id: 'f0000000-0000-4000-8000-000000000001',
          role: 'member',
          expiresAt: '2026-12-06T10:00:00.000Z',
          token: 'cpi_secret_token_value',
          url: INVITE_URL,
        },
        201,
      );
    if (path.includes('/members/') && method === 'DELETE') return json({ ok: true });
    if (path.startsWith('/api/v1/collectives')) return json(collective(role));
    return json({ error: { code: 'route_not_found', message: 'nope' } }, 404);
  });
  vi.stubGlobal('fetch', fetchSpy);
  return fetchSpy;
}

afterEach(() => vi.unstubAllGlobals());

describe('CollectivePage', () => {
  it('offers members no invitations or audit tab, and only leaving as an action', async () => {
    stubApi('member');
    const user = userEvent.setup();
    renderPage(<CollectivePage />);

    const tabs = await screen.findByRole('tablist');
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Shared sellers', 'Members (3)']);
    await user.click(within(tabs).getByRole('tab', { name: 'Members (3)' }));
    const table = screen.getByRole('table', { name: 'Members of Enamel Pin Makers Guild' });
    expect(
      within(table).queryByRole('button', { name: /Remove|Change role|Make owner/ }),
    ).toBeNull();
    expect(within(table).getByRole('button', { name: 'Leave the collective' })).toBeInTheDocument();
  });

  it('gives owners every tab and confirms before removing a member', async () => {
    const fetchSpy = stubApi('owner');
    const user = userEvent.setup();
    renderPage(<CollectivePage />);

    const tabs = await screen.findByRole('tablist');
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Shared sellers', 'Members (3)', 'Invitations', 'Audit trail']);
    // Arrow keys move between tabs.
    within(tabs).getByRole('tab', { name: 'Shared sellers' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(within(tabs).getByRole('tab', { name: 'Members (3)' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await user.click(screen.getByRole('button', { name: 'Remove Wei Chen' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Wei Chen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove member' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(
      fetchSpy.mock.calls.some(
        ([path, init]) => init?.method === 'DELETE' && path.endsWith(`/members/${WEI}`),
      ),
    ).toBe(true);
  });

  it('shows a new invitation link once with a copy button', async () => {
    stubApi('admin');
    const user = userEvent.setup();
    renderPage(<CollectivePage />);

    await user.click(await screen.findByRole('tab', { name: 'Invitations' }));
    // Only the owner invites admins.
    expect(screen.getByLabelText('Joins as')).not.toHaveTextContent('Admin');
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));

    expect(await screen.findByLabelText('Invitation link')).toHaveValue(INVITE_URL);
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(screen.getByText(/it is shown only once/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done, I have shared it' }));
    expect(screen.queryByDisplayValue(INVITE_URL)).not.toBeInTheDocument();
  });
});
