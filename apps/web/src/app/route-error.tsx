import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/**
 * A page that failed to load or render. Inside the layout it replaces the page only;
 * `standalone` (the outermost boundary) brings its own `<main>`.
 */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const isChunkError =
    error instanceof Error &&
    /dynamically imported module|Importing a module script/i.test(error.message);
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : isChunkError
      ? 'A new version of Counterpoint was published. Reload the page to get it.'
      : error instanceof Error
        ? error.message
        : 'Unknown error';
  const content = (
    <section className="route-error">
      <h1>Something went wrong</h1>
      <p role="alert">{message}</p>
      <p className="button-row">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
        {standalone ? (
          <a href="/">Back to the dashboard</a>
        ) : (
          <Link to="/">Back to the dashboard</Link>
        )}
      </p>
    </section>
  );
  return standalone ? <main id="main">{content}</main> : content;
}
