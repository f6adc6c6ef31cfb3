import type { ArtworkView } from '@counterpoint/core/contracts';
import { Link } from 'react-router';
import { DataState, EmptyState } from '../../../components/data-state';
import { PageHeader } from '../../../components/page-header';
import { IprStatusBadge } from '../../../components/status-badge';
import { plural } from '../../../lib/format';
import { useDesigns } from '../api/get-designs';
import { DesignThumbnail } from './design-thumbnail';
import './designs.css';

export function DesignsPage() {
  const designs = useDesigns();
  return (
    <section>
      <PageHeader
        title="Designs"
        description="Your artworks and the status of their IPR on Alibaba's IPP. Complaints can be filed only for designs whose IPR is approved."
        actions={
          <Link className="button primary" to="/designs/new">
            Add a design
          </Link>
        }
      />
      <DataState
        query={designs}
        loadingLabel="Loading your designs…"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            title="No designs yet"
            action={
              <Link className="button primary" to="/designs/new">
                Add your first design
              </Link>
            }
          >
            Add the artworks that are being copied, then set each one up on IPP.
          </EmptyState>
        }
      >
        {(list) => <DesignGrid designs={list} />}
      </DataState>
    </section>
  );
}

function DesignGrid({ designs }: { designs: ArtworkView[] }) {
  const notApproved = designs.filter((design) => design.iprStatus !== 'approved').length;
  return (
    <>
      <p className="muted" role="status">
        {plural(designs.length, 'design')}
        {notApproved > 0 && ` · ${notApproved} not approved on IPP yet`}
      </p>
      <ul className="design-grid">
        {designs.map((design) => (
          <li key={design.id} className="design-card">
            <DesignThumbnail design={design} />
            <div className="design-card-body">
              <h2>
                <Link to={`/designs/${design.id}`} className="card-link">
                  {design.title}
                </Link>
              </h2>
              <IprStatusBadge status={design.iprStatus} />
              {design.iprStatus !== 'approved' && (
                <p className="small muted">Set it up on IPP before filing complaints.</p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
