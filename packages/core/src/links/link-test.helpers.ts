/**
 * Expectation builders shared by the link parser tests. Each returns the exact fields a parse
 * result must have, so that a table row reads as "this input → that listing".
 */
import type { Marketplace } from '../domain';
import type { LinkErrorCode, LinkKind } from './link.types';

export interface ExpectedLink {
  marketplace: Marketplace;
  kind: LinkKind;
  id: string;
  canonicalUrl: string;
  storeId?: string;
}

export type LinkCase = readonly [input: string, expected: ExpectedLink];
export type RejectionCase = readonly [input: string, code: LinkErrorCode];

export function aliExpressItem(id: string, storeId?: string): ExpectedLink {
  return withStore(
    {
      marketplace: 'aliexpress',
      kind: 'listing',
      id,
      canonicalUrl: `https://www.aliexpress.com/item/${id}.html`,
    },
    storeId,
  );
}

export function aliExpressStore(id: string): ExpectedLink {
  return {
    marketplace: 'aliexpress',
    kind: 'store',
    id,
    canonicalUrl: `https://www.aliexpress.com/store/${id}`,
    storeId: id,
  };
}

export function alibabaProduct(id: string, storeId?: string): ExpectedLink {
  return withStore(
    {
      marketplace: 'alibaba',
      kind: 'listing',
      id,
      canonicalUrl: `https://www.alibaba.com/product-detail/_${id}.html`,
    },
    storeId,
  );
}

export function alibabaSupplier(company: string): ExpectedLink {
  return {
    marketplace: 'alibaba',
    kind: 'store',
    id: company,
    canonicalUrl: `https://${company}.en.alibaba.com`,
    storeId: company,
  };
}

export function taobaoItem(id: string): ExpectedLink {
  return {
    marketplace: 'taobao',
    kind: 'listing',
    id,
    canonicalUrl: `https://item.taobao.com/item.htm?id=${id}`,
  };
}

export function taobaoShop(id: string): ExpectedLink {
  return {
    marketplace: 'taobao',
    kind: 'store',
    id,
    canonicalUrl: `https://shop${id}.taobao.com`,
    storeId: id,
  };
}

export function tmallItem(id: string): ExpectedLink {
  return {
    marketplace: 'tmall',
    kind: 'listing',
    id,
    canonicalUrl: `https://detail.tmall.com/item.htm?id=${id}`,
  };
}

export function tmallShop(name: string): ExpectedLink {
  return {
    marketplace: 'tmall',
    kind: 'store',
    id: name,
    canonicalUrl: `https://${name}.tmall.com`,
    storeId: name,
  };
}

export function tmallGlobalShop(name: string): ExpectedLink {
  const id = `${name}.tmall.hk`;
  return { marketplace: 'tmall', kind: 'store', id, canonicalUrl: `https://${id}`, storeId: id };
}

export function offer1688(id: string): ExpectedLink {
  return {
    marketplace: '1688',
    kind: 'listing',
    id,
    canonicalUrl: `https://detail.1688.com/offer/${id}.html`,
  };
}

export function shop1688(label: string): ExpectedLink {
  return {
    marketplace: '1688',
    kind: 'store',
    id: label,
    canonicalUrl: `https://${label}.1688.com`,
    storeId: label,
  };
}

export function shortLink(
  marketplace: Marketplace,
  id: string,
  canonicalUrl: string,
): ExpectedLink {
  return { marketplace, kind: 'short', id, canonicalUrl };
}

function withStore(expected: ExpectedLink, storeId: string | undefined): ExpectedLink {
  return storeId === undefined ? expected : { ...expected, storeId };
}
