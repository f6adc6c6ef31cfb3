import { EARLIEST_EVENT_ON, parseLinkList, type Visibility } from '@counterpoint/core';
import {
  findingsBodySchema,
  MAX_PASTE_LINES,
  type FindingsResponse,
} from '@counterpoint/core/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Field, TextAreaField } from '../../../components/field';
import { VisibilityChoice } from '../../../components/visibility-choice';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { formatNumber, todayIso } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSaveFindings } from '../api/save-findings';
import { DesignSelect } from './design-select';
import { FindingsResults } from './findings-results';
import { LinkPreview } from './link-preview';

const EXAMPLE = `https://www.aliexpress.com/item/1005006123456789.html
https://example-store.aliexpress.com/store/912345
https://item.taobao.com/item.htm?id=680123456789`;

function countLines(text: string): number {
  if (!text) return 0;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    lines += 1;
  return lines;
}

/**
 * Paste listing and store URLs, see at once how each line is read (parsed in the browser
 * with the same code as the API), say which design they copy, and save them.
 */
export function PasteFindings({ initialArtworkId }: { initialArtworkId: string }) {
  const [text, setText] = useState('');
  const [artworkId, setArtworkId] = useState(initialArtworkId);
  const [visibility, setVisibility] = useState<Visibility>('collective');
  const { errors, setErrors, clearOnEdit } = useFormErrors();
  const [saved, setSaved] = useState<{ response: FindingsResponse; text: string } | null>(null);
  const save = useSaveFindings();
  const hintId = useId();

  const debouncedText = useDebouncedValue(text, 200);
  const lineCount = useMemo(() => countLines(debouncedText), [debouncedText]);
  const isTooLong = lineCount > MAX_PASTE_LINES;
  const preview = useMemo(
    () => (isTooLong || !debouncedText.trim() ? null : parseLinkList(debouncedText)),
    [debouncedText, isTooLong],
  );

  // Short links are not saved (their listing is unknown until opened).
  const saveable = preview ? preview.summary.unique - (preview.summary.byKind.short ?? 0) : 0;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = findingsBodySchema.safeParse({
      text,
      ...(artworkId ? { artworkId } : {}),
      foundOn: formText(form, 'foundOn') || undefined,
      note: formText(form, 'note'),
      visibility,
    });
    if (!parsed.success) {
      const next = fieldErrors(parsed.error);
      if (next.text) next.text = 'Paste at least one listing or store URL.';
      return setErrors(next);
    }
    if (countLines(text) > MAX_PASTE_LINES)
      return setErrors({
        text: `Up to ${formatNumber(MAX_PASTE_LINES)} lines can be saved at once; use CSV import for longer lists.`,
      });
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: (response) => setSaved({ response, text }),
    });
  };

  if (saved) {
    return (
      <FindingsResults
        response={saved.response}
        text={saved.text}
        artworkId={artworkId}
        onAddMore={() => {
          setSaved(null);
          setText('');
          save.reset();
        }}
      />
    );
  }

  return (
    <form onChange={clearOnEdit} className="stack" onSubmit={submit} noValidate>
      <TextAreaField
        label="Listing and store URLs, one a line"
        name="text"
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={8}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder={EXAMPLE}
        error={errors.text}
        hint={
          <span id={hintId}>
            AliExpress, Alibaba.com, Taobao, Tmall and 1688 links, copied from the address bar or a
            spreadsheet column. Each line is checked as you paste.
          </span>
        }
      />
      {isTooLong && (
        <Alert>
          This paste has {formatNumber(lineCount)} lines; up to {formatNumber(MAX_PASTE_LINES)} can
          be checked at once. Use CSV import for longer lists.
        </Alert>
      )}
      {preview && <LinkPreview result={preview} />}

      <div className="form-grid">
        <DesignSelect value={artworkId} onChange={setArtworkId} error={errors.artworkId} />
        <Field
          label="Found on"
          name="foundOn"
          type="date"
          defaultValue={todayIso()}
          min={EARLIEST_EVENT_ON}
          max={todayIso()}
          error={errors.foundOn}
          hint="The day you saw these listings."
        />
      </div>
      <TextAreaField
        label="Note (optional)"
        name="note"
        rows={2}
        maxLength={2000}
        error={errors.note}
        hint="Kept with each finding, e.g. where you found them."
      />
      <VisibilityChoice value={visibility} onChange={setVisibility} />
      {save.error && <Alert>{save.error.message}</Alert>}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={save.isPending || isTooLong}>
          {save.isPending
            ? 'Saving…'
            : saveable > 0
              ? `Save ${saveable === 1 ? '1 link' : `${formatNumber(saveable)} links`}`
              : 'Save findings'}
        </button>
        {!artworkId && (
          <span className="muted small">
            Without a design, sellers and listings are saved but not recorded as copying your work.
          </span>
        )}
      </div>
      <p className="muted small">
        Have a spreadsheet? <Link to="/findings?tab=import">Import a CSV file</Link> instead.
      </p>
    </form>
  );
}
