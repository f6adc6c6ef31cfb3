import type { CampaignCoverage, CampaignDetail, IppSetupStep } from '@counterpoint/core/contracts';
import { MARKETPLACE_LABELS } from '@counterpoint/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { DataState } from '../../../components/data-state';
import { SelectField } from '../../../components/field';
import { Badge, IprStatusBadge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import { formatNumber, plural } from '../../../lib/format';
import { useCoverage } from '../api/get-coverage';
import { COVERAGE_STATE, COVERAGE_STATES } from './campaign-labels';
import { CoverageMatrix } from './coverage-matrix';
import styles from './campaigns.module.css';

type Member = CampaignCoverage['members'][number];

/** The Coverage tab: the matrix per store, who can file now, and the IPP set-up still to do. */
export function CoveragePanel({ campaign }: { campaign: CampaignDetail }) {
  const coverage = useCoverage(campaign.collectiveId, campaign.id);
  const [storeId, setStoreId] = useState<string | null>(null);
  return (
    <DataState
      query={coverage}
      loadingLabel="Loading the coverage matrix…"
      errorTitle="The coverage matrix could not be loaded."
    >
      {(data) => {
        const store = data.sellers.find((entry) => entry.seller.id === storeId) ?? data.sellers[0];
        return (
          <div className="stack">
            <p className="small muted">
              From sightings shared with the collective: private sightings stay private and are not
              used. Only approved IPRs give tasks.
            </p>
            {data.sellers.length > 1 && (
              <div className="toolbar">
                <SelectField
                  label="Store"
                  value={store?.seller.id ?? ''}
                  onChange={(event) => setStoreId(event.target.value)}
                >
                  {data.sellers.map((entry) => (
                    <option key={entry.seller.id} value={entry.seller.id}>
                      {entry.seller.name ?? entry.seller.storeId} (
                      {MARKETPLACE_LABELS[entry.seller.marketplace]})
                    </option>
                  ))}
                </SelectField>
              </div>
            )}
            {store && (
              <section className="card stack-sm" aria-labelledby="matrix-title">
                <h2 id="matrix-title">Listings of {store.seller.name ?? store.seller.storeId}</h2>
                <ul className={styles.stateCounts} aria-label="Listings by state">
                  {COVERAGE_STATES.map((state) => (
                    <li key={state} title={COVERAGE_STATE[state].explanation}>
                      <Badge tone={COVERAGE_STATE[state].tone}>
                        {COVERAGE_STATE[state].label}: {formatNumber(store.counts[state] ?? 0)}
                      </Badge>
                    </li>
                  ))}
                </ul>
                {(store.counts.unclaimed ?? 0) > 0 && (
                  <p className="alert alert-info small">
                    {plural(store.counts.unclaimed ?? 0, 'listing is', 'listings are')} unclaimed:
                    no member has recorded {store.counts.unclaimed === 1 ? 'it' : 'them'} as a copy
                    yet. If one copies your work, record it under{' '}
                    <Link to="/findings">Add findings</Link>, shared with the collective.
                  </p>
                )}
                <CoverageMatrix key={store.seller.id} store={store} members={data.members} />
              </section>
            )}
            <MembersSection members={data.members} />
            <SetupSection coverage={data} />
          </div>
        );
      }}
    </DataState>
  );
}

function MembersSection({ members }: { members: Member[] }) {
  const columns: Column<Member>[] = [
    {
      key: 'member',
      header: 'Member',
      sortValue: (member) => member.displayName,
      cell: (member) => (
        <span className={styles.cellStack}>
          <strong>{member.isYou ? 'You' : member.displayName}</strong>
          {member.isParticipant ? (
            <span className="small muted">Taking part</span>
          ) : (
            <span className="small muted">Not opted in</span>
          )}
        </span>
      ),
    },
    {
      key: 'now',
      header: 'Can file now',
      align: 'end',
      sortValue: (member) => member.canFileNow,
      cell: (member) => formatNumber(member.canFileNow),
    },
    {
      key: 'setup',
      header: 'Waiting for IPP set-up',
      align: 'end',
      sortValue: (member) => member.awaitingSetup,
      cell: (member) =>
        member.awaitingSetup > 0 ? (
          <strong>{formatNumber(member.awaitingSetup)}</strong>
        ) : (
          <span className="muted">0</span>
        ),
    },
    {
      key: 'artworks',
      header: 'Designs copied',
      cell: (member) => (
        <ul className={styles.copyList}>
          {member.artworks.map((artwork) => (
            <li key={artwork.artworkId}>
              <span className="break">{artwork.artworkTitle}</span>{' '}
              <IprStatusBadge status={artwork.iprStatus} />{' '}
              <span className="small muted">· {plural(artwork.listingCount, 'listing')}</span>
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <section className="card stack-sm" aria-labelledby="members-title">
      <h2 id="members-title">Who can file</h2>
      {members.length === 0 ? (
        <p className="muted">No member has recorded a listing of the target as a copy yet.</p>
      ) : (
        <Table
          stackOnPhone
          caption="Listings each member can file now, and those waiting for their IPP set-up"
          columns={columns}
          rows={members}
          rowKey={(member) => member.artistId}
          initialSort={{ key: 'now', direction: 'descending' }}
        />
      )}
    </section>
  );
}

const STEP_MARKS: Record<IppSetupStep['state'], { mark: string; text: string }> = {
  done: { mark: '✓', text: 'done' },
  to_do: { mark: '', text: 'to do' },
  waiting: { mark: '…', text: 'waiting' },
  failed: { mark: '✕', text: 'failed' },
  note: { mark: 'i', text: 'note' },
};

function SetupChecklist({ steps }: { steps: IppSetupStep[] }) {
  return (
    <ol className={styles.checklist}>
      {steps.map((step) => (
        <li key={step.key} data-state={step.state}>
          <span className={styles.checkMark} aria-hidden="true">
            {STEP_MARKS[step.state].mark}
          </span>
          <div>
            <p className={styles.checkTitle}>
              {step.title}
              <span className="visually-hidden"> ({STEP_MARKS[step.state].text})</span>
            </p>
            <p className="small muted">{step.detail}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** My IPP checklists per design, what other members still wait for, and the set-up itself. */
function SetupSection({ coverage }: { coverage: CampaignCoverage }) {
  const titleId = useId();
  const me = coverage.members.find((member) => member.isYou);
  const mine = me?.artworks.filter((artwork) => artwork.iprStatus !== 'approved') ?? [];
  const others = coverage.members.filter((member) => !member.isYou && member.awaitingSetup > 0);
  return (
    <section className="card stack-sm" aria-labelledby={titleId}>
      <h2 id={titleId}>IPP set-up to finish</h2>
      {mine.length > 0 ? (
        <>
          <p>
            {plural(me?.awaitingSetup ?? 0, 'listing waits', 'listings wait')} for your IPP set-up.
            Once IPP approves a design, record it on the design: the plan picks it up by itself.
          </p>
          {mine.map((artwork) => (
            <details key={artwork.artworkId} className={styles.setupItem}>
              <summary>
                {artwork.artworkTitle} <IprStatusBadge status={artwork.iprStatus} />{' '}
                <span className="small muted">· {plural(artwork.listingCount, 'listing')}</span>
              </summary>
              <SetupChecklist steps={artwork.setupSteps} />
              <p className="small">
                <Link to={`/designs/${artwork.artworkId}#ipp-setup`}>
                  Record the IPR status of {artwork.artworkTitle}
                </Link>
              </p>
            </details>
          ))}
        </>
      ) : (
        <p className="muted">
          {me
            ? 'Your designs that the target copies all have an approved IPR.'
            : 'None of your designs is recorded as copied by the target.'}
        </p>
      )}
      {others.length > 0 && (
        <>
          <h3 className={styles.subheading}>Other members</h3>
          <ul className={styles.helpList}>
            {others.map((member) => (
              <li key={member.artistId}>
                <strong>{member.displayName}</strong>:{' '}
                {plural(member.awaitingSetup, 'listing waits', 'listings wait')} —{' '}
                {member.artworks
                  .filter((artwork) => artwork.iprStatus !== 'approved')
                  .map((artwork) => artwork.artworkTitle)
                  .join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <details className={styles.setupItem}>
        <summary>The one-time IPP set-up, step by step</summary>
        <ol className={styles.plainSteps}>
          {coverage.ippSetup.map((step) => (
            <li key={step.key}>
              <strong>{step.title}</strong>
              <p className="small muted">{step.detail}</p>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
