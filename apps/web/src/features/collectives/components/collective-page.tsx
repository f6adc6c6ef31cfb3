import { Link, useParams, useSearchParams } from 'react-router';
import { DataState } from '../../../components/data-state';
import { PageHeader } from '../../../components/page-header';
import { Badge } from '../../../components/status-badge';
import { ApiError } from '../../../lib/api-client';
import { plural } from '../../../lib/format';
import { useCollective } from '../api/get-collective';
import { AuditPanel } from './audit-panel';
import { InvitationsPanel } from './invitations-panel';
import { isAdmin, ROLE_LABELS } from './member-permissions';
import { MembersPanel } from './members-panel';
import { SharedSellersPanel } from './shared-sellers-panel';
import { Tabs, type Tab } from '../../../components/tabs';

export function CollectivePage() {
  const { collectiveId = '' } = useParams();
  const collective = useCollective(collectiveId);
  const [searchParams, setSearchParams] = useSearchParams();

  if (collective.error instanceof ApiError && collective.error.status === 404) {
    return (
      <>
        <PageHeader
          title="Collective not found"
          back={{ to: '/collectives', label: 'Collectives' }}
        />
        <div className="state">
          <p className="state-title">This collective does not exist or you are not a member.</p>
          <p className="muted">
            <Link to="/collectives">See your collectives</Link>
          </p>
        </div>
      </>
    );
  }

  return (
    <DataState
      query={collective}
      loadingLabel="Loading the collective…"
      errorTitle="This collective could not be loaded."
    >
      {(detail) => {
        const tabs: Tab[] = [
          {
            id: 'sellers',
            label: 'Shared sellers',
            panel: <SharedSellersPanel collectiveId={detail.id} />,
          },
          {
            id: 'members',
            label: `Members (${detail.members.length})`,
            panel: <MembersPanel collective={detail} />,
          },
        ];
        // Members do not see invitations or the audit trail: the tabs are not offered at all.
        if (isAdmin(detail.role)) {
          tabs.push(
            {
              id: 'invitations',
              label: 'Invitations',
              panel: <InvitationsPanel collective={detail} />,
            },
            { id: 'audit', label: 'Audit trail', panel: <AuditPanel collective={detail} /> },
          );
        }
        const selected = searchParams.get('tab') ?? 'sellers';
        return (
          <>
            <PageHeader
              back={{ to: '/collectives', label: 'Collectives' }}
              eyebrow="Collective"
              title={detail.name}
              actions={
                <Link className="button primary" to={`/collectives/${detail.id}/campaigns`}>
                  Joint campaigns
                </Link>
              }
              description={
                <>
                  {detail.description && <p>{detail.description}</p>}
                  <p>
                    <Badge tone={detail.role === 'member' ? 'muted' : 'info'}>
                      You: {ROLE_LABELS[detail.role]}
                    </Badge>{' '}
                    <span className="small">{plural(detail.memberCount, 'member')}</span>
                  </p>
                </>
              }
            />
            <Tabs
              label={`${detail.name} sections`}
              tabs={tabs}
              selected={tabs.some((tab) => tab.id === selected) ? selected : 'sellers'}
              onSelect={(id) =>
                setSearchParams(
                  (previous) => {
                    const next = new URLSearchParams(previous);
                    if (id === 'sellers') next.delete('tab');
                    else next.set('tab', id);
                    return next;
                  },
                  { replace: true },
                )
              }
            />
          </>
        );
      }}
    </DataState>
  );
}
