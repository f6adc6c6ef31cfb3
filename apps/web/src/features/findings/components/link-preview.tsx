import { MARKETPLACE_LABELS, type LinkListResult } from '@counterpoint/core';
import { useState } from 'react';
import { Badge } from '../../../components/status-badge';
import { formatNumber, plural } from '../../../lib/format';
import { lineVerdict, type LineVerdict } from './line-verdict';

/** Lines rendered at most in the line-by-line list; the summary counts them all. */
const MAX_ROWS = 500;

const VERDICT_BADGES: Record<
  LineVerdict,
  { tone: 'success' | 'warning' | 'muted' | 'danger'; label: string }
> = {
  understood: { tone: 'success', label: 'Understood' },
  short: { tone: 'warning', label: 'Short link' },
  duplicate: { tone: 'muted', label: 'Duplicate' },
  rejected: { tone: 'danger', label: 'Rejected' },
};

/**
 * The live preview of pasted links: a summary, the distinct links grouped by marketplace and
 * seller, and each line marked understood / short link / duplicate / rejected with the reason.
 */
export function LinkPreview({ result }: { result: LinkListResult }) {
  const { summary } = result;
  const [onlyProblems, setOnlyProblems] = useState(false);
  const verdicts = result.entries.map((entry) => ({ entry, ...lineVerdict(entry) }));
  const shortCount = verdicts.filter(
    (row) => row.verdict === 'short' && !row.entry.duplicateOf,
  ).length;
  const understood = summary.unique - shortCount;
  const rows = onlyProblems ? verdicts.filter((row) => row.verdict !== 'understood') : verdicts;

  if (summary.links === 0) return null;
  return (
    <section className="link-preview" aria-labelledby="link-preview-title">
      <h2 id="link-preview-title" className="subheading">
        Preview
      </h2>
      <p role="status" className="preview-summary">
        <Badge tone="success">{plural(understood, 'link')} understood</Badge>
        {shortCount > 0 && <Badge tone="warning">{plural(shortCount, 'short link')}</Badge>}
        {summary.duplicates > 0 && (
          <Badge tone="muted">{plural(summary.duplicates, 'duplicate')}</Badge>
        )}
        {summary.rejected > 0 && (
          <Badge tone="danger">{formatNumber(summary.rejected)} rejected</Badge>
        )}
      </p>

      {result.groups.length > 0 && (
        <div className="preview-groups">
          {result.groups.map((group) => (
            <section key={group.marketplace} className="preview-group">
              <h3>{MARKETPLACE_LABELS[group.marketplace]}</h3>
              <ul>
                {group.sellers.map((seller) => (
                  <li key={seller.storeId ?? 'unknown'}>
                    <span className="preview-seller">
                      {seller.storeId ? `Store ${seller.storeId}` : 'Seller not named in the links'}
                    </span>{' '}
                    <span className="muted small">
                      {plural(seller.listings.length, 'listing')}
                      {seller.storeLine !== null && ' · store link pasted'}
                    </span>
                  </li>
                ))}
                {group.shortLinks.length > 0 && (
                  <li>
                    <span className="preview-seller">Short links</span>{' '}
                    <span className="muted small">
                      {plural(group.shortLinks.length, 'link')}, not saved until opened
                    </span>
                  </li>
                )}
              </ul>
            </section>
          ))}
        </div>
      )}

      <div className="preview-lines-head">
        <h3>Line by line</h3>
        <label className="choice">
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(event) => setOnlyProblems(event.target.checked)}
          />
          <span>Only lines needing attention</span>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="muted small">Every line was understood.</p>
      ) : (
        <ol className="preview-lines" aria-label="Pasted lines">
          {rows.slice(0, MAX_ROWS).map(({ entry, verdict, detail }) => (
            <li key={`${entry.line}-${entry.part ?? 0}`} className={`preview-line is-${verdict}`}>
              <span className="preview-line-number">Line {entry.line}</span>
              <Badge tone={VERDICT_BADGES[verdict].tone}>{VERDICT_BADGES[verdict].label}</Badge>
              <span className="preview-line-input mono break">{entry.input}</span>
              <span className="preview-line-detail small">{detail}</span>
            </li>
          ))}
        </ol>
      )}
      {rows.length > MAX_ROWS && (
        <p className="muted small">
          The first {formatNumber(MAX_ROWS)} of {formatNumber(rows.length)} lines are listed; all of
          them are counted above and saved.
        </p>
      )}
    </section>
  );
}
