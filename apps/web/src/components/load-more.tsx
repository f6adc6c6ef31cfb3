import { ErrorState } from './data-state';

/** What a paged list needs from its `useInfiniteQuery` result. */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The "Load more" button under a paged list (while there is a next page), and what went
 * wrong when a next page could not be loaded. `what` names the items: "sellers".
 */
export function LoadMore({ query, what }: { query: PagedQuery; what: string }) {
  return (
    <>
      {query.hasNextPage && (
        <div>
          <button
            type="button"
            className="button"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      {query.isFetchNextPageError && (
        <ErrorState error={query.error} title={`More ${what} could not be loaded.`} />
      )}
    </>
  );
}
