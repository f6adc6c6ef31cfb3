/** Query keys of findings and imports (designs share the `['artworks']` root with their feature). */
export const findingKeys = {
  designs: ['artworks', 'list'] as const,
  imports: ['imports'] as const,
  importList: () => [...findingKeys.imports, 'list'] as const,
  import: (importId: string) => [...findingKeys.imports, 'detail', importId] as const,
  importErrors: (importId: string) => [...findingKeys.imports, 'errors', importId] as const,
};
