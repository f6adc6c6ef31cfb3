/**
 * Real-looking links of every accepted form, each with the exact result it must parse to. Shared
 * by the table tests and the property tests (which mutate these links).
 */
import {
  aliExpressItem,
  aliExpressStore,
  alibabaProduct,
  alibabaSupplier,
  offer1688,
  shop1688,
  shortLink,
  taobaoItem,
  taobaoShop,
  tmallGlobalShop,
  tmallItem,
  tmallShop,
  type LinkCase,
} from './link-test.helpers';

const ITEM_ID = '1005006123456789';
const REGIONS = [
  'es',
  'fr',
  'de',
  'ru',
  'pt',
  'it',
  'nl',
  'ja',
  'ko',
  'ar',
  'th',
  'vi',
  'he',
  'pl',
  'tr',
  'id',
];

const aliExpressListings: LinkCase[] = [
  [`https://www.aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`http://www.aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`https://aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [
    `https://www.aliexpress.com/item/${ITEM_ID}.html?spm=a2g0o.productlist.main.1.4b04HoNAHoNAIF&algo_pvid=809e9b1f-24a1&algo_exp_id=809e9b1f-0&pdp_ext_f=%7B%22order%22%3A%22621%22%7D&pdp_npi=4%40dis%21USD%2132.39&sku_id=12000035298772732`,
    aliExpressItem(ITEM_ID),
  ],
  [
    `https://www.aliexpress.com/item/${ITEM_ID}.html?aff_fcid=75d3a769&tt=CPS_NORMAL&aff_fsk=_DmoBDV3&aff_platform=shareComponent-detail&sk=_DmoBDV3&aff_trace_key=75d3a769-_DmoBDV3&terminal_id=e89b&afSmartRedirect=y`,
    aliExpressItem(ITEM_ID),
  ],
  [
    `https://www.aliexpress.com/item/${ITEM_ID}.html?srcSns=sns_WhatsApp&spreadType=socialShare&bizType=ProductDetail&social_params=6000&scm=1007.40050&utparam-url=scene%3A`,
    aliExpressItem(ITEM_ID),
  ],
  [`https://www.aliexpress.com/item/${ITEM_ID}.html#nav-review`, aliExpressItem(ITEM_ID)],
  [`https://www.aliexpress.com/item/${ITEM_ID}`, aliExpressItem(ITEM_ID)],
  [`https://www.aliexpress.com/item/${ITEM_ID}.htm`, aliExpressItem(ITEM_ID)],
  [`https://www.aliexpress.com/item/${ITEM_ID}/`, aliExpressItem(ITEM_ID)],
  [`https://WWW.ALIEXPRESS.COM/ITEM/${ITEM_ID}.HTML`, aliExpressItem(ITEM_ID)],
  [`https://www.aliexpress.com./item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  ...REGIONS.map((region): LinkCase => [
    `https://${region}.aliexpress.com/item/${ITEM_ID}.html?gatewayAdapt=glo2${region}`,
    aliExpressItem(ITEM_ID),
  ]),
  [`https://m.aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`https://m.aliexpress.com/i/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`https://m.aliexpress.com/s/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`https://www.aliexpress.com/i/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [
    'https://www.aliexpress.com/item/Women-T-Shirt-Short-Sleeves/32667038134.html',
    aliExpressItem('32667038134'),
  ],
  ['https://www.aliexpress.com/item/-/32417857399.html', aliExpressItem('32417857399')],
  ['https://www.aliexpress.com/item/4001081730289.html', aliExpressItem('4001081730289')],
  ['https://www.aliexpress.com/item/502436117.html', aliExpressItem('502436117')],
  [
    'https://www.aliexpress.com/store/product/Cat-Print-Tee/1234567_32812345678.html',
    aliExpressItem('32812345678', '1234567'),
  ],
  [
    'https://fr.aliexpress.com/store/product/1234567_32812345678.html',
    aliExpressItem('32812345678', '1234567'),
  ],
  // aliexpress.us shows the global id plus 2^51; see aliexpress.parser.ts for the evidence.
  [
    'https://www.aliexpress.us/item/3256809840464144.html?gatewayAdapt=glo2usa4itemAdapt',
    aliExpressItem('1005010026778896'),
  ],
  ['https://www.aliexpress.us/item/2255800895415537.html', aliExpressItem('4001081730289')],
  [
    'https://aliexpress.us/item/2251832729504304.html?gatewayAdapt=glo2usa&_randl_shipto=US',
    aliExpressItem('32915819056'),
  ],
  ['https://m.aliexpress.us/item/3256809840464144.html', aliExpressItem('1005010026778896')],
  [`https://www.aliexpress.us/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [
    'https://aliexpress.ru/item/1005009450643460.html?businessType=ProductDetail&sku_id=12000049142896049&spm=a2g2l.detail.0.0&spreadType=socialShare&srcSns=sns_More&utm_medium=sharing',
    aliExpressItem('1005009450643460'),
  ],
  ['https://aliexpress.ru/item/32417857399.html', aliExpressItem('32417857399')],
  [
    'https://m.aliexpress.ru/item/1005002611857804.html?item_id=1005002611857804',
    aliExpressItem('1005002611857804'),
  ],
];

const aliExpressStores: LinkCase[] = [
  ['https://www.aliexpress.com/store/1101234567', aliExpressStore('1101234567')],
  ['https://www.aliexpress.com/store/1101234567/', aliExpressStore('1101234567')],
  [
    'https://www.aliexpress.com/store/1101234567?spm=a2g0o.detail.1000007.1.2c3b5e9b',
    aliExpressStore('1101234567'),
  ],
  ['https://catshirts.aliexpress.com/store/912345', aliExpressStore('912345')],
  [
    'https://www.aliexpress.com/store/1101234567/pages/all-items.html?sortType=bestmatch_sort',
    aliExpressStore('1101234567'),
  ],
  [
    'https://ja.aliexpress.com/store/1101234567/pages/all-items.html',
    aliExpressStore('1101234567'),
  ],
  [
    'https://www.aliexpress.com/store/all-wholesale-products/1101234567.html',
    aliExpressStore('1101234567'),
  ],
  [
    'https://www.aliexpress.com/store/top-rated-products/1101234567.html',
    aliExpressStore('1101234567'),
  ],
  ['https://www.aliexpress.com/store/sale-items/1101234567.html', aliExpressStore('1101234567')],
  [
    'https://www.aliexpress.com/store/feedback-score/1101234567.html',
    aliExpressStore('1101234567'),
  ],
  ['https://www.aliexpress.com/store/contactinfo/1101234567.html', aliExpressStore('1101234567')],
  [
    'https://www.aliexpress.com/store/1101234567/search?SearchText=cat&origin=y',
    aliExpressStore('1101234567'),
  ],
  [
    'https://www.aliexpress.com/store/group/New-Arrivals/1101234567_507654321.html',
    aliExpressStore('1101234567'),
  ],
  [
    'https://m.aliexpress.com/store/storeHome.htm?storeId=1101234567&sellerAdminSeq=200042',
    aliExpressStore('1101234567'),
  ],
  [
    'https://www.aliexpress.us/store/1102345678/pages/all-items.html',
    aliExpressStore('1102345678'),
  ],
  ['https://aliexpress.ru/store/1101234567', aliExpressStore('1101234567')],
];

const alibabaLinks: LinkCase[] = [
  [
    'https://www.alibaba.com/product-detail/Upgrade-WT32-SC01-plus-16MB-hmi_1600609718238.html',
    alibabaProduct('1600609718238'),
  ],
  [
    'https://www.alibaba.com/product-detail/Custom-Cat-Print-T-Shirt_62345678901.html?spm=a2700.galleryofferlist.normal_offer.d_title.1&s=p',
    alibabaProduct('62345678901'),
  ],
  ['https://www.alibaba.com/product-detail/_1600123456789.html', alibabaProduct('1600123456789')],
  ['https://www.alibaba.com/product-detail/1600123456789.html', alibabaProduct('1600123456789')],
  [
    'https://www.alibaba.com/product-detail/Model_X200_Cat_Mug_1600123456789.html',
    alibabaProduct('1600123456789'),
  ],
  [
    'https://m.alibaba.com/product-detail/Cat-Mug_1600123456789.html',
    alibabaProduct('1600123456789'),
  ],
  ['https://m.alibaba.com/product/1600123456789/Cat-Mug.html', alibabaProduct('1600123456789')],
  [
    'https://spanish.alibaba.com/product-detail/Taza-Gato_1600123456789.html',
    alibabaProduct('1600123456789'),
  ],
  ['https://www.alibaba.com/product-gs/60123456789/Cat_Mug.html', alibabaProduct('60123456789')],
  ['https://www.alibaba.com/p-detail/Cat-Mug_1600123456789.html', alibabaProduct('1600123456789')],
  ['alibaba.com/product-detail/Cat_1600123456789.html', alibabaProduct('1600123456789')],
  ['https://shenzhenxyz.en.alibaba.com', alibabaSupplier('shenzhenxyz')],
  [
    'https://ShenzhenXYZ.en.alibaba.com/index.html?spm=a2700.shop_index',
    alibabaSupplier('shenzhenxyz'),
  ],
  ['https://shenzhen-xyz.en.alibaba.com/productlist.html', alibabaSupplier('shenzhen-xyz')],
  ['https://shenzhenxyz.en.alibaba.com/company_profile.html', alibabaSupplier('shenzhenxyz')],
  [
    'https://shenzhenxyz.en.alibaba.com/productgrouplist-812345678/Mugs.html',
    alibabaSupplier('shenzhenxyz'),
  ],
  ['https://shenzhenxyz.trustpass.alibaba.com/', alibabaSupplier('shenzhenxyz')],
  [
    'https://shenzhenxyz.en.alibaba.com/product/1600123456789-812345678/Cat_Mug.html',
    alibabaProduct('1600123456789', 'shenzhenxyz'),
  ],
  [
    'https://shenzhenxyz.en.alibaba.com/product/62345678901-0/Cat_Mug.html?spm=a2700.shop_plgr',
    alibabaProduct('62345678901', 'shenzhenxyz'),
  ],
  [
    'https://www.alibaba.com/x/B0mzK8?ck=pdp',
    shortLink('alibaba', 'B0mzK8', 'https://www.alibaba.com/x/B0mzK8'),
  ],
];

const taobaoLinks: LinkCase[] = [
  ['https://item.taobao.com/item.htm?id=712345678901', taobaoItem('712345678901')],
  [
    'https://item.taobao.com/item.htm?spm=a230r.1.14.16.2f4a6f3cX&id=712345678901&ns=1&abbucket=13',
    taobaoItem('712345678901'),
  ],
  [
    'https://item.taobao.com/item.htm?ali_refid=a3_430582_1006:1109983619:N&id=612345678901&ali_trackid=1_abc&spm=a2e0b',
    taobaoItem('612345678901'),
  ],
  ['https://item.taobao.com/item.htm?id=612345678901#detail', taobaoItem('612345678901')],
  ['http://item.taobao.com/item.htm?id=16123456789', taobaoItem('16123456789')],
  ['item.taobao.com/item.htm?id=712345678901', taobaoItem('712345678901')],
  ['https://m.intl.taobao.com/detail/detail.html?id=712345678901', taobaoItem('712345678901')],
  [
    'https://h5.m.taobao.com/awp/core/detail.htm?id=712345678901&spm=a1z10',
    taobaoItem('712345678901'),
  ],
  ['https://main.m.taobao.com/detail/index.html?id=712345678901', taobaoItem('712345678901')],
  [
    'https://market.m.taobao.com/app/dinamic/h5-tb-detail/index.html?id=712345678901',
    taobaoItem('712345678901'),
  ],
  ['https://world.taobao.com/item/712345678901.htm', taobaoItem('712345678901')],
  ['https://world.taobao.com/item/712345678901.htm?spm=a21wu.241046', taobaoItem('712345678901')],
  ['https://a.m.taobao.com/i520123456789.htm', taobaoItem('520123456789')],
  ['https://shop123456789.taobao.com', taobaoShop('123456789')],
  ['https://shop123456789.taobao.com/?spm=a230r.7195193.1997079397.2', taobaoShop('123456789')],
  ['https://shop123456789.taobao.com/search.htm?search=y', taobaoShop('123456789')],
  ['https://shop33456789.world.taobao.com/', taobaoShop('33456789')],
  ['https://shop33456789.m.taobao.com/', taobaoShop('33456789')],
  ['shop123456789.taobao.com', taobaoShop('123456789')],
  [
    'https://store.taobao.com/shop/view_shop.htm?user_number_id=2201234567890',
    {
      marketplace: 'taobao',
      kind: 'store',
      id: 'user_number_id:2201234567890',
      canonicalUrl: 'https://store.taobao.com/shop/view_shop.htm?user_number_id=2201234567890',
      storeId: 'user_number_id:2201234567890',
    },
  ],
];

const tmallLinks: LinkCase[] = [
  ['https://detail.tmall.com/item.htm?id=712345678901', tmallItem('712345678901')],
  [
    'https://detail.tmall.com/item.htm?spm=a220m.1000858.1000725.1.6b2c&id=712345678901&skuId=5012345678901&user_id=2201234567&cat_id=2&is_b=1&rn=abc',
    tmallItem('712345678901'),
  ],
  [
    'https://detail.tmall.com/item.htm?abbucket=4&id=612345678901&rn=x&spm=a1z10.3-b-s.w4011',
    tmallItem('612345678901'),
  ],
  ['https://detail.tmall.hk/item.htm?id=712345678901', tmallItem('712345678901')],
  ['https://detail.tmall.hk/hk/item.htm?id=712345678901&spm=a220o', tmallItem('712345678901')],
  ['https://detail.m.tmall.com/item.htm?id=712345678901', tmallItem('712345678901')],
  ['https://chaoshi.detail.tmall.com/item.htm?id=712345678901', tmallItem('712345678901')],
  ['https://world.tmall.com/item/712345678901.htm', tmallItem('712345678901')],
  ['detail.tmall.com/item.htm?id=712345678901', tmallItem('712345678901')],
  ['https://DETAIL.TMALL.COM/item.htm?id=712345678901', tmallItem('712345678901')],
  ['https://catbrand.tmall.com', tmallShop('catbrand')],
  ['https://catbrand.tmall.com/shop/view_shop.htm?spm=a220m.1000858', tmallShop('catbrand')],
  ['https://catbrand.tmall.com/search.htm?search=y&orderType=hotsell_desc', tmallShop('catbrand')],
  ['https://cat-brand.m.tmall.com/', tmallShop('cat-brand')],
  ['catbrand.tmall.com', tmallShop('catbrand')],
  ['https://catbrand.tmall.hk/', tmallGlobalShop('catbrand')],
  ['https://catbrand.tmall.hk/shop/view_shop.htm', tmallGlobalShop('catbrand')],
];

const links1688: LinkCase[] = [
  ['https://detail.1688.com/offer/712345678901.html', offer1688('712345678901')],
  [
    'https://detail.1688.com/offer/712345678901.html?spm=a26352.13672862.offerlist.1&tracelog=p4p',
    offer1688('712345678901'),
  ],
  ['https://detail.1688.com/offer/612345678.html', offer1688('612345678')],
  ['http://detail.1688.com/offer/712345678901.html#', offer1688('712345678901')],
  ['https://m.1688.com/offer/712345678901.html', offer1688('712345678901')],
  [
    'https://detail.m.1688.com/page/index.html?offerId=712345678901&sortType=&pageId=',
    offer1688('712345678901'),
  ],
  ['https://detail.m.1688.com/offer/712345678901.html', offer1688('712345678901')],
  ['detail.1688.com/offer/712345678901.html', offer1688('712345678901')],
  ['https://shop1434987632147.1688.com', shop1688('shop1434987632147')],
  ['https://shopn4r8x6c30p8t4.1688.com/page/offerlist.htm', shop1688('shopn4r8x6c30p8t4')],
  ['https://SHOPN4R8X6C30P8T4.1688.com/', shop1688('shopn4r8x6c30p8t4')],
  ['https://catfactory.1688.com/page/creditdetail.htm', shop1688('catfactory')],
  ['https://cat-factory.1688.com/', shop1688('cat-factory')],
];

const shortLinks: LinkCase[] = [
  [
    'https://a.aliexpress.com/_mKabc12',
    shortLink('aliexpress', '_mKabc12', 'https://a.aliexpress.com/_mKabc12'),
  ],
  [
    'a.aliexpress.com/_oFn1hXr?bz=x',
    shortLink('aliexpress', '_oFn1hXr', 'https://a.aliexpress.com/_oFn1hXr'),
  ],
  [
    'https://s.click.aliexpress.com/e/_DDSKt7r',
    shortLink('aliexpress', '_DDSKt7r', 'https://s.click.aliexpress.com/e/_DDSKt7r'),
  ],
  [
    'http://s.click.aliexpress.com/e/_DDSKt7r?bz=120*90',
    shortLink('aliexpress', '_DDSKt7r', 'https://s.click.aliexpress.com/e/_DDSKt7r'),
  ],
  [
    'https://click.aliexpress.com/e/_ABC123',
    shortLink('aliexpress', '_ABC123', 'https://click.aliexpress.com/e/_ABC123'),
  ],
  ['https://ali.click/fk3ej1c', shortLink('aliexpress', 'fk3ej1c', 'https://ali.click/fk3ej1c')],
  [
    'https://m.tb.cn/h.5ZxYabc?tk=abcdEFGH123',
    shortLink('taobao', 'h.5ZxYabc', 'https://m.tb.cn/h.5ZxYabc'),
  ],
  ['m.tb.cn/h.UuVvWw1', shortLink('taobao', 'h.UuVvWw1', 'https://m.tb.cn/h.UuVvWw1')],
  [
    'https://e.tb.cn/h.gQ3rT9k?tk=xyz',
    shortLink('taobao', 'h.gQ3rT9k', 'https://e.tb.cn/h.gQ3rT9k'),
  ],
  ['https://tb.cn/x7Yz2Q', shortLink('taobao', 'x7Yz2Q', 'https://tb.cn/x7Yz2Q')],
  [
    'https://qr.1688.com/s/tNuQ1Ji3',
    shortLink('1688', 'tNuQ1Ji3', 'https://qr.1688.com/s/tNuQ1Ji3'),
  ],
];

const hygiene: LinkCase[] = [
  [`  https://www.aliexpress.com/item/${ITEM_ID}.html  `, aliExpressItem(ITEM_ID)],
  [`\thttps://www.aliexpress.com/item/${ITEM_ID}.html\r`, aliExpressItem(ITEM_ID)],
  [`"https://www.aliexpress.com/item/${ITEM_ID}.html"`, aliExpressItem(ITEM_ID)],
  [`'https://www.aliexpress.com/item/${ITEM_ID}.html',`, aliExpressItem(ITEM_ID)],
  [`<https://www.aliexpress.com/item/${ITEM_ID}.html>`, aliExpressItem(ITEM_ID)],
  [`(https://www.aliexpress.com/item/${ITEM_ID}.html).`, aliExpressItem(ITEM_ID)],
  [`[https://www.aliexpress.com/item/${ITEM_ID}.html]`, aliExpressItem(ITEM_ID)],
  [`https://www.aliexpress.com/item/${ITEM_ID}.html.`, aliExpressItem(ITEM_ID)],
  [`https://www.aliexpress.com/item/${ITEM_ID}.html;`, aliExpressItem(ITEM_ID)],
  [`“https://www.aliexpress.com/item/${ITEM_ID}.html”`, aliExpressItem(ITEM_ID)],
  [`\u200bhttps://www.aliexpress.com/item/${ITEM_ID}.html\ufeff`, aliExpressItem(ITEM_ID)],
  [`\u00a0https://www.aliexpress.com/item/${ITEM_ID}.html\u3000`, aliExpressItem(ITEM_ID)],
  [`www.aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`//www.aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`HTTPS://www.aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`https://www.aliexpress.com:443/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`• https://www.aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`1. https://www.aliexpress.com/item/${ITEM_ID}.html`, aliExpressItem(ITEM_ID)],
  [`[Cat tee](https://www.aliexpress.com/item/${ITEM_ID}.html)`, aliExpressItem(ITEM_ID)],
  [
    '【淘宝】https://m.tb.cn/h.5ZxYabc?tk=abcdEFGH123 CZ0001 「猫咪印花T恤」点击链接直接打开',
    shortLink('taobao', 'h.5ZxYabc', 'https://m.tb.cn/h.5ZxYabc'),
  ],
  [
    'Look at this: https://a.aliexpress.com/_mKabc12 wow',
    shortLink('aliexpress', '_mKabc12', 'https://a.aliexpress.com/_mKabc12'),
  ],
  [
    `Copied from sheet\t${`https://detail.1688.com/offer/712345678901.html`}`,
    offer1688('712345678901'),
  ],
];

/** The tables above, by name, for the tests to iterate. */
export const ACCEPTED_CASE_GROUPS: ReadonlyArray<readonly [string, readonly LinkCase[]]> = [
  ['AliExpress listings', aliExpressListings],
  ['AliExpress stores', aliExpressStores],
  ['Alibaba.com', alibabaLinks],
  ['Taobao', taobaoLinks],
  ['Tmall', tmallLinks],
  ['1688', links1688],
  ['short links', shortLinks],
  ['input hygiene', hygiene],
];

export const ACCEPTED_CASES: readonly LinkCase[] = ACCEPTED_CASE_GROUPS.flatMap(
  ([, cases]) => cases,
);
