import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';

interface PageHeaderProps {
  title: ReactNode;
  /** One or two sentences under the title. */
  description?: ReactNode;
  /** Buttons or links shown at the right (below the title on phones). */
  actions?: ReactNode;
  /** A link back to the parent page, e.g. `{ to: '/designs', label: 'Designs' }`. */
  back?: { to: string; label: string };
  /** Small text above the title (a status, a marketplace). */
  eyebrow?: ReactNode;
}

const APP_NAME = 'Counterpoint';

/**
 * The top of every page: the page's only h1, its description and its main actions. A text
 * title also names the browser tab ("Complaints · Counterpoint"), so tabs and history differ.
 */
export function PageHeader({ title, description, actions, back, eyebrow }: PageHeaderProps) {
  const tabTitle = typeof title === 'string' ? `${title} · ${APP_NAME}` : null;
  useEffect(() => {
    if (tabTitle === null) return;
    document.title = tabTitle;
    return () => {
      document.title = APP_NAME;
    };
  }, [tabTitle]);
  return (
    <header className="page-header">
      {back && (
        <p className="page-back">
          <Link to={back.to}>
            <span aria-hidden="true">← </span>
            {back.label}
          </Link>
        </p>
      )}
      <div className="page-header-row">
        <div className="page-header-text">
          {eyebrow && <p className="page-eyebrow">{eyebrow}</p>}
          <h1>{title}</h1>
          {description && <div className="page-description">{description}</div>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
    </header>
  );
}
