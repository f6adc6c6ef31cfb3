/*
 * The demo world a new user sees on first start: five artists (four in one collective),
 * their designs, sellers copying them on every marketplace, and complaints in every
 * IPP status. Dates are relative to "today" so the demo always looks current.
 */

export const DEMO_PASSWORD = 'counterpoint-demo';
// argon2id hash of DEMO_PASSWORD (so seeding needs no native hashing).
export const DEMO_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$DdxJcHj80Im0w5ZQKtx6/A$d/DgolMVCi2/oE/s0aLdl02SlacoKEt9o8q3ExmdrJQ';

export interface DemoArtist {
  key: string;
  email: string;
  displayName: string;
  publicAttribution: boolean;
  publicName: string | null;
  designs: {
    key: string;
    title: string;
    status: 'approved' | 'pending' | 'not_submitted' | 'rejected';
    iprType?: 'copyright' | 'trademark';
  }[];
}

export const DEMO_ARTISTS: DemoArtist[] = [
  {
    key: 'mira',
    email: 'mira@demo.counterpoint.example',
    displayName: 'Mira Okafor',
    publicAttribution: true,
    publicName: 'Mira Okafor Studio',
    designs: [
      { key: 'moth', title: 'Luna Moth enamel pin', status: 'approved' },
      { key: 'fern', title: 'Fiddlehead Fern pin', status: 'approved' },
      { key: 'owl', title: 'Barn Owl print', status: 'pending' },
    ],
  },
  {
    key: 'jonas',
    email: 'jonas@demo.counterpoint.example',
    displayName: 'Jonas Lindqvist',
    publicAttribution: false,
    publicName: null,
    designs: [
      { key: 'fox', title: 'Sleeping Fox pin', status: 'approved' },
      { key: 'whale', title: 'Whale Song tee', status: 'approved' },
    ],
  },
  {
    key: 'amaya',
    email: 'amaya@demo.counterpoint.example',
    displayName: 'Amaya Torres',
    publicAttribution: false,
    publicName: null,
    designs: [
      { key: 'cactus', title: 'Cactus Cat pin', status: 'approved' },
      { key: 'skull', title: 'Sugar Skull sticker sheet', status: 'rejected' },
    ],
  },
  {
    key: 'wei',
    email: 'wei@demo.counterpoint.example',
    displayName: 'Wei Chen',
    publicAttribution: false,
    publicName: null,
    designs: [
      { key: 'dragon', title: 'Paper Dragon figure', status: 'approved' },
      { key: 'koi', title: 'Koi Pond print', status: 'not_submitted' },
    ],
  },
  {
    key: 'sam',
    email: 'sam@demo.counterpoint.example',
    displayName: 'Sam Rivera',
    publicAttribution: false,
    publicName: null,
    designs: [{ key: 'bee', title: 'Bumble Bee pin', status: 'approved', iprType: 'trademark' }],
  },
];

export const DEMO_COLLECTIVE = {
  name: 'Enamel Pin Makers Guild',
  description: 'Independent pin and print makers reporting the stores that copy us, together.',
  members: [
    { artist: 'mira', role: 'owner' as const },
    { artist: 'jonas', role: 'admin' as const },
    { artist: 'amaya', role: 'member' as const },
    { artist: 'wei', role: 'member' as const },
  ],
};

export const DEMO_CAMPAIGN = {
  name: 'Close GlowPins',
  sellerKey: 'glow',
  participants: [
    { artist: 'mira', unavailableWeekdays: [0, 6], maxPerWeek: 3 },
    { artist: 'jonas', unavailableWeekdays: [], maxPerWeek: 2 },
    { artist: 'amaya', unavailableWeekdays: [3], maxPerWeek: null },
    { artist: 'wei', unavailableWeekdays: [], maxPerWeek: 1 },
  ],
};

export type DemoMarketplace = 'aliexpress' | 'alibaba' | 'taobao' | 'tmall' | '1688';

export interface DemoSeller {
  key: string;
  marketplace: DemoMarketplace;
  storeId: string;
  name: string;
  /** Designs this store copies, as `artist.design`. */
  copies: string[];
  listings: number;
}

export const DEMO_SELLERS: DemoSeller[] = [
  {
    key: 'glow',
    marketplace: 'aliexpress',
    storeId: '1102345678',
    name: 'GlowPins Official Store',
    copies: ['mira.moth', 'mira.fern', 'jonas.fox', 'amaya.cactus', 'wei.dragon'],
    listings: 14,
  },
  {
    key: 'happy',
    marketplace: 'aliexpress',
    storeId: '1100987654',
    name: 'Happy Badge World',
    copies: ['mira.moth', 'jonas.fox', 'sam.bee'],
    listings: 8,
  },
  {
    key: 'starry',
    marketplace: 'aliexpress',
    storeId: '912345001',
    name: 'Starry Accessories Store',
    copies: ['amaya.cactus', 'jonas.whale'],
    listings: 5,
  },
  {
    key: 'yiwu',
    marketplace: 'alibaba',
    storeId: 'yiwucraftgifts',
    name: 'Yiwu Craft Gifts Co., Ltd.',
    copies: ['mira.moth', 'mira.fern', 'wei.dragon'],
    listings: 7,
  },
  {
    key: 'kunshan',
    marketplace: 'alibaba',
    storeId: 'kunshanbadge',
    name: 'Kunshan Badge Manufacturing',
    copies: ['jonas.fox', 'amaya.cactus'],
    listings: 4,
  },
  {
    key: 'xiaomei',
    marketplace: 'taobao',
    storeId: '106543210',
    name: '小美饰品店',
    copies: ['mira.moth', 'jonas.fox'],
    listings: 5,
  },
  {
    key: 'tiantian',
    marketplace: 'taobao',
    storeId: '273849561',
    name: '天天徽章',
    copies: ['wei.dragon'],
    listings: 3,
  },
  {
    key: 'bloom',
    marketplace: 'tmall',
    storeId: 'bloomdecor',
    name: 'Bloom Decor 旗舰店',
    copies: ['mira.fern', 'jonas.whale'],
    listings: 4,
  },
  {
    key: 'offer',
    marketplace: '1688',
    storeId: 'shop1a2b3c4d5e',
    name: '义乌市徽章工艺厂',
    copies: ['mira.moth', 'amaya.cactus', 'jonas.fox'],
    listings: 6,
  },
  {
    key: 'pinfactory',
    marketplace: '1688',
    storeId: 'pinfactory',
    name: 'Pin Factory Direct',
    copies: ['wei.dragon'],
    listings: 2,
  },
];

export function canonicalStoreUrl(marketplace: DemoMarketplace, storeId: string): string {
  switch (marketplace) {
    case 'aliexpress':
      return `https://www.aliexpress.com/store/${storeId}`;
    case 'alibaba':
      return `https://${storeId}.en.alibaba.com`;
    case 'taobao':
      return `https://shop${storeId}.taobao.com`;
    case 'tmall':
      return `https://${storeId}.tmall.com`;
    case '1688':
      return `https://${storeId}.1688.com`;
  }
}

export function canonicalListingUrl(marketplace: DemoMarketplace, itemId: string): string {
  switch (marketplace) {
    case 'aliexpress':
      return `https://www.aliexpress.com/item/${itemId}.html`;
    case 'alibaba':
      return `https://www.alibaba.com/product-detail/_${itemId}.html`;
    case 'taobao':
      return `https://item.taobao.com/item.htm?id=${itemId}`;
    case 'tmall':
      return `https://detail.tmall.com/item.htm?id=${itemId}`;
    case '1688':
      return `https://detail.1688.com/offer/${itemId}.html`;
  }
}

const ITEM_ID_BASE: Record<DemoMarketplace, bigint> = {
  aliexpress: 1005006100000000n,
  alibaba: 1600900000000n,
  taobao: 680000000000n,
  tmall: 712000000000n,
  '1688': 745000000000n,
};

export function demoItemId(
  marketplace: DemoMarketplace,
  sellerIndex: number,
  listingIndex: number,
): string {
  return String(ITEM_ID_BASE[marketplace] + BigInt(sellerIndex * 7919 + listingIndex * 104_729));
}
