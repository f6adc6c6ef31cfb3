import type { ReactNode } from 'react';

/** A spinner with a sentence, announced politely to screen readers. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Nothing to show yet: say why, and what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children && <div className="muted">{children}</div>}
      {action && <div className="state-action">{action}</div>}
    </div>
  );
}

/** A failed load, with the API's message and a retry button. */
export function ErrorState({
  error,
  onRetry,
  title = 'This could not be loaded.',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const message = error instanceof Error ? error.message : 'Unknown error.';
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The parts of a react-query result that DataState reads. */
interface QueryLike<Data> {
  data: Data | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

interface DataStateProps<Data> {
  query: QueryLike<Data>;
  /** True when the loaded data has nothing to show. */
  isEmpty?: (data: Data) => boolean;
  /** Shown when `isEmpty` says so. */
  empty?: ReactNode;
  loadingLabel?: string;
  errorTitle?: string;
  children: (data: Data) => ReactNode;
}

/**
 * Renders a query's loading, error (with retry), empty and loaded states, so every page
 * handles all four the same way.
 */
export function DataState<Data>({
  query,
  isEmpty,
  empty,
  loadingLabel,
  errorTitle,
  children,
}: DataStateProps<Data>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.error || query.data === undefined)
    return (
      <ErrorState error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />
    );
  if (isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
