import { DateText } from '../../../components/date-text';
import { Badge } from '../../../components/status-badge';
import { formatNumber, plural } from '../../../lib/format';
import { useImports } from '../api/get-imports';

const TONES = { queued: 'muted', running: 'info', completed: 'success', failed: 'danger' } as const;
const LABELS = {
  queued: 'Waiting',
  running: 'Importing',
  completed: 'Done',
  failed: 'Failed',
} as const;

/** My latest imports; choosing one shows its report. */
export function RecentImports({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (importId: string) => void;
}) {
  const imports = useImports();
  if (imports.isPending || imports.error || !imports.data?.length) {
    // Secondary information: loading and errors stay quiet, the upload form is what matters.
    return imports.error ? (
      <p className="muted small">Earlier imports could not be loaded: {imports.error.message}</p>
    ) : null;
  }
  return (
    <section aria-labelledby="recent-imports-title">
      <h3 id="recent-imports-title" className="subheading">
        Earlier imports
      </h3>
      <ul className="plain-list recent-imports">
        {imports.data.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="link-button break"
              aria-current={item.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(item.id)}
            >
              {item.filename}
            </button>{' '}
            <Badge tone={TONES[item.status]}>{LABELS[item.status]}</Badge>{' '}
            <span className="muted small">
              <DateText value={item.createdAt} /> · {formatNumber(item.importedRows)} imported
              {item.errorRows > 0 && `, ${plural(item.errorRows, 'row')} not imported`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
