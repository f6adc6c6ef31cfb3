import { describe, expect, it } from 'vitest';
import { LINK_ERROR_CODES } from './link.types';
import type { RejectionCase } from './link-test.helpers';
import { parseMarketplaceUrl } from './marketplace-url.parser';

const ITEM = '1005006123456789';

const rejections: RejectionCase[] = [
  ['', 'empty_input'],
  ['   ', 'empty_input'],
  ['\r\n\t', 'empty_input'],
  ['""', 'empty_input'],
  ['<>', 'empty_input'],
  [' , ', 'empty_input'],

  ['hello', 'not_a_url'],
  ['not a link at all', 'not_a_url'],
  [ITEM, 'not_a_url'],
  ['https://', 'not_a_url'],
  ['http://[::1', 'not_a_url'],
  ['https://exa%mple.com/', 'not_a_url'],

  [
    `https://www.aliexpress.com/item/${ITEM}.html https://www.aliexpress.com/item/1005006123456780.html`,
    'several_urls',
  ],
  [`see https://m.tb.cn/h.abc12 and aliexpress.com/item/${ITEM}.html`, 'several_urls'],

  [`https://www.aliexpress.com/item/${ITEM}.html?x=${'a'.repeat(2100)}`, 'too_long'],
  ['a'.repeat(20_000), 'too_long'],

  ['javascript:alert(1)', 'unsupported_scheme'],
  ['JavaScript:alert(document.cookie)//https://www.aliexpress.com/', 'unsupported_scheme'],
  ['data:text/html,<script>alert(1)</script>', 'unsupported_scheme'],
  [`ftp://www.aliexpress.com/item/${ITEM}.html`, 'unsupported_scheme'],
  ['file:///etc/passwd', 'unsupported_scheme'],
  ['mailto:seller@example.com', 'unsupported_scheme'],
  [`ws://www.aliexpress.com/item/${ITEM}.html`, 'unsupported_scheme'],
  ['blob:https://www.aliexpress.com/1d6c0a8e-51b1', 'unsupported_scheme'],

  [`https://www.aliexpress.com@evil.example/item/${ITEM}.html`, 'credentials_in_url'],
  [`https://user:pass@www.aliexpress.com/item/${ITEM}.html`, 'credentials_in_url'],
  [`https://user@www.aliexpress.com/item/${ITEM}.html`, 'credentials_in_url'],
  [`www.aliexpress.com@evil.example/item/${ITEM}.html`, 'credentials_in_url'],

  [`https://192.168.0.1/item/${ITEM}.html`, 'ip_address_host'],
  [`http://[::1]/item/${ITEM}.html`, 'ip_address_host'],
  [`http://0x7f.1/item/${ITEM}.html`, 'ip_address_host'],
  [`http://2130706433/item/${ITEM}.html`, 'ip_address_host'],

  [`https://www.aliexpress.com:8080/item/${ITEM}.html`, 'non_standard_port'],
  [`http://www.aliexpress.com:443/item/${ITEM}.html`, 'non_standard_port'],
  [`www.aliexpress.com:8443/item/${ITEM}.html`, 'non_standard_port'],

  [`https://aliexpress.com.evil.example/item/${ITEM}.html`, 'lookalike_host'],
  [`https://notaliexpress.com/item/${ITEM}.html`, 'lookalike_host'],
  [`https://aliexpress-com.ru/item/${ITEM}.html`, 'lookalike_host'],
  [`https://www.aliexpress.com-item.info/item/${ITEM}.html`, 'lookalike_host'],
  [`https://aliexpresss.com/item/${ITEM}.html`, 'lookalike_host'],
  ['https://taobao.com.cn.example/item.htm?id=712345678901', 'lookalike_host'],
  ['https://tmall-shop.xyz/', 'lookalike_host'],
  ['https://alibaba.co/product-detail/Cat_1600123456789.html', 'lookalike_host'],
  ['https://my1688.net/offer/712345678901.html', 'lookalike_host'],

  ['https://www.amazon.com/dp/B07H3SRSDG', 'unsupported_site'],
  ['https://www.ebay.com/itm/123456789012', 'unsupported_site'],
  [
    'https://ae01.alicdn.com/kf/HTB12r_yabEF6uJjSZFOq6xUvVXa1/Women-T-Shirt.jpg',
    'unsupported_site',
  ],
  [
    'https://ae-pic-a1.aliexpress-media.com/kf/S6b03840c785b4b3e88dae5589fe387d7T.jpg',
    'unsupported_site',
  ],
  ['https://example.com', 'unsupported_site'],
  [`https://localhost/item/${ITEM}.html`, 'unsupported_site'],
  ['https://www.dhgate.com/product/cat-tee/123456789.html', 'unsupported_site'],

  ['https://www.aliexpress.com/', 'not_a_listing_or_store'],
  [
    'https://www.aliexpress.com/w/wholesale-cat-shirt.html?spm=a2g0o.home.search.0',
    'not_a_listing_or_store',
  ],
  ['https://www.aliexpress.com/wholesale?SearchText=cat+shirt', 'not_a_listing_or_store'],
  ['https://www.aliexpress.com/category/100003109/women-clothing.html', 'not_a_listing_or_store'],
  ['https://www.aliexpress.com/p/order/index.html', 'not_a_listing_or_store'],
  ['https://shoppingcart.aliexpress.com/shopcart/shopcartDetail.htm', 'not_a_listing_or_store'],
  ['https://login.aliexpress.com/', 'not_a_listing_or_store'],
  ['https://www.aliexpress.com/store/', 'not_a_listing_or_store'],
  ['https://www.aliexpress.com/item/', 'not_a_listing_or_store'],
  ['https://www.alibaba.com/', 'not_a_listing_or_store'],
  ['https://www.alibaba.com/trade/search?SearchText=cat+mug', 'not_a_listing_or_store'],
  ['https://www.alibaba.com/showroom/cat-mug.html', 'not_a_listing_or_store'],
  ['https://sale.alibaba.com/p/dwzk7nl8/index.html', 'not_a_listing_or_store'],
  ['https://www.taobao.com/', 'not_a_listing_or_store'],
  ['https://s.taobao.com/search?q=%E7%8C%AB', 'not_a_listing_or_store'],
  ['https://login.taobao.com/member/login.jhtml', 'not_a_listing_or_store'],
  ['https://cart.taobao.com/cart.htm', 'not_a_listing_or_store'],
  ['https://item.taobao.com/', 'not_a_listing_or_store'],
  ['https://www.tmall.com/', 'not_a_listing_or_store'],
  ['https://list.tmall.com/search_product.htm?q=cat', 'not_a_listing_or_store'],
  ['https://login.tmall.com/', 'not_a_listing_or_store'],
  ['https://detail.tmall.com/', 'not_a_listing_or_store'],
  ['https://www.1688.com/', 'not_a_listing_or_store'],
  ['https://s.1688.com/selloffer/offer_search.htm?keywords=cat', 'not_a_listing_or_store'],
  ['https://login.1688.com/member/signin.htm', 'not_a_listing_or_store'],
  ['https://detail.1688.com/', 'not_a_listing_or_store'],
  ['https://x.tb.cn/abc12', 'not_a_listing_or_store'],

  ['https://item.taobao.com/item.htm?spm=a1z10.1-c.w4004', 'missing_id'],
  ['https://item.taobao.com/item.htm?id=', 'missing_id'],
  ['https://detail.tmall.com/item.htm?spm=a220m.1000858', 'missing_id'],
  ['https://detail.m.1688.com/page/index.html', 'missing_id'],
  ['https://a.aliexpress.com/', 'missing_id'],
  ['https://s.click.aliexpress.com/e/', 'missing_id'],
  ['https://m.tb.cn/', 'missing_id'],
  ['https://catshirts.aliexpress.com/', 'missing_id'],
  ['https://m.aliexpress.com/store/v3/home.html?sellerAdminSeq=200042', 'missing_id'],
  ['https://store.taobao.com/shop/view_shop.htm', 'missing_id'],

  ['https://www.aliexpress.com/item/abc.html', 'invalid_id'],
  ['https://www.aliexpress.com/item/12345.html', 'invalid_id'],
  ['https://www.aliexpress.com/item/123456789012345678901.html', 'invalid_id'],
  ['https://www.aliexpress.com/item/01005006123456789.html', 'invalid_id'],
  ['https://www.aliexpress.com/item/1005006123456789x.html', 'invalid_id'],
  ['https://www.aliexpress.com/item/%31%30%30%35%30%30.html', 'invalid_id'],
  ['https://www.aliexpress.com/item/١٠٠٥٠٠٦١٢٣٤٥٦٧٨٩.html', 'invalid_id'],
  ['https://www.aliexpress.com/store/abc', 'invalid_id'],
  ['https://www.aliexpress.com/store/12', 'invalid_id'],
  ['https://www.aliexpress.com/store/product/Cat/abc_32812345678.html', 'invalid_id'],
  ['https://www.aliexpress.com/store/product/Cat/32812345678.html', 'invalid_id'],
  ['https://www.alibaba.com/product-detail/Cat-Mug.html', 'invalid_id'],
  ['https://item.taobao.com/item.htm?id=abc', 'invalid_id'],
  ['https://item.taobao.com/item.htm?id=7123456789012345678901', 'invalid_id'],
  ['https://item.taobao.com/item.htm?id=%E0%A4%A', 'invalid_id'],
  ['https://detail.tmall.com/item.htm?id=12ab', 'invalid_id'],
  ['https://detail.1688.com/offer/abc.html', 'invalid_id'],
  ['https://shop12.taobao.com/', 'invalid_id'],
  ['https://a.aliexpress.com/_x!y', 'invalid_id'],
  ['https://m.tb.cn/h.abc%E3%80%8C', 'invalid_id'],
];

describe('parseMarketplaceUrl: refused links', () => {
  it.each(rejections)('%s → %s', (input, code) => {
    const result = parseMarketplaceUrl(input);
    expect(result).toMatchObject({ ok: false, code, originalUrl: input });
    if (result.ok) return;
    // A person reads this: a full sentence, not a code or a stack trace.
    expect(result.message).toMatch(/^[A-Z"'a-z0-9].{20,}[.)]$/s);
  });

  it('has a case for every error code', () => {
    const covered = new Set(rejections.map(([, code]) => code));
    expect([...LINK_ERROR_CODES].filter((code) => !covered.has(code))).toEqual([]);
  });

  it('tells what to paste instead for a search page', () => {
    const result = parseMarketplaceUrl('https://www.aliexpress.com/w/wholesale-cat-shirt.html');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('search results page');
    expect(result.message).toContain('https://www.aliexpress.com/item/');
  });

  it('names the real destination of a credentials trick', () => {
    const result = parseMarketplaceUrl(`https://www.aliexpress.com@evil.example/item/${ITEM}.html`);
    expect(result.ok ? '' : result.message).toContain('evil.example');
  });

  it('keeps non-string input from throwing', () => {
    expect(parseMarketplaceUrl(undefined as unknown as string)).toMatchObject({
      ok: false,
      code: 'not_a_url',
    });
    expect(parseMarketplaceUrl(42 as unknown as string)).toMatchObject({
      ok: false,
      code: 'not_a_url',
    });
  });
});
