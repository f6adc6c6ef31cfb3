import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, todayIso } from '../../../lib/format';
import { buildTask, CAMPAIGN_ID, COLLECTIVE_ID } from '../../../test/campaign-factories';
import { sentBodies, stubApi } from '../../../test/fetch-stub';
import { renderPage } from '../../../test/render';
import { TaskCard } from './task-card';

afterEach(() => vi.unstubAllGlobals());

const taskPath = (taskId: string, action: string) =>
  `/api/v1/collectives/${COLLECTIVE_ID}/campaigns/${CAMPAIGN_ID}/tasks/${taskId}/${action}`;
const COMPLAINT_ID = 'd0000000-0000-4000-8000-000000000001';

describe('TaskCard', () => {
  it('copies the paste list and the reason text with one click each', async () => {
    stubApi({});
    const user = userEvent.setup();
    const task = buildTask();
    renderPage(<TaskCard task={task} collectiveId={COLLECTIVE_ID} />);

    expect(screen.getByRole('heading', { name: /Luna Moth enamel pin/ })).toBeInTheDocument();
    expect(screen.getByText('IPR20250100')).toBeInTheDocument();
    expect(screen.getByLabelText(/Listings for “Option 2”/)).toHaveValue(task.pasteList);

    await user.click(screen.getByRole('button', { name: 'Copy 2 URLs' }));
    expect(await navigator.clipboard.readText()).toBe(task.pasteList);
    expect(screen.getByRole('button', { name: 'Copied ✓' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy reason text' }));
    expect(await navigator.clipboard.readText()).toBe(task.reasonText);
  });

  it('records the task as filed with the day and IPP reference, then links the complaint', async () => {
    const task = buildTask();
    const spy = stubApi({
      [`POST ${taskPath(task.id, 'filed')}`]: ({ body }) => ({
        body: {
          ...task,
          status: 'filed',
          filedOn: (body as { filedOn: string }).filedOn,
          complaintId: COMPLAINT_ID,
        },
      }),
    });
    const user = userEvent.setup();
    renderPage(<TaskCard task={task} collectiveId={COLLECTIVE_ID} />);

    await user.click(screen.getByRole('button', { name: 'Record as filed' }));
    const form = screen.getByRole('form', { name: 'When did you file it?' });
    expect(within(form).getByLabelText('Filed on IPP on')).toHaveValue(todayIso());
    await user.type(within(form).getByLabelText('IPP reference (optional)'), ' C88001234 ');
    await user.click(within(form).getByRole('button', { name: 'Record and create the complaint' }));

    const link = await screen.findByRole('link', { name: 'Open the complaint' });
    expect(link).toHaveAttribute('href', `/complaints/${COMPLAINT_ID}`);
    expect(sentBodies(spy, 'POST', taskPath(task.id, 'filed'))).toEqual([
      { filedOn: todayIso(), ippReference: 'C88001234' },
    ]);
    expect(screen.getByText(/Recorded as filed/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record as filed' })).not.toBeInTheDocument();
  });

  it('leaves the IPP reference out when there is none, and refuses a day to come', async () => {
    const task = buildTask();
    const spy = stubApi({
      [`POST ${taskPath(task.id, 'filed')}`]: {
        body: { ...task, status: 'filed', filedOn: '2026-03-02', complaintId: COMPLAINT_ID },
      },
    });
    const user = userEvent.setup();
    renderPage(<TaskCard task={task} collectiveId={COLLECTIVE_ID} />);

    await user.click(screen.getByRole('button', { name: 'Record as filed' }));
    const day = screen.getByLabelText('Filed on IPP on');
    await user.clear(day);
    await user.type(day, '2999-01-01');
    await user.click(screen.getByRole('button', { name: 'Record and create the complaint' }));
    expect(screen.getByText(/That day has not come yet/)).toBeInTheDocument();
    expect(sentBodies(spy, 'POST', taskPath(task.id, 'filed'))).toEqual([]);

    await user.clear(day);
    await user.type(day, '2026-03-02');
    await user.click(screen.getByRole('button', { name: 'Record and create the complaint' }));
    await screen.findByRole('link', { name: 'Open the complaint' });
    expect(sentBodies(spy, 'POST', taskPath(task.id, 'filed'))).toEqual([
      { filedOn: '2026-03-02' },
    ]);
  });

  it('shows why the API refused a filing', async () => {
    const task = buildTask();
    stubApi({
      [`POST ${taskPath(task.id, 'filed')}`]: {
        status: 409,
        body: {
          error: {
            code: 'ipr_not_approved',
            message: 'The IPR of Luna Moth enamel pin is no longer approved.',
          },
        },
      },
    });
    const user = userEvent.setup();
    renderPage(<TaskCard task={task} collectiveId={COLLECTIVE_ID} />);
    await user.click(screen.getByRole('button', { name: 'Record as filed' }));
    await user.click(screen.getByRole('button', { name: 'Record and create the complaint' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no longer approved');
  });

  it('skips with a reason, asked for in a dialog', async () => {
    const task = buildTask();
    const spy = stubApi({
      [`POST ${taskPath(task.id, 'skip')}`]: {
        body: { ...task, status: 'skipped', skipReason: 'On holiday' },
      },
    });
    const user = userEvent.setup();
    renderPage(<TaskCard task={task} collectiveId={COLLECTIVE_ID} />);

    await user.click(screen.getByRole('button', { name: 'Skip' }));
    const dialog = screen.getByRole('dialog', {
      name: `Skip Luna Moth enamel pin on ${formatDate(task.fileOn)}?`,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Skip this task' }));
    expect(within(dialog).getByText(/Say why/)).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Why'), 'On holiday');
    await user.click(within(dialog).getByRole('button', { name: 'Skip this task' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sentBodies(spy, 'POST', taskPath(task.id, 'skip'))).toEqual([{ reason: 'On holiday' }]);
    expect(screen.getByText(/Skipped: “On holiday”/)).toBeInTheDocument();
  });

  it('offers no action on another member’s task', () => {
    stubApi({});
    renderPage(
      <TaskCard
        task={buildTask({ artist: { id: 'x', displayName: 'Wei Chen', isYou: false } })}
        collectiveId={COLLECTIVE_ID}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Record as filed' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skip' })).not.toBeInTheDocument();
  });
});
