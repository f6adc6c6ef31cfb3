/** Query keys of designs; other features read the same `['artworks']` root to share the cache. */
export const designKeys = {
  all: ['artworks'] as const,
  list: () => [...designKeys.all, 'list'] as const,
  detail: (artworkId: string) => [...designKeys.all, 'detail', artworkId] as const,
};
