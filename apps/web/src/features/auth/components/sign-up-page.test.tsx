import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test/render';
import { SignUpPage } from './sign-up-page';

afterEach(() => vi.unstubAllGlobals());

describe('SignUpPage', () => {
  it('shows field errors from the shared schema and sends nothing when the form is invalid', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    renderPage(<SignUpPage />);
    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Use at least 10 characters.')).toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("shows the API's message when the email is already taken", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              error: {
                code: 'email_taken',
                message: 'An account with this email already exists. Sign in instead.',
              },
            }),
            {
              status: 409,
            },
          ),
        ),
      ),
    );
    renderPage(<SignUpPage />);
    await userEvent.type(screen.getByLabelText('Your name'), 'Mira');
    await userEvent.type(screen.getByLabelText('Email'), 'mira@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'a long enough password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'An account with this email already exists',
    );
  });
});
