import { isRouteErrorResponse, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main id="main" className="route-error">
      <h1>Something went wrong</h1>
      <p role="alert">{message}</p>
      <p>
        <a href="/">Back to the dashboard</a>
      </p>
    </main>
  );
}
