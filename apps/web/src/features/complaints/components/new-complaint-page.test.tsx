import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDesign } from '../../../test/factories';
import { sentBodies, stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { NewComplaintPage } from './new-complaint-page';

afterEach(() => vi.unstubAllGlobals());

const approved = buildDesign({ title: 'Luna Moth enamel pin', ippIprReference: 'IPR100' });
const pending = buildDesign({
  title: 'Barn Owl print',
  iprStatus: 'pending',
  canFileComplaints: false,
});
const rejected = buildDesign({
  title: 'Fern pin',
  iprStatus: 'rejected',
  canFileComplaints: false,
});
const notSubmitted = buildDesign({
  title: 'Heron',
  iprStatus: 'not_submitted',
  canFileComplaints: false,
});

const designsRoute = { body: { artworks: [approved, pending, rejected, notSubmitted] } };
const noSightings = { body: { sightings: [], nextCursor: null } };

describe('New complaint form', () => {
  it('lists designs whose IPR is not approved as disabled, with the reason and a link to their checklist', async () => {
    stubApi({ 'GET /api/v1/artworks': designsRoute });
    renderPage(<NewComplaintPage />, '/complaints/new');

    const group = await screen.findByRole('group', { name: 'Design copied' });
    expect(within(group).getByRole('radio', { name: /Luna Moth enamel pin/ })).toBeEnabled();

    const owl = within(group).getByRole('radio', { name: /Barn Owl print/ });
    expect(owl).toBeDisabled();
    expect(owl).toHaveAccessibleDescription(
      /IPP is reviewing its IPR \(usually 3–5 business days\)/,
    );
    expect(within(group).getByRole('radio', { name: /Fern pin/ })).toHaveAccessibleDescription(
      /IPP rejected its IPR/,
    );
    expect(within(group).getByRole('radio', { name: /Heron/ })).toHaveAccessibleDescription(
      /not submitted on IPP yet/,
    );
    const links = within(group).getAllByRole('link', { name: 'Set it up on IPP' });
    expect(links).toHaveLength(3);
    expect(links[0]).toHaveAttribute('href', `/designs/${pending.id}#ipp-setup`);
  });

  it('does not preselect an unapproved design asked for in the URL', async () => {
    stubApi({ 'GET /api/v1/artworks': designsRoute });
    renderPage(<NewComplaintPage />, `/complaints/new?artworkId=${pending.id}`);
    const owl = await screen.findByRole('radio', { name: /Barn Owl print/ });
    expect(owl).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Record complaint' }));
    expect(screen.getByText('Choose the design these listings copy.')).toBeInTheDocument();
  });

  it('clears a field’s error as soon as the field is changed', async () => {
    stubApi({ 'GET /api/v1/artworks': designsRoute, 'GET /api/v1/sightings': noSightings });
    renderPage(<NewComplaintPage />, '/complaints/new');
    await userEvent.click(await screen.findByRole('button', { name: 'Record complaint' }));
    expect(screen.getByText('Choose the design these listings copy.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: /Luna Moth enamel pin/ }));
    expect(screen.queryByText('Choose the design these listings copy.')).not.toBeInTheDocument();
  });

  it('words the kind of infringement and the reason after a trademark design’s IPR', async () => {
    const bee = buildDesign({ title: 'Bumble Bee pin', iprType: 'trademark' });
    stubApi({
      'GET /api/v1/artworks': { body: { artworks: [bee] } },
      'GET /api/v1/sightings': noSightings,
    });
    renderPage(<NewComplaintPage />, '/complaints/new');
    await userEvent.click(await screen.findByRole('radio', { name: /Bumble Bee pin/ }));

    const kinds = Array.from(
      screen.getByLabelText<HTMLSelectElement>('Kind of infringement').options,
      (option) => option.text,
    );
    expect(kinds).toEqual([
      'Trademark (unauthorised use of the mark)',
      'Counterfeit goods (serious)',
    ]);
    const reason = screen.getByLabelText<HTMLTextAreaElement>('Reason text').value;
    expect(reason).toContain('my registered trademark "Bumble Bee pin"');
    expect(reason).not.toContain('original artwork');
  });

  it('prefills the reason for the chosen design, sends the pasted listings, and shows the API refusal', async () => {
    const spy = stubApi({
      'GET /api/v1/artworks': designsRoute,
      'GET /api/v1/sightings': noSightings,
      'POST /api/v1/complaints': {
        status: 409,
        body: {
          error: {
            code: 'ipr_not_approved',
            message: "IPP is still reviewing this design's IPR (usually 3–5 business days).",
          },
        },
      },
    });
    renderPage(<NewComplaintPage />, '/complaints/new');

    await userEvent.click(await screen.findByRole('radio', { name: /Luna Moth enamel pin/ }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Reason text').value).toContain(
      'my original artwork "Luna Moth enamel pin"',
    );
    await userEvent.click(screen.getByLabelText('Or paste listing URLs, one a line'));
    await userEvent.paste('https://www.aliexpress.com/item/1005006123456789.html');
    await userEvent.type(screen.getByLabelText('IPP complaint reference (optional)'), 'C123');
    await userEvent.click(screen.getByRole('button', { name: 'Record complaint' }));

    expect(await screen.findByText(/still reviewing this design's IPR/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the design’s IPP checklist' })).toHaveAttribute(
      'href',
      `/designs/${approved.id}#ipp-setup`,
    );
    expect(sentBodies(spy, 'POST', '/api/v1/complaints')).toEqual([
      expect.objectContaining({
        artworkId: approved.id,
        listingIds: [],
        listingUrls: ['https://www.aliexpress.com/item/1005006123456789.html'],
        status: 'submitted',
        ippReference: 'C123',
        visibility: 'collective',
      }),
    ]);
  });
});
