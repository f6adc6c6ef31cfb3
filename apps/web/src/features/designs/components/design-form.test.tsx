import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sentBodies, stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { DesignForm } from './design-form';
import { NewDesignPage } from './new-design-page';

afterEach(() => vi.unstubAllGlobals());

describe('Design form', () => {
  it('shows field errors from the shared schema and sends nothing while the form is invalid', async () => {
    const spy = stubApi({});
    renderPage(<NewDesignPage />, '/designs/new');

    await userEvent.click(screen.getByRole('radio', { name: /It has a registration number/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Add design' }));

    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('This field is required.')).toBeInTheDocument();
    expect(screen.getByLabelText('Registration number')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Enter the registration number, or choose/)).toBeInTheDocument();
    expect(spy).not.toHaveBeenCalled();
  });

  it('treats a title of spaces as missing, as the API does', async () => {
    const onSubmit = vi.fn();
    renderPage(<DesignForm submitLabel="Save" isPending={false} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Title'), '    ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('This field is required.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Title'), 'Moth');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ title: 'Moth' }));
    expect(screen.queryByText('This field is required.')).not.toBeInTheDocument();
  });

  it('sends "not registered" as N/A, and a registration number when there is one', async () => {
    const onSubmit = vi.fn();
    const { unmount } = renderPage(
      <DesignForm submitLabel="Save" isPending={false} onSubmit={onSubmit} />,
    );
    await userEvent.type(screen.getByLabelText('Title'), '  Barn Owl print ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenLastCalledWith({
      title: 'Barn Owl print',
      description: '',
      iprType: 'copyright',
      isRegistrationRequired: false,
      registrationNumber: null,
      ippIprReference: null,
    });
    unmount();

    renderPage(<DesignForm submitLabel="Save" isPending={false} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Title'), 'Moth');
    await userEvent.selectOptions(screen.getByLabelText('IPR type'), 'trademark');
    await userEvent.click(screen.getByRole('radio', { name: /It has a registration number/ }));
    await userEvent.type(screen.getByLabelText('Registration number'), 'TM-2291');
    await userEvent.type(screen.getByLabelText('IPP IPR reference (optional)'), 'IPR778');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenLastCalledWith(
      expect.objectContaining({
        iprType: 'trademark',
        isRegistrationRequired: true,
        registrationNumber: 'TM-2291',
        ippIprReference: 'IPR778',
      }),
    );
  });

  it('creates the design and shows the API error when it refuses', async () => {
    const spy = stubApi({
      'POST /api/v1/artworks': {
        status: 400,
        body: { error: { code: 'validation_failed', message: 'The request is not valid.' } },
      },
    });
    renderPage(<NewDesignPage />, '/designs/new');
    await userEvent.type(screen.getByLabelText('Title'), 'Fern');
    await userEvent.click(screen.getByRole('button', { name: 'Add design' }));
    expect(await screen.findByText('The request is not valid.')).toBeInTheDocument();
    expect(sentBodies(spy, 'POST', '/api/v1/artworks')).toEqual([
      expect.objectContaining({ title: 'Fern', isRegistrationRequired: false }),
    ]);
  });
});
