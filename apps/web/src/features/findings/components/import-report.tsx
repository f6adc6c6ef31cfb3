import { IMPORT_FIELD_LABELS } from '@counterpoint/core';
import type { ImportDetail } from '@counterpoint/core/contracts';
import { Alert } from '../../../components/alert';
import { DataState } from '../../../components/data-state';
import { DateText } from '../../../components/date-text';
import { Badge } from '../../../components/status-badge';
import { formatNumber, plural } from '../../../lib/format';
import { VISIBILITY_LABELS } from '../../../lib/labels';
import { useImport } from '../api/get-import';
import { useImportErrors } from '../api/get-import-errors';
import { delimiterName } from './csv-preview';

const STATUS_BADGES = {
  queued: { tone: 'muted', label: 'Waiting' },
  running: { tone: 'info', label: 'Importing' },
  completed: { tone: 'success', label: 'Done' },
  failed: { tone: 'danger', label: 'Failed' },
} as const;

/** An import: live progress while it runs, then what it did and its row errors. */
export function ImportReport({ importId }: { importId: string }) {
  const query = useImport(importId);
  return (
    <DataState
      query={query}
      loadingLabel="Loading the import…"
      errorTitle="This import could not be loaded."
    >
      {(detail) => <ImportReportBody detail={detail} />}
    </DataState>
  );
}

function ImportReportBody({ detail }: { detail: ImportDetail }) {
  const badge = STATUS_BADGES[detail.status];
  const isRunning = detail.status === 'queued' || detail.status === 'running';
  const percent =
    detail.totalRows && detail.totalRows > 0
      ? Math.min(100, Math.round((detail.processedRows / detail.totalRows) * 100))
      : null;
  return (
    <section className="card stack" aria-labelledby="import-report-title">
      <div className="card-header">
        <h3 id="import-report-title" className="subheading break">
          {detail.filename}
        </h3>
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </div>

      {isRunning && (
        <div className="stack-sm">
          <div
            className="progress"
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            aria-valuetext={
              percent === null
                ? 'Waiting to start'
                : `${formatNumber(detail.processedRows)} of ${formatNumber(detail.totalRows ?? 0)} rows`
            }
          >
            <span style={{ width: `${percent ?? 4}%` }} />
          </div>
          <p className="muted small" role="status">
            {detail.status === 'queued'
              ? 'Waiting for a worker to start… You can leave this page; the import goes on.'
              : percent === null
                ? 'Reading the file…'
                : `${formatNumber(detail.processedRows)} of ${plural(detail.totalRows ?? 0, 'row')} read (${percent} %) · ${formatNumber(detail.importedRows)} imported · ${formatNumber(detail.errorRows)} with errors`}
          </p>
        </div>
      )}

      {detail.status === 'failed' && (
        <Alert>{detail.failure ?? 'The import failed. Nothing was recorded.'}</Alert>
      )}

      {detail.status === 'completed' && (
        <>
          <div
            className={`alert ${detail.errorRows ? 'alert-info' : 'alert-success'}`}
            role="status"
          >
            Imported {plural(detail.importedRows, 'row')} of {formatNumber(detail.totalRows ?? 0)}
            {detail.errorRows > 0 &&
              `; ${plural(detail.errorRows, 'row')} could not be imported (see below)`}
            .
          </div>
          {detail.summary && (
            <dl className="stat-grid">
              <Stat label="Sightings recorded" value={detail.summary.sightingsCreated} />
              <Stat label="Sightings updated" value={detail.summary.sightingsUpdated} />
              <Stat label="New listings" value={detail.summary.listingsCreated} />
              <Stat label="New sellers" value={detail.summary.sellersCreated} />
              <Stat label="Already recorded" value={detail.summary.rowsAlreadyRecorded} />
              <Stat label="Store rows" value={detail.summary.storeRows} />
            </dl>
          )}
        </>
      )}

      <dl className="details small">
        <dt>Uploaded</dt>
        <dd>
          <DateText value={detail.createdAt} withTime />
        </dd>
        <dt>Visible to</dt>
        <dd>{VISIBILITY_LABELS[detail.visibility]}</dd>
        {detail.summary && (
          <>
            <dt>Separator</dt>
            <dd>{delimiterName(detail.summary.delimiter)}</dd>
            {detail.summary.dateOrder && (
              <>
                <dt>Dates read as</dt>
                <dd>
                  {detail.summary.dateOrder === 'day_first' ? 'day/month/year' : 'month/day/year'}
                </dd>
              </>
            )}
          </>
        )}
      </dl>

      {detail.summary && detail.summary.statusesNotImported > 0 && (
        <Alert tone="info">
          {plural(detail.summary.statusesNotImported, 'row')} had a complaint status (
          {detail.summary.statusValues
            .map((value) => `“${value.value}” × ${value.rows}`)
            .join(', ')}
          ). Statuses are not imported: record complaints on the Complaints page.
        </Alert>
      )}

      {detail.headerMapping && (
        <details>
          <summary>Columns read</summary>
          <ul className="plain-list small">
            {detail.headerMapping.columns.map((column) => (
              <li key={column.index}>
                <strong>{column.header || `Column ${column.index + 1}`}</strong>:{' '}
                {column.field
                  ? `read as the ${IMPORT_FIELD_LABELS[column.field]}`
                  : column.explanation}
              </li>
            ))}
          </ul>
        </details>
      )}

      {detail.errorRows > 0 && <RowErrors detail={detail} />}
    </section>
  );
}

function RowErrors({ detail }: { detail: ImportDetail }) {
  const hasMore = detail.errorRows > detail.errors.length;
  const all = useImportErrors(detail.id, false);
  const errors = all.data ? all.data.pages.flatMap((page) => page.errors) : detail.errors;
  return (
    <section aria-labelledby="import-errors-title">
      <h4 id="import-errors-title" className="subheading">
        Rows not imported ({formatNumber(detail.errorRows)})
      </h4>
      <p className="small">
        <a href={`/api/v1/imports/${detail.id}/rows-not-imported.csv`} download>
          Download these rows as CSV
        </a>{' '}
        — as they are in your file, with why in a last column: fix them there and import that file.
      </p>
      {detail.summary && detail.summary.errorsByCode.length > 0 && (
        <p className="badge-list">
          {detail.summary.errorsByCode.map((entry) => (
            <Badge key={entry.code} tone="danger">
              {entry.code.replaceAll('_', ' ')} × {formatNumber(entry.rows)}
            </Badge>
          ))}
        </p>
      )}
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Rows not imported, by line</caption>
          <thead>
            <tr>
              <th scope="col" className="align-end">
                Row
              </th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error) => (
              <tr key={`${error.line}-${error.code}`}>
                <td className="align-end">{error.line}</td>
                <td className="break">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {all.error && <Alert>{all.error.message}</Alert>}
      {hasMore && (!all.data || all.hasNextPage) && (
        <p>
          <button
            type="button"
            className="button small"
            disabled={all.isFetching}
            onClick={() => void (all.data ? all.fetchNextPage() : all.refetch())}
          >
            {all.isFetching ? 'Loading…' : 'Show more rows'}
          </button>
        </p>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{formatNumber(value)}</dd>
    </div>
  );
}
