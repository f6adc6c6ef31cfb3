import {
  COMPLAINT_STATUSES,
  MARKETPLACES,
  type ComplaintStatus,
  type Marketplace,
} from '@counterpoint/core';
import type { ComplaintFilters } from '../api/keys';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list filters kept in the URL (`?status=removed&marketplace=aliexpress&artworkId=…`). */
export function readComplaintFilters(params: URLSearchParams): ComplaintFilters {
  const status = params.get('status');
  const marketplace = params.get('marketplace');
  const artworkId = params.get('artworkId');
  return {
    ...(status && (COMPLAINT_STATUSES as readonly string[]).includes(status)
      ? { status: status as ComplaintStatus }
      : {}),
    ...(marketplace && (MARKETPLACES as readonly string[]).includes(marketplace)
      ? { marketplace: marketplace as Marketplace }
      : {}),
    ...(artworkId && UUID.test(artworkId) ? { artworkId } : {}),
  };
}
