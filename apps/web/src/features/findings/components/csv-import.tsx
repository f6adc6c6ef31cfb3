import { IMPORT_FIELD_LABELS, type Visibility } from '@counterpoint/core';
import { useId, useState, type ChangeEvent } from 'react';
import { Alert } from '../../../components/alert';
import { LoadingState } from '../../../components/data-state';
import { Badge } from '../../../components/status-badge';
import { VisibilityChoice } from '../../../components/visibility-choice';
import { formatBytes } from '../../../lib/format';
import { useCreateImport } from '../api/create-import';
import { delimiterName, previewCsvFile, type CsvPreview } from './csv-preview';
import { DesignSelect } from './design-select';

/**
 * Choose a CSV file, see its first rows and which column is read as what (in the browser),
 * then upload it; the import runs in the background and `onStarted` follows it.
 */
export function CsvImport({
  initialArtworkId,
  onStarted,
}: {
  initialArtworkId: string;
  onStarted: (importId: string) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [isReading, setReading] = useState(false);
  const [artworkId, setArtworkId] = useState(initialArtworkId);
  const [visibility, setVisibility] = useState<Visibility>('collective');
  const upload = useCreateImport();
  const inputId = useId();
  // A new key empties the file input once an upload started, so it cannot be sent twice.
  const [inputKey, setInputKey] = useState(0);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setPreview(null);
    upload.reset();
    if (!chosen) return;
    setReading(true);
    try {
      setPreview(await previewCsvFile(chosen));
    } catch (error) {
      setPreview({ ok: false, message: `The file could not be read: ${(error as Error).message}` });
    } finally {
      setReading(false);
    }
  };

  const canUpload = file && preview?.ok && !preview.problem;
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={inputId}>CSV file</label>
        <input
          key={inputKey}
          id={inputId}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          onChange={(event) => void choose(event)}
          aria-describedby={`${inputId}-hint`}
        />
        <p id={`${inputId}-hint`} className="field-hint">
          UTF-8 CSV, up to 50 MB, separated by commas, semicolons or tabs. Only a column of links is
          required; design, date found, note, store and marketplace columns are read when their
          header says so. From Excel or Numbers, export as “CSV UTF-8”.
        </p>
      </div>

      {isReading && <LoadingState label="Reading the file…" />}
      {preview && !preview.ok && <Alert>{preview.message}</Alert>}
      {file && preview?.ok && <ColumnPreview file={file} preview={preview} />}

      {file && preview?.ok && (
        <>
          <div className="form-grid">
            <DesignSelect
              value={artworkId}
              onChange={setArtworkId}
              label="Design of rows without one"
              noneLabel="None: only rows naming a design record sightings"
              hint="Rows whose design cell is empty are recorded as copying this design."
            />
          </div>
          <VisibilityChoice
            value={visibility}
            onChange={setVisibility}
            legend="Who can see the imported findings"
          />
          {upload.error && <Alert>{upload.error.message}</Alert>}
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              disabled={!canUpload || upload.isPending}
              onClick={() =>
                file &&
                upload.mutate(
                  { file, visibility, ...(artworkId ? { artworkId } : {}) },
                  {
                    onSuccess: (created) => {
                      setFile(null);
                      setPreview(null);
                      setInputKey((key) => key + 1);
                      onStarted(created.id);
                    },
                  },
                )
              }
            >
              {upload.isPending ? 'Uploading…' : `Import “${file.name}”`}
            </button>
            <span className="muted small">{formatBytes(file.size)}</span>
          </div>
        </>
      )}
    </div>
  );
}

function ColumnPreview({
  file,
  preview,
}: {
  file: File;
  preview: Extract<CsvPreview, { ok: true }>;
}) {
  const { mapping, rows } = preview;
  return (
    <section className="card" aria-labelledby="csv-preview-title">
      <h3 id="csv-preview-title" className="subheading">
        How “{file.name}” will be read
      </h3>
      <p className="muted small">
        Separated by {delimiterName(preview.delimiter)}
        {mapping.hasHeaderRow
          ? ', with a header row.'
          : ', without a header row (the first row is data).'}{' '}
        The first {rows.length} rows are shown.
      </p>
      {preview.problem && <Alert>{preview.problem}</Alert>}
      <div className="table-scroll">
        <table className="table csv-preview-table">
          <caption className="visually-hidden">
            Columns of the file and what each is read as
          </caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Read as</th>
              <th scope="col">First values</th>
            </tr>
          </thead>
          <tbody>
            {mapping.columns.map((column) => (
              <tr key={column.index}>
                <th scope="row">{column.header || `Column ${column.index + 1}`}</th>
                <td>
                  {column.field ? (
                    <Badge tone="success">{IMPORT_FIELD_LABELS[column.field]}</Badge>
                  ) : (
                    <Badge tone="muted">Not read</Badge>
                  )}
                  <div className="small muted">{column.explanation}</div>
                </td>
                <td className="csv-sample">
                  {rows.slice(0, 3).map((row, index) => (
                    <div key={index} className="mono break small">
                      {row[column.index] || <span className="muted">(empty)</span>}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
