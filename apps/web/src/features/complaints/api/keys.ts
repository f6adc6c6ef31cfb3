import type { ComplaintStatus, Marketplace } from '@counterpoint/core';

export interface ComplaintFilters {
  status?: ComplaintStatus;
  marketplace?: Marketplace;
  artworkId?: string;
}

/** Query keys of complaints; designs and sightings use their own roots (shared cache). */
export const complaintKeys = {
  all: ['complaints'] as const,
  lists: () => [...complaintKeys.all, 'list'] as const,
  list: (filters: ComplaintFilters) => [...complaintKeys.lists(), filters] as const,
  detail: (complaintId: string) => [...complaintKeys.all, 'detail', complaintId] as const,
  pasteList: (complaintId: string) => [...complaintKeys.all, 'paste-list', complaintId] as const,
  designs: ['artworks', 'list'] as const,
  sightings: (artworkId: string) => ['sightings', { artworkId }] as const,
};
