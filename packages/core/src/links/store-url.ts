import type { Marketplace } from '../domain';

/**
 * The canonical URL of a store from its store id, as the parsers produce it. Lets a listing that
 * names its seller (AliExpress legacy store-product URLs, Alibaba.com minisite products) point to
 * the seller's page although no store link was pasted.
 *
 * @param marketplace - Marketplace of the store.
 * @param storeId - A `storeId` returned by `parseMarketplaceUrl`.
 * @returns The URL `parseMarketplaceUrl` gives as `canonicalUrl` for that store.
 */
export function canonicalStoreUrl(marketplace: Marketplace, storeId: string): string {
  switch (marketplace) {
    case 'aliexpress':
      return `https://www.aliexpress.com/store/${storeId}`;
    case 'alibaba':
      return `https://${storeId}.en.alibaba.com`;
    case 'taobao':
      return storeId.startsWith('user_number_id:')
        ? `https://store.taobao.com/shop/view_shop.htm?user_number_id=${storeId.slice('user_number_id:'.length)}`
        : `https://shop${storeId}.taobao.com`;
    case 'tmall':
      return storeId.endsWith('.tmall.hk') ? `https://${storeId}` : `https://${storeId}.tmall.com`;
    case '1688':
      return `https://${storeId}.1688.com`;
  }
}
