import {
  defaultComplaintReason,
  EARLIEST_EVENT_ON,
  type IprType,
  type Marketplace,
  MARKETPLACE_LABELS,
  type Visibility,
} from '@counterpoint/core';
import { createComplaintBodySchema, type ArtworkView } from '@counterpoint/core/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { DataState, EmptyState } from '../../../components/data-state';
import { Field, SelectField, TextAreaField } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { VisibilityChoice } from '../../../components/visibility-choice';
import { ApiError } from '../../../lib/api-client';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { plural, todayIso } from '../../../lib/format';
import { useCreateComplaint } from '../api/create-complaint';
import { useMyDesigns } from '../api/get-my-designs';
import { DesignPicker } from './design-picker';
import { ListingPicker } from './listing-picker';
import { readPastedListings, type KnownListing } from './listing-sources';
import './complaints.css';

/** `/complaints/new`: record a complaint filed on IPP, or a draft to file. */
/** The ordinary complaint, named after the IPR it rests on, as IPP's form names it. */
const GENERAL_INFRINGEMENT: Record<IprType, string> = {
  copyright: 'Copyright (pirated copy)',
  trademark: 'Trademark (unauthorised use of the mark)',
  patent: 'Patent (infringing product)',
};

export function NewComplaintPage() {
  const designs = useMyDesigns();
  return (
    <section className="narrow-wide">
      <PageHeader
        title="Record a complaint"
        back={{ to: '/complaints', label: 'Complaints' }}
        description="One design, one marketplace, up to 300 listings, as on IPP's complaint form. Record it once you filed it, or save a draft and use its paste list to file it."
      />
      <DataState
        query={designs}
        loadingLabel="Loading your designs…"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            title="Add a design first"
            action={
              <Link className="button primary" to="/designs/new">
                Add a design
              </Link>
            }
          >
            A complaint is about one of your designs, whose IPR IPP has approved.
          </EmptyState>
        }
      >
        {(list) => <NewComplaintForm designs={list} />}
      </DataState>
    </section>
  );
}

function NewComplaintForm({ designs }: { designs: ArtworkView[] }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const create = useCreateComplaint();
  const requested = designs.find((design) => design.id === params.get('artworkId'));
  const [artworkId, setArtworkId] = useState(requested?.canFileComplaints ? requested.id : '');
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const [known, setKnown] = useState<KnownListing[]>([]);
  const [pasted, setPasted] = useState('');
  const [isFiled, setFiled] = useState(true);
  const [reasonDraft, setReasonDraft] = useState<string | null>(null);
  const [visibility, setVisibility] = useState<Visibility>('collective');
  const { errors, setErrors, clearOnEdit } = useFormErrors();
  const design = designs.find((candidate) => candidate.id === artworkId);
  const reason =
    reasonDraft ?? (design ? defaultComplaintReason(design.title, design.iprType) : '');
  const approvedCount = designs.filter((candidate) => candidate.canFileComplaints).length;

  const pastedListings = useMemo(() => readPastedListings(pasted), [pasted]);
  const marketplaces = useMemo(() => {
    const set = new Set<Marketplace>();
    for (const listing of known) if (selectedIds.has(listing.id)) set.add(listing.marketplace);
    for (const { marketplace } of pastedListings.urls) set.add(marketplace);
    return [...set];
  }, [known, selectedIds, pastedListings]);
  const listingCount = selectedIds.size + pastedListings.urls.length;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const nextErrors: Record<string, string> = {};
    if (!artworkId) nextErrors.artworkId = 'Choose the design these listings copy.';
    if (marketplaces.length > 1)
      nextErrors.listingIds = `A complaint is filed on one marketplace; these listings are on ${marketplaces.map((m) => MARKETPLACE_LABELS[m]).join(' and ')}. Record one complaint per marketplace.`;
    if (pastedListings.problems.length > 0)
      nextErrors.listingIds ??= 'Remove the pasted lines that are not listing links.';
    const ippReference = formText(form, 'ippReference');
    const parsed = createComplaintBodySchema.safeParse({
      artworkId,
      listingIds: [...selectedIds],
      listingUrls: pastedListings.urls.map((entry) => entry.url),
      status: isFiled ? 'submitted' : 'draft',
      ...(isFiled ? { filedOn: formText(form, 'filedOn') } : {}),
      ...(ippReference ? { ippReference } : {}),
      reason: reason.trim() || undefined,
      severity: formText(form, 'severity'),
      visibility,
    });
    if (!parsed.success) Object.assign(nextErrors, { ...fieldErrors(parsed.error), ...nextErrors });
    if (parsed.success && parsed.data.filedOn && parsed.data.filedOn > todayIso())
      nextErrors.filedOn = 'The filing date is in the future.';
    if (Object.keys(nextErrors).length > 0 || !parsed.success) {
      if (nextErrors.listingIds && listingCount === 0)
        nextErrors.listingIds = 'Choose or paste at least one listing.';
      setErrors(nextErrors);
      // Bring the first problem into view (jsdom has no scrollIntoView).
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>('.field-error, [aria-invalid="true"]')
          ?.scrollIntoView?.({ block: 'center' }),
      );
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (detail) => void navigate(`/complaints/${detail.id}`),
    });
  };

  const isIprError = create.error instanceof ApiError && create.error.code === 'ipr_not_approved';
  return (
    <form onChange={clearOnEdit} className="stack" onSubmit={submit} noValidate>
      {approvedCount === 0 && (
        <Alert tone="info">
          None of your designs has an approved IPR on IPP yet, so no complaint can be filed. Open a
          design below to see its set-up checklist.
        </Alert>
      )}
      <div className="card">
        <DesignPicker
          designs={designs}
          value={artworkId}
          error={errors.artworkId}
          onChange={(chosen) => {
            setArtworkId(chosen.id);
            setSelectedIds(new Set());
            setKnown([]);
          }}
        />
      </div>

      {artworkId && (
        <div className="card">
          <ListingPicker
            artworkId={artworkId}
            selectedIds={selectedIds}
            onSelectedChange={(ids, listings) => {
              setSelectedIds(ids);
              setKnown(listings);
            }}
            pasted={pasted}
            onPastedChange={setPasted}
            error={errors.listingIds ?? errors.listingUrls}
          />
          <p className="muted small" role="status">
            {plural(listingCount, 'listing')} in this complaint
            {marketplaces.length === 1 && ` · ${MARKETPLACE_LABELS[marketplaces[0]!]}`}
          </p>
        </div>
      )}

      <div className="card stack">
        <fieldset>
          <legend>On IPP</legend>
          <label className="choice">
            <input type="radio" name="filing" checked={isFiled} onChange={() => setFiled(true)} />
            <span className="choice-text">
              <strong>I filed it on IPP</strong>
              <span className="muted small">
                Counterpoint reminds you to check its status a few days later.
              </span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="filing" checked={!isFiled} onChange={() => setFiled(false)} />
            <span className="choice-text">
              <strong>Save as a draft to file later</strong>
              <span className="muted small">
                Its paste list and reason text are ready to copy into IPP.
              </span>
            </span>
          </label>
        </fieldset>
        <div className="form-grid">
          {isFiled && (
            <Field
              label="Filed on"
              name="filedOn"
              type="date"
              defaultValue={todayIso()}
              min={EARLIEST_EVENT_ON}
              max={todayIso()}
              required
              error={errors.filedOn}
            />
          )}
          <Field
            label="IPP complaint reference (optional)"
            name="ippReference"
            maxLength={100}
            error={errors.ippReference}
            hint="Shown on IPP under Manage complaints."
          />
          <SelectField
            label="Kind of infringement"
            name="severity"
            defaultValue="general"
            error={errors.severity}
            hint="Counterfeit complaints may be answered with a test-buy request."
          >
            <option value="general">{GENERAL_INFRINGEMENT[design?.iprType ?? 'copyright']}</option>
            <option value="serious">Counterfeit goods (serious)</option>
          </SelectField>
        </div>
        <TextAreaField
          label="Reason text"
          name="reason"
          rows={4}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReasonDraft(event.target.value)}
          error={errors.reason}
          hint="The short explanation for IPP's complaint form; edit it as you like."
        />
        <VisibilityChoice value={visibility} onChange={setVisibility} />
      </div>

      {create.error && (
        <Alert>
          {create.error.message}
          {isIprError && design && (
            <>
              {' '}
              <Link to={`/designs/${design.id}#ipp-setup`}>Open the design’s IPP checklist</Link>
            </>
          )}
        </Alert>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : isFiled ? 'Record complaint' : 'Save draft'}
        </button>
        <Link className="button ghost" to="/complaints">
          Cancel
        </Link>
      </div>
    </form>
  );
}
