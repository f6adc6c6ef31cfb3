import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sentBodies, stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { DisputeForm } from './dispute-form';

const PATH = '/public/v1/sellers/aliexpress/1102345678/disputes';
const STATEMENT = 'I am the authorised reseller of this artist; the licence is attached.';

afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  renderPage(<DisputeForm marketplace="aliexpress" storeId="1102345678" />);
}

async function fill(fields: { email?: string; statement?: string; evidence?: string }) {
  if (fields.email) await userEvent.type(screen.getByLabelText('Your email'), fields.email);
  if (fields.statement) await userEvent.type(screen.getByLabelText('Statement'), fields.statement);
  if (fields.evidence)
    await userEvent.type(screen.getByLabelText('Evidence link (optional)'), fields.evidence);
}

describe('DisputeForm', () => {
  it('explains each invalid field, focuses the first, and sends nothing', async () => {
    const spy = stubApi({});
    renderForm();
    await fill({ email: 'not-an-email', statement: 'Too short', evidence: 'ftp://files' });
    await userEvent.click(screen.getByRole('button', { name: 'Send dispute' }));

    expect(
      screen.getByText('Enter an email address we can write to, like name@example.com.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Use at least 20 characters.')).toBeInTheDocument();
    expect(
      screen.getByText('Enter a full web address starting with https:// (or leave it empty).'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Your email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Your email')).toHaveFocus();
    expect(sentBodies(spy, 'POST', PATH)).toHaveLength(0);
  });

  it('asks for a statement when there is none', async () => {
    stubApi({});
    renderForm();
    await fill({ email: 'seller@example.com' });
    await userEvent.click(screen.getByRole('button', { name: 'Send dispute' }));
    expect(
      screen.getByText('Say why this seller should not be on the watchlist.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Statement')).toHaveFocus();
  });

  it('sends the dispute (without an empty evidence link) and shows the receipt', async () => {
    const spy = stubApi({
      [`POST ${PATH}`]: {
        status: 201,
        body: {
          id: '10000000-0000-4000-8000-000000000001',
          status: 'open',
          submittedAt: '2026-11-30T10:00:00.000Z',
          message: 'Thank you. The dispute is recorded.',
        },
      },
    });
    renderForm();
    await fill({ email: ' Seller@Example.com ', statement: STATEMENT });
    await userEvent.click(screen.getByRole('button', { name: 'Send dispute' }));

    expect(await screen.findByText('Dispute received.')).toBeInTheDocument();
    expect(screen.getByText(/Thank you. The dispute is recorded./)).toBeInTheDocument();
    expect(sentBodies(spy, 'POST', PATH)).toEqual([
      { contactEmail: 'seller@example.com', statement: STATEMENT },
    ]);
  });

  it('says when the address sent too many disputes, and keeps what was written', async () => {
    stubApi({
      [`POST ${PATH}`]: {
        status: 429,
        body: {
          error: {
            code: 'rate_limited',
            message: 'Too many disputes from your address. Try again in 1200 s.',
          },
        },
      },
    });
    renderForm();
    await fill({
      email: 'seller@example.com',
      statement: STATEMENT,
      evidence: 'https://example.com/licence.pdf',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Send dispute' }));

    const alert = await screen.findByText('Too many disputes were sent from your connection.');
    expect(alert.closest('[role="alert"]')).toHaveTextContent(
      'Too many disputes from your address. Try again in 1200 s.',
    );
    expect(screen.getByLabelText('Statement')).toHaveValue(STATEMENT);
    expect(screen.getByLabelText('Evidence link (optional)')).toHaveValue(
      'https://example.com/licence.pdf',
    );
    expect(screen.getByRole('button', { name: 'Send dispute' })).toBeEnabled();
  });

  it('shows the server’s field errors beside their fields', async () => {
    stubApi({
      [`POST ${PATH}`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid. body.statement: Too small',
            details: { fields: [{ field: 'body.statement', message: 'Too small: expected 20' }] },
          },
        },
      },
    });
    renderForm();
    await fill({ email: 'seller@example.com', statement: STATEMENT });
    await userEvent.click(screen.getByRole('button', { name: 'Send dispute' }));
    expect(await screen.findByText('Too small: expected 20')).toBeInTheDocument();
    expect(screen.getByLabelText('Statement')).toHaveAttribute('aria-invalid', 'true');
  });
});
