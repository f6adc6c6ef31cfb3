import type { CampaignDetail } from '@counterpoint/core/contracts';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatNumber } from '../../../lib/format';
import { useLeaveCampaign, useSetParticipation } from '../api/participation';
import { describeConstraints } from './describe-constraints';
import { ParticipationForm } from './participation-form';
import styles from './campaigns.module.css';

/** Opting in and out, and my constraints: every member decides for themselves. */
export function ParticipationSection({ campaign }: { campaign: CampaignDetail }) {
  const me = campaign.participants.find((participant) => participant.isYou) ?? null;
  const participate = useSetParticipation(campaign.collectiveId, campaign.id);
  const leave = useLeaveCampaign(campaign.collectiveId, campaign.id);
  const [isEditing, setEditing] = useState(false);
  const [isLeaving, setLeaving] = useState(false);
  const titleId = useId();
  const isClosed = campaign.status === 'closed';

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Your part</h2>
      {isClosed ? (
        <p className="muted">
          This campaign is closed.{' '}
          {me ? 'Complaints you filed for it stay on record.' : 'You did not take part.'}
        </p>
      ) : me && !isEditing ? (
        <div className="stack-sm">
          <p>
            You take part: the plan gives you your own listings to file, for your approved designs,
            on days that suit you — <strong>{describeConstraints(me)}</strong>.
          </p>
          {participate.isSuccess && (
            <p className="alert alert-success" role="status">
              Saved. The plan is being made again with your constraints.
            </p>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                participate.reset();
                setEditing(true);
              }}
            >
              Change my constraints
            </button>
            <button type="button" className="button danger" onClick={() => setLeaving(true)}>
              Opt out
            </button>
          </div>
        </div>
      ) : (
        <div className="stack-sm">
          {!me && (
            <p>
              Opt in to be given your share of the complaints: only listings you recorded as copying
              your own designs, and only for designs whose IPR IPP approved. Say when you cannot
              file; you can change it, or opt out, at any time.
            </p>
          )}
          <ParticipationForm
            initial={me}
            submitLabel={me ? 'Save my constraints' : 'Opt in'}
            isPending={participate.isPending}
            error={participate.error?.message}
            onSubmit={(body) => participate.mutate(body, { onSuccess: () => setEditing(false) })}
            onCancel={me ? () => setEditing(false) : undefined}
          />
        </div>
      )}
      {isLeaving && (
        <ConfirmDialog
          title={`Opt out of ${campaign.name}?`}
          confirmLabel="Opt out"
          isPending={leave.isPending}
          error={leave.error?.message}
          onCancel={() => setLeaving(false)}
          onConfirm={() => leave.mutate(undefined, { onSuccess: () => setLeaving(false) })}
        >
          <p>
            Your planned tasks are cancelled; complaints you already filed stay on record. The next
            plan gives your listings to other members whose work they copy, if there are any.
          </p>
        </ConfirmDialog>
      )}
      <p className={`small muted ${styles.sectionNote}`}>
        {formatNumber(campaign.participantCount)} of the collective’s members take part.
      </p>
    </section>
  );
}
