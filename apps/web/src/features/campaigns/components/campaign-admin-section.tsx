import { useFormErrors } from '../../../lib/form-errors';
import type { CampaignDetail, UpdateCampaignBody } from '@counterpoint/core/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DateText } from '../../../components/date-text';
import { Field, SelectField } from '../../../components/field';
import { todayIso } from '../../../lib/format';
import { useReplanCampaign } from '../api/replan-campaign';
import { useUpdateCampaign } from '../api/update-campaign';
import { goalOptions } from './goal-options';
import styles from './campaigns.module.css';

type StatusChange = 'paused' | 'closed' | null;

/** Admins and the owner: the campaign's settings, its status, and a new plan on demand. */
export function CampaignAdminSection({ campaign }: { campaign: CampaignDetail }) {
  const titleId = useId();
  const update = useUpdateCampaign(campaign.collectiveId, campaign.id);
  const statusChange = useUpdateCampaign(campaign.collectiveId, campaign.id);
  const replan = useReplanCampaign(campaign.collectiveId, campaign.id);
  const [confirming, setConfirming] = useState<StatusChange>(null);
  const isClosed = campaign.status === 'closed';

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Manage the campaign</h2>
      {isClosed ? (
        <p className="muted">
          Closed campaigns are final: they keep their filed complaints on record.
        </p>
      ) : (
        <div className="stack">
          <SettingsForm
            key={campaign.updatedAt}
            campaign={campaign}
            isPending={update.isPending}
            error={update.error?.message ?? null}
            isSaved={update.isSuccess}
            onSubmit={(body) => update.mutate(body)}
          />
          <div>
            <h3 className={styles.subheading}>Status and plan</h3>
            <p className="small muted">
              {campaign.plan ? (
                <>
                  Plan made for <DateText value={campaign.plan.asOf} />, computed{' '}
                  <DateText value={campaign.plan.computedAt} withTime />. It is made again by itself
                  after every change and each morning.
                </>
              ) : (
                'No plan yet.'
              )}
            </p>
            <div className="button-row">
              {campaign.status === 'open' ? (
                <button type="button" className="button" onClick={() => setConfirming('paused')}>
                  Pause
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={statusChange.isPending}
                  onClick={() => statusChange.mutate({ status: 'open' })}
                >
                  Resume
                </button>
              )}
              <button
                type="button"
                className="button"
                disabled={replan.isPending}
                onClick={() => replan.mutate()}
              >
                {replan.isPending ? 'Asking…' : 'Re-plan now'}
              </button>
              <button
                type="button"
                className="button danger"
                onClick={() => setConfirming('closed')}
              >
                Close the campaign
              </button>
            </div>
            {replan.isSuccess && (
              <p className="alert alert-success small" role="status">
                A new plan was requested: it appears within moments.
              </p>
            )}
            {(replan.error ?? (confirming ? null : statusChange.error)) && (
              <Alert>{(replan.error ?? statusChange.error)?.message}</Alert>
            )}
          </div>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={confirming === 'closed' ? `Close ${campaign.name}?` : `Pause ${campaign.name}?`}
          confirmLabel={confirming === 'closed' ? 'Close for good' : 'Pause'}
          tone={confirming === 'closed' ? 'danger' : 'primary'}
          isPending={statusChange.isPending}
          error={statusChange.error?.message}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            statusChange.mutate({ status: confirming }, { onSuccess: () => setConfirming(null) })
          }
        >
          {confirming === 'closed' ? (
            <p>
              Closing is final: planned tasks are cancelled and nobody is asked to file again.
              Complaints already filed stay on record.
            </p>
          ) : (
            <p>
              Nobody is asked to file while it is paused: planned tasks are cancelled and come back
              when you resume. The plan stays here to look at.
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

function SettingsForm({
  campaign,
  isPending,
  isSaved,
  error,
  onSubmit,
}: {
  campaign: CampaignDetail;
  isPending: boolean;
  isSaved: boolean;
  error: string | null;
  onSubmit: (body: UpdateCampaignBody) => void;
}) {
  const [name, setName] = useState(campaign.name);
  const [goal, setGoal] = useState(String(campaign.goalPoints));
  const [endsOn, setEndsOn] = useState(campaign.endsOn ?? '');
  const { errors, setErrors, clearOnEdit } = useFormErrors();
  const goals = goalOptions(campaign.sellers.map((seller) => seller.marketplace));
  if (!goals.some((option) => option.points === campaign.goalPoints)) {
    goals.push({ points: campaign.goalPoints, label: 'Current goal' });
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextErrors: Record<string, string> = {};
    if (!name.trim()) nextErrors.name = 'This field is required.';
    if (endsOn && endsOn !== campaign.endsOn && endsOn < todayIso())
      nextErrors.endsOn = 'Choose today or a later day, or no end.';
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    const body: UpdateCampaignBody = {};
    if (name.trim() !== campaign.name) body.name = name.trim();
    if (Number(goal) !== campaign.goalPoints) body.goalPoints = Number(goal);
    if ((endsOn || null) !== campaign.endsOn) body.endsOn = endsOn || null;
    if (Object.keys(body).length === 0) {
      setErrors({ form: 'Nothing changed.' });
      return;
    }
    onSubmit(body);
  };

  return (
    <form
      onChange={clearOnEdit}
      className="stack-sm"
      onSubmit={submit}
      noValidate
      aria-label="Campaign settings"
    >
      <div className="form-grid">
        <Field
          label="Name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          maxLength={200}
          required
        />
        <SelectField
          label="Goal"
          value={goal}
          onChange={(event) => setGoal(event.target.value)}
          hint="A step of the penalty ladder (estimate)."
        >
          {goals.map((option) => (
            <option key={option.points} value={option.points}>
              {option.label} ({option.points} points)
            </option>
          ))}
        </SelectField>
        <Field
          label="End date (optional)"
          type="date"
          min={todayIso()}
          value={endsOn}
          onChange={(event) => setEndsOn(event.target.value)}
          error={errors.endsOn}
          hint="Leave empty for no end."
        />
      </div>
      {errors.form && <p className="field-error">{errors.form}</p>}
      {error && <Alert>{error}</Alert>}
      {isSaved && !error && (
        <p className="alert alert-success small" role="status">
          Saved. The plan is being made again.
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
