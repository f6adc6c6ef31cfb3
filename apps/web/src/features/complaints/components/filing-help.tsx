import type { ComplaintDetail } from '@counterpoint/core/contracts';
import { useId, useState } from 'react';
import { Alert } from '../../../components/alert';
import { CopyButton } from '../../../components/copy-button';
import { ErrorState, LoadingState } from '../../../components/data-state';
import { TextAreaField } from '../../../components/field';
import { plural } from '../../../lib/format';
import { usePasteList } from '../api/get-paste-list';
import { useUpdateComplaint } from '../api/update-complaint';

/**
 * What to copy into IPP's complaint form: the listing URLs for the "Option 2" box (chunks of
 * 300) and the reason text, each with a one-click copy button.
 */
export function FilingHelp({ complaint }: { complaint: ComplaintDetail }) {
  const pasteList = usePasteList(complaint.id);
  const isDraft = complaint.status === 'draft';
  return (
    <section className="card stack" aria-labelledby="filing-help-title">
      <div>
        <h2 id="filing-help-title">{isDraft ? 'File it on IPP' : 'For IPP’s complaint form'}</h2>
        {isDraft && (
          <p className="muted small">
            On IPP: Submit a complaint → choose the marketplace → paste the list under “Option 2” →
            choose this design’s IPR → reason “Pirated copy” → paste the reason text. Then record it
            here as filed.
          </p>
        )}
      </div>
      {pasteList.isPending ? (
        <LoadingState label="Preparing the paste list…" />
      ) : pasteList.error ? (
        <ErrorState error={pasteList.error} onRetry={() => void pasteList.refetch()} />
      ) : (
        pasteList.data.chunks.map((chunk, index) => (
          <PasteChunk
            key={index}
            text={chunk.text}
            count={chunk.urls.length}
            label={
              pasteList.data.chunks.length > 1
                ? `Paste list ${index + 1} of ${pasteList.data.chunks.length}`
                : 'Paste list'
            }
          />
        ))
      )}
      <ReasonText complaint={complaint} />
    </section>
  );
}

function PasteChunk({ text, count, label }: { text: string; count: number; label: string }) {
  const id = useId();
  return (
    <div className="copy-box">
      <div className="copy-box-head">
        <label htmlFor={id}>
          {label} <span className="muted small">({plural(count, 'URL')}, one a line)</span>
        </label>
        <CopyButton
          text={text}
          label={`Copy ${plural(count, 'URL')}`}
          className="button small primary"
        />
      </div>
      <textarea
        id={id}
        className="copy-box-text mono"
        readOnly
        value={text}
        rows={Math.min(6, Math.max(2, count))}
        onFocus={(event) => event.currentTarget.select()}
      />
    </div>
  );
}

function ReasonText({ complaint }: { complaint: ComplaintDetail }) {
  const update = useUpdateComplaint(complaint.id);
  const [draft, setDraft] = useState<string | null>(null);
  const reason = complaint.reason ?? '';
  const id = useId();

  if (draft !== null) {
    return (
      <form
        className="stack-sm"
        onSubmit={(event) => {
          event.preventDefault();
          const text = draft.trim();
          if (!text) return;
          update.mutate({ reason: text }, { onSuccess: () => setDraft(null) });
        }}
      >
        <TextAreaField
          label="Reason text"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          rows={4}
          maxLength={2000}
          error={draft.trim() ? undefined : 'The reason text cannot be empty.'}
        />
        {update.error && <Alert>{update.error.message}</Alert>}
        <div className="button-row">
          <button type="submit" className="button small primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save reason'}
          </button>
          <button type="button" className="button small ghost" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="copy-box">
      <div className="copy-box-head">
        <label htmlFor={id}>Reason text</label>
        <span className="button-row">
          {complaint.isOwner && (
            <button type="button" className="button small ghost" onClick={() => setDraft(reason)}>
              Edit
            </button>
          )}
          {reason && <CopyButton text={reason} label="Copy reason" />}
        </span>
      </div>
      {reason ? (
        <textarea
          id={id}
          className="copy-box-text"
          readOnly
          value={reason}
          rows={3}
          onFocus={(event) => event.currentTarget.select()}
        />
      ) : (
        <p id={id} className="muted small">
          No reason text recorded.
        </p>
      )}
    </div>
  );
}
