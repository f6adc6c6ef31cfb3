import { MARKETPLACE_LABELS } from '@counterpoint/core';
import { createCampaignBodySchema } from '@counterpoint/core/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/alert';
import { ErrorState, LoadingState } from '../../../components/data-state';
import { Field, SelectField } from '../../../components/field';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { plural, todayIso } from '../../../lib/format';
import { campaignPageUrl } from '../api/campaign-keys';
import { useCreateCampaign } from '../api/create-campaign';
import { useCollectiveSellers } from '../api/get-collective-sellers';
import { goalOptions } from './goal-options';
import styles from './campaigns.module.css';

/** Admins start a campaign: a name, the target store(s), the goal and an optional end date. */
export function CreateCampaignForm({
  collectiveId,
  onCancel,
}: {
  collectiveId: string;
  onCancel: () => void;
}) {
  const sellers = useCollectiveSellers(collectiveId);
  const create = useCreateCampaign(collectiveId);
  const navigate = useNavigate();
  const titleId = useId();
  const [name, setName] = useState('');
  const [sellerIds, setSellerIds] = useState<string[]>([]);
  const [goal, setGoal] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const chosen = (sellers.data?.sellers ?? []).filter((seller) => sellerIds.includes(seller.id));
  const goals = goalOptions(chosen.map((seller) => seller.marketplace));
  const termination = goals[goals.length - 1];

  const toggleSeller = (id: string, isChecked: boolean) => {
    setSellerIds((ids) => (isChecked ? [...ids, id] : ids.filter((other) => other !== id)));
    setGoal('');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextErrors: Record<string, string> = {};
    if (endsOn && endsOn < todayIso())
      nextErrors.endsOn = 'Choose today or a later day, or no end.';
    const parsed = createCampaignBodySchema.safeParse({
      name,
      sellerIds,
      ...(goal ? { goalPoints: Number(goal) } : {}),
      ...(endsOn ? { endsOn } : {}),
    });
    if (!parsed.success) Object.assign(nextErrors, fieldErrors(parsed.error));
    if (sellerIds.length === 0) nextErrors.sellerIds = 'Choose the seller to campaign against.';
    setErrors(nextErrors);
    if (!parsed.success || Object.keys(nextErrors).length > 0) return;
    create.mutate(parsed.data, {
      onSuccess: (campaign) => void navigate(campaignPageUrl(collectiveId, campaign.id)),
    });
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>New campaign</h2>
      <form onChange={clearOnEdit} className="stack" onSubmit={submit} noValidate>
        <Field
          label="Name"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          hint="For example “GlowPins spring campaign”."
          maxLength={200}
          required
        />
        <fieldset aria-describedby={errors.sellerIds ? `${titleId}-sellers-error` : undefined}>
          <legend>Target store</legend>
          <p className="field-hint">
            The seller the members’ complaints are about. Choose several only if you believe the
            stores are one operator: each is planned on its own, with its own daily cap.
          </p>
          {sellers.isPending ? (
            <LoadingState label="Loading the collective’s sellers…" />
          ) : sellers.error ? (
            <ErrorState
              error={sellers.error}
              title="The collective’s sellers could not be loaded."
              onRetry={() => void sellers.refetch()}
            />
          ) : sellers.data.sellers.length === 0 ? (
            <p className="muted">
              No seller is shared with the collective yet: members share sellers by recording
              sightings visible to the collective.
            </p>
          ) : (
            <ul className={styles.sellerChoices}>
              {sellers.data.sellers.map((seller) => (
                <li key={seller.id}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      name="sellerIds"
                      value={seller.id}
                      checked={sellerIds.includes(seller.id)}
                      onChange={(event) => toggleSeller(seller.id, event.target.checked)}
                    />
                    <span className="choice-text">
                      <strong className="break">{seller.name ?? seller.storeId}</strong>
                      <span className="muted small">
                        {MARKETPLACE_LABELS[seller.marketplace]} ·{' '}
                        {plural(seller.listingCount, 'listing')} · copies{' '}
                        {plural(seller.members.length, 'member')}
                        {seller.confirmedPoints !== null &&
                          ` · ${seller.confirmedPoints} points (estimate)`}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {errors.sellerIds && (
            <p id={`${titleId}-sellers-error`} className="field-error" role="alert">
              {errors.sellerIds}
            </p>
          )}
        </fieldset>
        <div className="form-grid">
          <SelectField
            label="Goal"
            name="goalPoints"
            value={goal}
            onChange={(event) => setGoal(event.target.value)}
            error={errors.goalPoints}
            hint="A step of the penalty ladder (estimate). Termination when left as is."
            disabled={goals.length === 0}
          >
            <option value="">
              {termination ? `Termination (${termination.points} points)` : 'Termination'}
            </option>
            {goals
              .filter((option) => option !== termination)
              .map((option) => (
                <option key={option.points} value={option.points}>
                  {option.label} ({option.points} points)
                </option>
              ))}
          </SelectField>
          <Field
            label="End date (optional)"
            name="endsOn"
            type="date"
            min={todayIso()}
            value={endsOn}
            onChange={(event) => setEndsOn(event.target.value)}
            error={errors.endsOn}
            hint="The last day an establishment counts for the goal."
          />
        </div>
        {create.error && <Alert>{create.error.message}</Alert>}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={create.isPending}>
            {create.isPending ? 'Starting…' : 'Start the campaign'}
          </button>
          <button type="button" className="button ghost" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
