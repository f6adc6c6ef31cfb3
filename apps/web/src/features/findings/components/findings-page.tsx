import { useRef, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { CsvImport } from './csv-import';
import { ImportReport } from './import-report';
import { PasteFindings } from './paste-findings';
import { RecentImports } from './recent-imports';
import './findings.css';

const TABS = [
  { id: 'paste', label: 'Paste links' },
  { id: 'import', label: 'Import a CSV file' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const EXPORTS = [
  {
    href: '/api/v1/exports/listings.csv',
    label: 'Listings',
    hint: 'every listing you sighted or complained about',
  },
  {
    href: '/api/v1/exports/sightings.csv',
    label: 'Sightings',
    hint: 'your findings; re-importable here',
  },
  {
    href: '/api/v1/exports/complaints.csv',
    label: 'Complaints',
    hint: 'one row per listing and status',
  },
];

/** `/findings`: record infringing listings by pasting links or importing a spreadsheet. */
export function FindingsPage() {
  const [params, setParams] = useSearchParams();
  const tab: TabId = params.get('tab') === 'import' ? 'import' : 'paste';
  const artworkId = params.get('artworkId') ?? '';
  const importId = params.get('import');
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const select = (next: TabId, focus = false) => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'paste') updated.delete('tab');
        else updated.set('tab', next);
        return updated;
      },
      { replace: true },
    );
    if (focus) tabRefs.current[next]?.focus();
  };
  const showImport = (id: string) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('tab', 'import');
      updated.set('import', id);
      return updated;
    });

  // Arrow keys move between tabs, as in every tab list.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    select(tab === 'paste' ? 'import' : 'paste', true);
  };

  return (
    <section>
      <PageHeader
        title="Add findings"
        description="Record the listings and sellers that copy your designs: paste their links, or import the spreadsheet you already keep."
      />
      <div className="tabs" role="tablist" aria-label="How to add findings">
        {TABS.map((item) => (
          <button
            key={item.id}
            ref={(element) => {
              tabRefs.current[item.id] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            className="tab"
            onClick={() => select(item.id)}
            onKeyDown={onTabKey}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div
        className="card tab-panel"
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
      >
        {tab === 'paste' ? (
          <PasteFindings initialArtworkId={artworkId} />
        ) : (
          <div className="stack">
            <CsvImport initialArtworkId={artworkId} onStarted={showImport} />
            {importId && <ImportReport key={importId} importId={importId} />}
            <RecentImports selectedId={importId} onSelect={showImport} />
          </div>
        )}
      </div>

      <section className="card exports" aria-labelledby="exports-title">
        <h2 id="exports-title">Export your records</h2>
        <p className="muted small">CSV files (UTF-8) to open in any spreadsheet.</p>
        <ul className="plain-list">
          {EXPORTS.map((item) => (
            <li key={item.href}>
              <a href={item.href} download>
                {item.label} (CSV)
              </a>{' '}
              <span className="muted small">— {item.hint}</span>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
