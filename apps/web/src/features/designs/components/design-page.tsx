import type { ArtworkDetail } from '@counterpoint/core/contracts';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { DataState } from '../../../components/data-state';
import { PageHeader } from '../../../components/page-header';
import { IprStatusBadge } from '../../../components/status-badge';
import { IPR_TYPE_LABELS } from '../../../lib/labels';
import { plural } from '../../../lib/format';
import { useDesign } from '../api/get-design';
import { useUpdateDesign } from '../api/update-design';
import { DeleteDesign } from './delete-design';
import { DesignForm } from './design-form';
import { DesignImage } from './design-image';
import { IppChecklist } from './ipp-checklist';
import { IprStatusSection } from './ipr-status-section';
import './designs.css';

export function DesignPage() {
  const { artworkId = '' } = useParams();
  const design = useDesign(artworkId);
  return (
    <DataState
      query={design}
      loadingLabel="Loading the design…"
      errorTitle="This design could not be loaded."
    >
      {(detail) => <DesignDetail design={detail} />}
    </DataState>
  );
}

function DesignDetail({ design }: { design: ArtworkDetail }) {
  const [isEditing, setEditing] = useState(false);
  const update = useUpdateDesign(design.id);
  const location = useLocation();

  // Links to `#ipp-setup` arrive before the data; scroll once the section exists.
  useEffect(() => {
    if (!location.hash) return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [location.hash]);

  return (
    <section>
      <PageHeader
        back={{ to: '/designs', label: 'Designs' }}
        eyebrow={<IprStatusBadge status={design.iprStatus} />}
        title={design.title}
        actions={
          <>
            {design.canFileComplaints ? (
              <Link className="button primary" to={`/complaints/new?artworkId=${design.id}`}>
                Record a complaint
              </Link>
            ) : (
              <a className="button primary" href="#ipp-setup">
                Set up on IPP
              </a>
            )}
            <Link className="button" to={`/findings?artworkId=${design.id}`}>
              Add findings
            </Link>
          </>
        }
      />

      <div className="design-layout">
        <div className="stack">
          <DesignImage design={design} />
          <section className="card" aria-labelledby="design-details-title">
            <div className="card-header">
              <h2 id="design-details-title">Details</h2>
              {!isEditing && (
                <button type="button" className="button small" onClick={() => setEditing(true)}>
                  Edit
                </button>
              )}
            </div>
            {isEditing ? (
              <DesignForm
                design={design}
                submitLabel="Save changes"
                isPending={update.isPending}
                error={update.error}
                onCancel={() => {
                  update.reset();
                  setEditing(false);
                }}
                onSubmit={(body) => update.mutate(body, { onSuccess: () => setEditing(false) })}
              />
            ) : (
              <dl className="details">
                <dt>Description</dt>
                <dd>{design.description || <span className="muted">None</span>}</dd>
                <dt>IPR type</dt>
                <dd>{IPR_TYPE_LABELS[design.iprType]}</dd>
                <dt>Registration number</dt>
                <dd>
                  {design.isRegistrationRequired
                    ? (design.registrationNumber ?? '—')
                    : 'Not registered (N/A)'}
                </dd>
                <dt>IPP IPR reference</dt>
                <dd>{design.ippIprReference ?? <span className="muted">Not recorded</span>}</dd>
                <dt>Findings</dt>
                <dd>{plural(design.counts.sightings, 'sighting')}</dd>
                <dt>Complaints</dt>
                <dd>
                  {design.counts.complaints > 0 ? (
                    <Link to={`/complaints?artworkId=${design.id}`}>
                      {plural(design.counts.complaints, 'complaint')}
                    </Link>
                  ) : (
                    'None yet'
                  )}
                </dd>
              </dl>
            )}
          </section>
        </div>
        <div className="stack">
          {design.iprStatus !== 'approved' && (
            <div id="ipp-setup" tabIndex={-1}>
              <IppChecklist status={design.iprStatus} />
            </div>
          )}
          <IprStatusSection design={design} />
          <DeleteDesign design={design} />
        </div>
      </div>
    </section>
  );
}
