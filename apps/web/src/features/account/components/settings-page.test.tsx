import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test/render';
import { SettingsPage } from './settings-page';

const ME = {
  id: '61c5fd7b-fe6f-4730-a6c8-40a505eea186',
  email: 'mira@example.com',
  displayName: 'Mira Okafor',
  role: 'artist',
  publicAttribution: false,
  publicName: null,
  checkbackDays: 3,
  counterNoticeBusinessDays: 3,
  createdAt: '2026-01-10T09:00:00.000Z',
};
const SECRET = 'cpt_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const TOKEN = {
  id: 'a3b1c2d4-0000-4000-8000-000000000001',
  name: 'Spreadsheet sync',
  tokenPrefix: 'cpt_live_9f8e',
  createdAt: '2026-11-29T10:00:00.000Z',
  lastUsedAt: null,
  expiresAt: '2027-02-27T10:00:00.000Z',
};

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));

/** A small in-memory API: the token list grows when a token is created. */
function stubApi() {
  const tokens: (typeof TOKEN)[] = [];
  const fetchSpy = vi.fn((path: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (path === '/api/v1/me') return json({ artist: ME, csrfToken: 'csrf' });
    if (path === '/api/v1/me/tokens' && method === 'GET') return json({ tokens });
    if (path === '/api/v1/me/tokens' && method === 'POST') {
      tokens.push(TOKEN);
      return json({ ...TOKEN, token: SECRET }, 201);
    }
    if (path === `/api/v1/me/tokens/${TOKEN.id}` && method === 'DELETE') {
      tokens.splice(0);
      return json({ ok: true });
    }
    return json({ error: { code: 'route_not_found', message: `No ${method} ${path}` } }, 404);
  });
  vi.stubGlobal('fetch', fetchSpy);
  return fetchSpy;
}

afterEach(() => vi.unstubAllGlobals());

describe('SettingsPage API tokens', () => {
  it('shows a new token once, with a copy button and a warning, and never again after closing', async () => {
    const fetchSpy = stubApi();
    const user = userEvent.setup();
    renderPage(<SettingsPage />);

    expect(await screen.findByText('You have no API tokens.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Token name'), 'Spreadsheet sync');
    await user.selectOptions(screen.getByLabelText('Expires after'), '90');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByLabelText('New API token');
    expect(secret).toHaveValue(SECRET);
    expect(screen.getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('this is the only time it is shown');
    const create = fetchSpy.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(create?.[1]?.body as string)).toEqual({
      name: 'Spreadsheet sync',
      expiresInDays: 90,
    });

    await user.click(screen.getByRole('button', { name: 'Done, I have stored it' }));

    expect(screen.queryByLabelText('New API token')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);
    // The list shows the token by its prefix only, and the form is back for another one.
    const table = await screen.findByRole('table', { name: 'Your API tokens' });
    expect(within(table).getByText('Spreadsheet sync', { selector: 'strong' })).toBeInTheDocument();
    expect(within(table).getByText('cpt_live_9f8e…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create token' })).toBeInTheDocument();
  });

  it('revokes a token only after confirming in a dialog', async () => {
    stubApi();
    const user = userEvent.setup();
    renderPage(<SettingsPage />);
    await user.type(await screen.findByLabelText('Token name'), 'Spreadsheet sync');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    await user.click(await screen.findByRole('button', { name: 'Done, I have stored it' }));

    await user.click(await screen.findByRole('button', { name: 'Revoke Spreadsheet sync' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke “Spreadsheet sync”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Your API tokens' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Revoke Spreadsheet sync' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke token' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('You have no API tokens.')).toBeInTheDocument();
  });
});
