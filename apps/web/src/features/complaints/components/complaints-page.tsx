import {
  COMPLAINT_STATUSES,
  MARKETPLACE_LABELS,
  MARKETPLACES,
  STATUS_LABELS,
  type ComplaintStatus,
} from '@counterpoint/core';
import type { ComplaintSummary } from '@counterpoint/core/contracts';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { DataState, EmptyState } from '../../../components/data-state';
import { Countdown, DateText } from '../../../components/date-text';
import { SelectField } from '../../../components/field';
import { PageHeader } from '../../../components/page-header';
import { ComplaintStatusBadge } from '../../../components/status-badge';
import { Table, type Column } from '../../../components/table';
import { formatNumber, plural } from '../../../lib/format';
import { useReminders } from '../../dashboard/api/get-reminders';
import { useComplaints } from '../api/get-complaints';
import { useMyDesigns } from '../api/get-my-designs';
import { BulkStatusBar } from './bulk-status-bar';
import { readComplaintFilters } from './complaint-filters';
import { designTitle } from './design-title';
import './complaints.css';

/** `/complaints`: my complaints with filters in the URL, selection for bulk updates, "Load more". */
export function ComplaintsPage() {
  const [params, setParams] = useSearchParams();
  const filters = readComplaintFilters(params);
  const complaints = useComplaints(filters);
  const designs = useMyDesigns();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);

  const rows = useMemo(
    () => complaints.data?.pages.flatMap((page) => page.complaints) ?? [],
    [complaints.data],
  );
  const selectedRows = rows.filter((row) => selected.has(row.id));
  // The open check-back reminders, by complaint: the next step of a complaint in progress.
  const reminders = useReminders();
  const checkBackOn = useMemo(() => {
    const days = new Map<string, string>();
    for (const reminder of reminders.data ?? []) {
      if (reminder.kind !== 'check_back' || !reminder.complaintId) continue;
      const known = days.get(reminder.complaintId);
      if (!known || reminder.dueOn < known) days.set(reminder.complaintId, reminder.dueOn);
    }
    return days;
  }, [reminders.data]);
  const isFiltered = Object.keys(filters).length > 0;

  const setFilter = (name: string, value: string) => {
    setSelected(new Set());
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };

  const toggle = (id: string, isOn: boolean) => {
    setNotice(null);
    setSelected((current) => {
      const next = new Set(current);
      if (isOn) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  const columns: Column<ComplaintSummary>[] = [
    {
      key: 'select',
      header: (
        <input
          type="checkbox"
          aria-label={allSelected ? 'Unselect all complaints' : 'Select all complaints shown'}
          checked={allSelected}
          onChange={(event) =>
            setSelected(event.target.checked ? new Set(rows.map((row) => row.id)) : new Set())
          }
        />
      ),
      cell: (row) => (
        <input
          type="checkbox"
          aria-label={`Select the complaint for ${designTitle(row)} filed ${row.filedOn ?? 'not yet'}`}
          checked={selected.has(row.id)}
          onChange={(event) => toggle(row.id, event.target.checked)}
        />
      ),
      className: 'cell-select',
    },
    {
      key: 'design',
      header: 'Design',
      sortValue: (row) => row.artwork?.title ?? '',
      className: 'no-label',
      cell: (row) => (
        <div className="complaint-cell">
          <Link to={`/complaints/${row.id}`} className="complaint-link">
            {designTitle(row)}
          </Link>
          <span className="muted small">
            {MARKETPLACE_LABELS[row.marketplace]}
            {row.sellerNames.length > 0 && ` · ${row.sellerNames.slice(0, 2).join(', ')}`}
            {row.sellerNames.length > 2 && ` +${row.sellerNames.length - 2}`}
          </span>
          {row.ippReference && <span className="muted small">IPP {row.ippReference}</span>}
        </div>
      ),
    },
    {
      key: 'filed',
      header: 'Filed',
      sortValue: (row) => row.filedOn ?? '',
      cell: (row) => <DateText value={row.filedOn} fallback="Draft" />,
    },
    {
      key: 'status',
      header: 'Status',
      sortValue: (row) => STATUS_LABELS[row.status],
      cell: (row) => <StatusCounts complaint={row} />,
    },
    {
      key: 'listings',
      header: 'Listings',
      align: 'end',
      hideOnPhone: true,
      sortValue: (row) => row.listingCount,
      cell: (row) => formatNumber(row.listingCount),
    },
    {
      key: 'deadline',
      header: 'Next deadline',
      // A counter-notice's answer first; otherwise the day Counterpoint reminds you to check IPP.
      sortValue: (row) => row.nextDeadline ?? checkBackOn.get(row.id) ?? null,
      cell: (row) => {
        if (row.nextDeadline) return <Countdown dueOn={row.nextDeadline} />;
        const checkOn = checkBackOn.get(row.id);
        if (checkOn)
          return (
            <span className="small">
              Check IPP <DateText value={checkOn} />
            </span>
          );
        return <span className="muted">—</span>;
      },
    },
  ];

  return (
    <section>
      <PageHeader
        title="Complaints"
        description="Every complaint you filed on IPP and what became of each listing. Check IPP's Manage complaints → History, then record what it says here, several at once if you like."
        actions={
          <Link className="button primary" to="/complaints/new">
            Record a complaint
          </Link>
        }
      />

      <form
        className="toolbar"
        role="search"
        aria-label="Filter complaints"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Status"
          value={filters.status ?? ''}
          onChange={(event) => setFilter('status', event.target.value)}
        >
          <option value="">Any status</option>
          {COMPLAINT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Marketplace"
          value={filters.marketplace ?? ''}
          onChange={(event) => setFilter('marketplace', event.target.value)}
        >
          <option value="">All marketplaces</option>
          {MARKETPLACES.map((marketplace) => (
            <option key={marketplace} value={marketplace}>
              {MARKETPLACE_LABELS[marketplace]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Design"
          value={filters.artworkId ?? ''}
          onChange={(event) => setFilter('artworkId', event.target.value)}
        >
          <option value="">All designs</option>
          {designs.data?.map((design) => (
            <option key={design.id} value={design.id}>
              {design.title}
            </option>
          ))}
        </SelectField>
        {isFiltered && (
          <button
            type="button"
            className="button ghost"
            onClick={() => setParams({}, { replace: true })}
          >
            Clear filters
          </button>
        )}
      </form>

      <DataState
        query={complaints}
        loadingLabel="Loading your complaints…"
        isEmpty={() => rows.length === 0}
        empty={
          isFiltered ? (
            <EmptyState
              title="No complaint matches these filters"
              action={
                <button
                  type="button"
                  className="button"
                  onClick={() => setParams({}, { replace: true })}
                >
                  Clear filters
                </button>
              }
            />
          ) : (
            <EmptyState
              title="No complaints yet"
              action={
                <Link className="button primary" to="/complaints/new">
                  Record your first complaint
                </Link>
              }
            >
              When you file a complaint on IPP, record it here: Counterpoint reminds you to check
              back and tracks every counter-notice deadline.
            </EmptyState>
          )
        }
      >
        {() => (
          <div className="stack">
            <Overview rows={rows} hasMore={Boolean(complaints.hasNextPage)} />
            {selectedRows.length > 0 && (
              <BulkStatusBar
                selected={selectedRows}
                onDone={(message) => {
                  setSelected(new Set());
                  setNotice(message);
                }}
                onUnselect={(ids) =>
                  setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))))
                }
              />
            )}
            {notice && selectedRows.length === 0 && <Alert tone="success">{notice}</Alert>}
            <Table
              caption="My complaints"
              columns={columns}
              rows={rows}
              rowKey={(row) => row.id}
              rowClassName={(row) => (selected.has(row.id) ? 'is-selected' : undefined)}
              stackOnPhone
            />
            {complaints.hasNextPage && (
              <p className="load-more">
                <button
                  type="button"
                  className="button"
                  disabled={complaints.isFetchingNextPage}
                  onClick={() => void complaints.fetchNextPage()}
                >
                  {complaints.isFetchingNextPage ? 'Loading…' : 'Load more'}
                </button>
              </p>
            )}
            {complaints.isFetchNextPageError && (
              <p role="alert" className="field-error">
                More complaints could not be loaded: {complaints.error?.message}
              </p>
            )}
          </div>
        )}
      </DataState>
    </section>
  );
}

/** Per-status badges of one complaint ("Listing removed × 3", "In progress × 1"). */
function StatusCounts({ complaint }: { complaint: ComplaintSummary }) {
  const entries = Object.entries(complaint.statusCounts).filter(([, count]) => count > 0) as [
    ComplaintStatus,
    number,
  ][];
  if (entries.length <= 1) return <ComplaintStatusBadge status={complaint.status} />;
  return (
    <span className="badge-list">
      {entries.map(([status, count]) => (
        <ComplaintStatusBadge key={status} status={status} count={count} />
      ))}
    </span>
  );
}

/** Counts over the complaints loaded so far, by their overall status. */
function Overview({ rows, hasMore }: { rows: ComplaintSummary[]; hasMore: boolean }) {
  const byStatus = new Map<ComplaintStatus, number>();
  for (const row of rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
  return (
    <p className="overview">
      <span className="muted">
        {hasMore ? 'First ' : ''}
        {plural(rows.length, 'complaint')}:
      </span>{' '}
      {COMPLAINT_STATUSES.filter((status) => byStatus.has(status)).map((status) => (
        <ComplaintStatusBadge key={status} status={status} count={byStatus.get(status)} />
      ))}{' '}
      {/* The list's own order is not a column: say what it is (the columns sort on a click). */}
      <span className="muted small">
        · listed by the latest recorded first; a column heading sorts
      </span>
    </p>
  );
}
