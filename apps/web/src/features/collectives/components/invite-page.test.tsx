import { useQueryClient } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test/render';
import { InvitePage } from './invite-page';

const TOKEN = 'cpi_7Hq2secret';
const ME = { id: '61c5fd7b-fe6f-4730-a6c8-40a505eea186', displayName: 'Sam Rivera' };

/** The session as the app's layout would have loaded it. */
function SignedIn({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  useState(() => queryClient.setQueryData(['me'], ME));
  return children;
}

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('InvitePage', () => {
  it('previews the invitation from the link fragment and joins with the token in the body', async () => {
    const fetchSpy = vi.fn((path: string) =>
      path.endsWith('/preview')
        ? json({
            collectiveName: 'Enamel Pin Makers Guild',
            inviterName: 'Mira Okafor',
            role: 'member',
            expiresAt: '2026-12-06T10:00:00.000Z',
          })
        : json(
            {
              collectiveId: '80957e88-7630-4870-a622-b350683e3b98',
              collectiveName: 'Enamel Pin Makers Guild',
              role: 'member',
              joinedAt: '2026-11-29T10:00:00.000Z',
            },
            201,
          ),
    );
    vi.stubGlobal('fetch', fetchSpy);
    const user = userEvent.setup();
    renderPage(
      <SignedIn>
        <InvitePage />
      </SignedIn>,
      `/invite#${TOKEN}`,
    );

    expect(
      await screen.findByRole('heading', { name: 'Join Enamel Pin Makers Guild' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Mira Okafor')).toBeInTheDocument();
    // The secret travels in request bodies only, never in a URL.
    expect(fetchSpy).toHaveBeenCalledWith(
      '/api/v1/invitations/preview',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ token: TOKEN }) }),
    );
    expect(fetchSpy.mock.calls.every(([path]) => !path.includes(TOKEN))).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Join Enamel Pin Makers Guild' }));
    await waitFor(() =>
      expect(fetchSpy).toHaveBeenCalledWith(
        '/api/v1/invitations/accept',
        expect.objectContaining({ method: 'POST', body: JSON.stringify({ token: TOKEN }) }),
      ),
    );
    await waitFor(() => expect(sessionStorage.getItem('cp_pending_invitation')).toBeNull());
  });

  it('explains a used or expired link', async () => {
    vi.stubGlobal('fetch', () =>
      json({ error: { code: 'gone', message: 'This invitation has already been used.' } }, 410),
    );
    renderPage(
      <SignedIn>
        <InvitePage />
      </SignedIn>,
      `/invite#${TOKEN}`,
    );
    expect(
      await screen.findByRole('heading', { name: 'This invitation cannot be used' }),
    ).toBeInTheDocument();
    expect(screen.getByText('This invitation has already been used.')).toBeInTheDocument();
  });

  it('asks for the whole link when the fragment is missing', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderPage(<InvitePage />, '/invite');
    expect(screen.getByRole('heading', { name: 'Invitation link incomplete' })).toBeInTheDocument();
  });
});
