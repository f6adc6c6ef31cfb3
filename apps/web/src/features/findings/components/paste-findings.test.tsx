import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDesign } from '../../../test/factories';
import { sentBodies, stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { FindingsPage } from './findings-page';

afterEach(() => vi.unstubAllGlobals());

const PASTE = [
  'https://www.aliexpress.com/item/1005006123456789.html',
  'https://www.aliexpress.com/item/1005006123456789.html',
  'https://a.aliexpress.com/_mKqbTxY',
  'hello world',
  'https://www.aliexpress.com/store/912345',
].join('\n');

/** The preview row of one pasted line. */
const lineRow = (line: number) =>
  screen.getByText(`Line ${line}`, { selector: '.preview-line-number' }).closest('li')!;

describe('Add findings: paste preview', () => {
  it('marks each pasted line as understood, duplicate, short link or rejected with the reason', async () => {
    stubApi({ 'GET /api/v1/artworks': { body: { artworks: [buildDesign()] } } });
    renderPage(<FindingsPage />, '/findings');

    await userEvent.click(screen.getByLabelText('Listing and store URLs, one a line'));
    await userEvent.paste(PASTE);

    const lines = await screen.findByRole('list', { name: 'Pasted lines' });
    expect(within(lines).getAllByRole('listitem')).toHaveLength(5);
    expect(within(lineRow(1)).getByText('Understood')).toBeInTheDocument();
    expect(within(lineRow(1)).getByText('AliExpress listing 1005006123456789')).toBeInTheDocument();
    expect(within(lineRow(2)).getByText('Duplicate')).toBeInTheDocument();
    expect(within(lineRow(2)).getByText(/Same link as line 1/)).toBeInTheDocument();
    expect(within(lineRow(3)).getByText('Short link')).toBeInTheDocument();
    expect(within(lineRow(3)).getByText(/known only after opening it/)).toBeInTheDocument();
    expect(within(lineRow(4)).getByText('Rejected')).toBeInTheDocument();
    expect(within(lineRow(4)).getByText(/not a link/i)).toBeInTheDocument();
    expect(within(lineRow(5)).getByText('AliExpress store 912345')).toBeInTheDocument();

    // The summary counts distinct links, and the groups put the store under its marketplace.
    const summary = screen.getByRole('status', { name: '' });
    expect(summary).toHaveTextContent('2 links understood');
    expect(summary).toHaveTextContent('1 short link');
    expect(summary).toHaveTextContent('1 duplicate');
    expect(summary).toHaveTextContent('1 rejected');
    expect(screen.getByText('Store 912345')).toBeInTheDocument();

    // Only the lines needing attention, on request.
    await userEvent.click(screen.getByLabelText('Only lines needing attention'));
    expect(within(lines).getAllByRole('listitem')).toHaveLength(3);
  });

  it('saves the paste with the chosen design and shows what each line became', async () => {
    const design = buildDesign({ title: 'Barn Owl print' });
    const spy = stubApi({
      'GET /api/v1/artworks': { body: { artworks: [design] } },
      'POST /api/v1/findings': {
        body: {
          results: [
            {
              line: 1,
              input: 'https://www.aliexpress.com/item/1005006123456789.html',
              outcome: 'saved',
              message: null,
              marketplace: 'aliexpress',
              listingId: '10000000-0000-4000-8000-000000000001',
              sellerId: null,
              sightingId: '10000000-0000-4000-8000-000000000002',
            },
            {
              line: 2,
              input: 'hello world',
              outcome: 'rejected',
              message: 'This is not a link.',
              marketplace: null,
              listingId: null,
              sellerId: null,
              sightingId: null,
            },
          ],
          summary: {
            listings: 1,
            newListings: 1,
            sellers: 0,
            newSellers: 0,
            sightings: 1,
            rejected: 1,
            shortLinks: 0,
            duplicates: 0,
          },
        },
      },
    });
    renderPage(<FindingsPage />, '/findings');

    await userEvent.click(screen.getByLabelText('Listing and store URLs, one a line'));
    await userEvent.paste('https://www.aliexpress.com/item/1005006123456789.html\nhello world');
    await userEvent.selectOptions(await screen.findByLabelText('Design copied'), design.id);
    await userEvent.click(screen.getByLabelText(/Only me/));
    await userEvent.click(await screen.findByRole('button', { name: 'Save 1 link' }));

    expect(
      await screen.findByRole('heading', { name: 'Saved 1 listing and 1 sighting' }),
    ).toBeInTheDocument();
    expect(sentBodies(spy, 'POST', '/api/v1/findings')).toEqual([
      expect.objectContaining({
        text: 'https://www.aliexpress.com/item/1005006123456789.html\nhello world',
        artworkId: design.id,
        visibility: 'private',
      }),
    ]);
    expect(screen.getByText('This is not a link.')).toBeInTheDocument();
  });
});
