/**
 * Benchmark of the marketplace link parser against bare `new URL()`.
 *
 * Run: pnpm --filter @counterpoint/core bench:links  (or: npx tsx bench/links.bench.ts [lines])
 *
 * Builds a deterministic paste (seeded PRNG) of 1,000,000 lines: every marketplace and URL form
 * the parser knows, with tracking parameters, regional hosts and pasting noise, plus 10% junk.
 * Then, after warm-up passes, measures three times each, interleaved:
 *   baseline  a loop calling only `new URL(line)` in try/catch,
 *   parser    a loop calling `parseMarketplaceUrl(line)`,
 *   bulk      `parseLinkList(text)` on the whole paste (splitting, dedupe, summary, groups),
 * and prints lines/second (best and median of the runs) and each rate as a share of the baseline.
 * It then repeats the measurement on the lines `new URL()` accepts ("strict"), because on the
 * mixed paste the baseline pays for exceptions that the parser mostly avoids.
 */
import { performance } from 'node:perf_hooks';
import { parseLinkList, parseMarketplaceUrl } from '../src/links/index';

const LINE_COUNT = Number(process.argv[2] ?? 1_000_000);
const RUNS = 3;
const SEED = 0x5eed_2026;

/** mulberry32: small, fast and good enough to make the same paste on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const digits = (length: number): string => {
  let text = String(1 + Math.floor(random() * 9));
  while (text.length < length) text += String(Math.floor(random() * 10));
  return text;
};
const token = (length: number): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let text = '';
  for (let index = 0; index < length; index += 1)
    text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
};

const REGIONS = [
  'www',
  'www',
  'www',
  'm',
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
];
const tracking = (): string =>
  pick([
    '',
    '',
    `?spm=a2g0o.productlist.main.${digits(2)}.${token(12)}&algo_pvid=${token(8)}-${token(4)}&algo_exp_id=${token(8)}-0&pdp_ext_f=%7B%22order%22%3A%22${digits(3)}%22%7D&pdp_npi=4%40dis%21USD%2132.39%2131.89&sku_id=${digits(17)}`,
    `?aff_fcid=${token(32)}&tt=CPS_NORMAL&aff_fsk=_${token(7)}&aff_platform=shareComponent-detail&sk=_${token(7)}&aff_trace_key=${token(32)}&terminal_id=${token(32)}`,
    `?gatewayAdapt=glo2usa4itemAdapt&_randl_shipto=US`,
    `?srcSns=sns_WhatsApp&spreadType=socialShare&bizType=ProductDetail&scm=1007.40050.${digits(6)}&utparam-url=scene%3A`,
    '#nav-review',
  ]);

const LINK_FORMS: ReadonlyArray<() => string> = [
  () => `https://${pick(REGIONS)}.aliexpress.com/item/1005${digits(12)}.html${tracking()}`,
  () => `https://${pick(REGIONS)}.aliexpress.com/item/1005${digits(12)}.html${tracking()}`,
  () => `https://www.aliexpress.us/item/3256${digits(12)}.html${tracking()}`,
  () => `https://aliexpress.ru/item/1005${digits(12)}.html${tracking()}`,
  () => `https://m.aliexpress.com/i/1005${digits(12)}.html`,
  () => `https://www.aliexpress.com/item/Cat-Print-Tee/32${digits(9)}.html`,
  () => `https://www.aliexpress.com/store/product/Cat-Tee/${digits(7)}_32${digits(9)}.html`,
  () =>
    `https://www.aliexpress.com/store/${digits(10)}${pick(['', '/pages/all-items.html', '?spm=a2g0o.detail.1000007.1'])}`,
  () =>
    `https://www.aliexpress.com/store/${pick(['all-wholesale-products', 'top-rated-products', 'sale-items', 'feedback-score'])}/${digits(10)}.html`,
  () => `www.aliexpress.com/item/1005${digits(12)}.html`,
  () =>
    `https://www.alibaba.com/product-detail/Custom-Cat-Print-${token(6)}_1600${digits(9)}.html${pick(['', '?spm=a2700.galleryofferlist.normal_offer.d_title'])}`,
  () =>
    `https://${token(8).toLowerCase()}.en.alibaba.com/${pick(['', 'productlist.html', `product/1600${digits(9)}-${digits(9)}/Cat_Mug.html`])}`,
  () =>
    `https://item.taobao.com/item.htm?spm=a230r.1.14.${digits(2)}.${token(10)}&id=${digits(12)}&ns=1&abbucket=${digits(2)}`,
  () => `https://m.intl.taobao.com/detail/detail.html?id=${digits(12)}`,
  () =>
    `https://shop${digits(9)}.taobao.com/${pick(['', '?spm=a230r.7195193.1997079397.2', 'search.htm'])}`,
  () =>
    `https://detail.tmall.com/item.htm?id=${digits(12)}&skuId=${digits(13)}&spm=a220m.1000858.1000725.${digits(1)}`,
  () => `https://${token(7).toLowerCase()}.tmall.com/shop/view_shop.htm`,
  () =>
    `https://detail.1688.com/offer/${digits(12)}.html${pick(['', '?spm=a26352.13672862.offerlist.1'])}`,
  () => `https://shop${token(13).toLowerCase()}.1688.com/page/offerlist.htm`,
  () => `https://a.aliexpress.com/_${token(7)}`,
  () => `https://m.tb.cn/h.${token(7)}?tk=${token(11)}`,
];

const NOISE: ReadonlyArray<(line: string) => string> = [
  (line) => line,
  (line) => line,
  (line) => line,
  (line) => `  ${line} `,
  (line) => `"${line}",`,
  (line) => `<${line}>`,
  (line) => line.replace('://www.', '://WWW.'),
];

const JUNK_FORMS: ReadonlyArray<() => string> = [
  () => '',
  () => `${token(5)} ${token(8)} ${token(3)}`,
  () => `https://www.amazon.com/dp/B0${token(8)}`,
  () => `https://www.aliexpress.com/w/wholesale-${token(6)}.html?spm=a2g0o.home.search.0`,
  () => `https://aliexpress.com.${token(5).toLowerCase()}.example/item/1005${digits(12)}.html`,
  () => 'javascript:alert(1)',
  () => `https://www.aliexpress.com/item/${token(10)}.html`,
  () => `https://s.taobao.com/search?q=${token(6)}`,
  () => digits(16),
  () => `https://ae01.alicdn.com/kf/${token(32)}.jpg`,
];

function buildPaste(count: number): string[] {
  const result: string[] = [];
  for (let index = 0; index < count; index += 1) {
    if (random() < 0.1) result.push(pick(JUNK_FORMS)());
    else result.push(pick(NOISE)(pick(LINK_FORMS)()));
  }
  return result;
}

let sink = 0;

function runBaseline(lines: readonly string[]): void {
  for (const line of lines) {
    try {
      sink += new URL(line).pathname.length;
    } catch {
      sink += 1;
    }
  }
}

function runParser(lines: readonly string[]): void {
  for (const line of lines) {
    const result = parseMarketplaceUrl(line);
    sink += result.ok ? result.id.length : 1;
  }
}

function runBulk(text: string): void {
  sink += parseLinkList(text).summary.unique;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function format(rate: number): string {
  return `${Math.round(rate).toLocaleString('en-US').padStart(11)} lines/s`;
}

interface Timings {
  baseline: number[];
  parser: number[];
  bulk: number[];
}

function measure(lines: readonly string[]): Timings {
  const text = lines.join('\n');
  const warmUp = lines.slice(0, Math.min(lines.length, 200_000));
  const warmUpText = warmUp.join('\n');
  for (let pass = 0; pass < 2; pass += 1) {
    runBaseline(warmUp);
    runParser(warmUp);
    runBulk(warmUpText);
  }
  const timings: Timings = { baseline: [], parser: [], bulk: [] };
  for (let run = 0; run < RUNS; run += 1) {
    timings.baseline.push(time(() => runBaseline(lines)));
    timings.parser.push(time(() => runParser(lines)));
    timings.bulk.push(time(() => runBulk(text)));
  }
  return timings;
}

function report(title: string, lineCount: number, timings: Timings): number {
  const rate = (milliseconds: number): number => (lineCount / milliseconds) * 1000;
  const baselineBest = rate(Math.min(...timings.baseline));
  const baselineMedian = rate(median(timings.baseline));
  console.log(`\n${title} (${lineCount.toLocaleString('en-US')} lines)`);
  const rows: Array<[string, number[]]> = [
    ['new URL() only      ', timings.baseline],
    ['parseMarketplaceUrl ', timings.parser],
    ['parseLinkList (bulk)', timings.bulk],
  ];
  for (const [name, values] of rows) {
    const best = rate(Math.min(...values));
    const middle = rate(median(values));
    const share = `${((best / baselineBest) * 100).toFixed(0)}% / ${((middle / baselineMedian) * 100).toFixed(0)}% of baseline (best / median)`;
    console.log(`  ${name}  best ${format(best)}  median ${format(middle)}  ${share}`);
  }
  return rate(median(timings.parser)) / baselineMedian;
}

function main(): void {
  console.log(
    `Node ${process.version}, seed 0x${SEED.toString(16)}, best and median of ${RUNS} runs after 2 warm-up passes`,
  );
  const lines = buildPaste(LINE_COUNT);
  const accepted = lines.reduce((count, line) => count + (parseMarketplaceUrl(line).ok ? 1 : 0), 0);
  console.log(
    `paste: ${LINE_COUNT.toLocaleString('en-US')} lines, ${accepted.toLocaleString('en-US')} accepted by the parser`,
  );
  const mixedShare = report(
    'Mixed paste: links with pasting noise + 10% junk',
    lines.length,
    measure(lines),
  );

  // The mixed paste flatters the parser: new URL() throws on junk and on quoted or schemeless
  // lines, and exceptions are slow, while the parser refuses most of those before new URL().
  // The same lines restricted to those new URL() accepts show the parser's real overhead.
  const parsable = lines.filter((line) => URL.canParse(line));
  const strictShare = report(
    'Strict: only the lines new URL() accepts',
    parsable.length,
    measure(parsable),
  );

  // The target is on the paste as artists send it (the issue's 1,000,000-line mix). The strict
  // set is for context: there new URL() skips all the noise the parser has to clean up.
  console.log(
    `\ntarget: parser >= 50% of new URL() on the mixed paste (median): ${(mixedShare * 100).toFixed(0)}% ${mixedShare >= 0.5 ? 'met' : 'NOT met'}` +
      `\n(context: ${(strictShare * 100).toFixed(0)}% on the strict set of lines new URL() accepts as they are)`,
  );
  if (sink === 42) console.log('');
}

main();
