import { MARKETPLACE_LABELS, VISIBILITIES, type Visibility } from '@counterpoint/core';
import type { ComplaintDetail } from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Countdown, DateText } from '../../../components/date-text';
import { Field, SelectField } from '../../../components/field';
import { formText } from '../../../lib/form-data';
import { plural } from '../../../lib/format';
import { VISIBILITY_EXPLANATIONS, VISIBILITY_LABELS } from '../../../lib/labels';
import { useUpdateComplaint } from '../api/update-complaint';
import { designTitle } from './design-title';

/** The complaint's facts, with its IPP reference and visibility editable by its author. */
export function ComplaintFacts({ complaint }: { complaint: ComplaintDetail }) {
  const [isEditing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby="facts-title">
      <div className="card-header">
        <h2 id="facts-title">Complaint</h2>
        {complaint.isOwner && !isEditing && (
          <button type="button" className="button small" onClick={() => setEditing(true)}>
            Edit reference
          </button>
        )}
      </div>
      {isEditing ? (
        <EditFacts complaint={complaint} onDone={() => setEditing(false)} />
      ) : (
        <dl className="details">
          <dt>Design</dt>
          <dd>
            {complaint.artwork ? (
              <Link to={`/designs/${complaint.artwork.id}`}>{complaint.artwork.title}</Link>
            ) : (
              designTitle(complaint)
            )}
          </dd>
          <dt>Marketplace</dt>
          <dd>{MARKETPLACE_LABELS[complaint.marketplace]}</dd>
          <dt>Filed on IPP</dt>
          <dd>
            <DateText value={complaint.filedOn} fallback="Not yet (draft)" />
          </dd>
          <dt>IPP reference</dt>
          <dd>{complaint.ippReference ?? <span className="muted">Not recorded</span>}</dd>
          <dt>Kind</dt>
          <dd>
            {complaint.severity === 'serious'
              ? 'Counterfeit goods (serious)'
              : 'Copyright (pirated copy)'}
          </dd>
          <dt>Listings</dt>
          <dd>{plural(complaint.listingCount, 'listing')}</dd>
          <dt>Next deadline</dt>
          <dd>
            {complaint.nextDeadline ? (
              <Countdown dueOn={complaint.nextDeadline} />
            ) : (
              <span className="muted">None</span>
            )}
          </dd>
          <dt>Visible to</dt>
          <dd>{VISIBILITY_LABELS[complaint.visibility]}</dd>
          {!complaint.isOwner && (
            <>
              <dt>Filed by</dt>
              <dd>{complaint.artist.name}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function EditFacts({ complaint, onDone }: { complaint: ComplaintDetail; onDone: () => void }) {
  const update = useUpdateComplaint(complaint.id);
  const [visibility, setVisibility] = useState<Visibility>(complaint.visibility);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reference = formText(new FormData(event.currentTarget), 'ippReference');
    update.mutate({ ippReference: reference || null, visibility }, { onSuccess: onDone });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <Field
        label="IPP reference"
        name="ippReference"
        defaultValue={complaint.ippReference ?? ''}
        maxLength={100}
        hint="Leave empty to clear it."
      />
      <SelectField
        label="Visible to"
        value={visibility}
        onChange={(event) => setVisibility(event.target.value as Visibility)}
        hint={VISIBILITY_EXPLANATIONS[visibility]}
      >
        {VISIBILITIES.map((option) => (
          <option key={option} value={option}>
            {VISIBILITY_LABELS[option]}
          </option>
        ))}
      </SelectField>
      {update.error && <Alert>{update.error.message}</Alert>}
      <div className="button-row">
        <button type="submit" className="button primary small" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button ghost small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
