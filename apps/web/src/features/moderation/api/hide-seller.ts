import { parseMarketplaceUrl } from '@counterpoint/core';
import {
  hiddenSellerSchema,
  publicSellerSchema,
  sellerSummarySchema,
} from '@counterpoint/core/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { moderationKeys } from './moderation-keys';

/** A seller's public page, as `/watchlist/:marketplace/:storeId` (any host, or a bare path). */
const PUBLIC_PAGE = /(?:^|\/)watchlist\/([a-z0-9]+)\/([A-Za-z0-9._:%-]+)\/?(?:[?#].*)?$/;

/**
 * The store URL behind what a moderator pasted: a seller's public watchlist page, or the
 * store's own link on the marketplace. Throws an ApiError-like message when it is neither.
 */
export async function storeUrlOf(link: string): Promise<string> {
  const text = link.trim();
  const page = PUBLIC_PAGE.exec(text);
  if (page) {
    try {
      const seller = await apiRequest(`/public/v1/sellers/${page[1]}/${page[2]}`, {
        schema: publicSellerSchema,
      });
      return seller.storeUrl;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404)
        throw new ApiError(
          404,
          'not_found',
          'This seller is not on the public watchlist. Paste its store link instead.',
        );
      throw error;
    }
  }
  const parsed = parseMarketplaceUrl(text);
  if (parsed.ok && parsed.kind === 'store') return parsed.canonicalUrl;
  throw new ApiError(
    400,
    'bad_request',
    'Paste the seller’s public watchlist page (…/watchlist/aliexpress/1102345678) or its store link on the marketplace.',
  );
}

/**
 * Hides a seller from every public output. The public contract names sellers by marketplace
 * and store id only, so the seller's id is found through its store URL first (the same
 * find-or-add the artists' "Add seller" uses).
 */
export async function hideSeller({ link, reason }: { link: string; reason: string }) {
  const url = await storeUrlOf(link);
  const seller = await apiRequest('/api/v1/sellers', {
    method: 'POST',
    body: { url },
    // Only the id is needed here.
    schema: sellerSummarySchema.pick({ id: true }),
  });
  return apiRequest(`/api/v1/moderation/hidden-sellers/${encodeURIComponent(seller.id)}`, {
    method: 'PUT',
    body: { reason },
    schema: hiddenSellerSchema,
  });
}

export function useHideSeller() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: hideSeller,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
  });
}
