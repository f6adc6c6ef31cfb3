/**
 * Benchmark of the standing estimator: `pnpm --filter @counterpoint/core bench:standing`.
 *
 * Generates a deterministic, skewed data set (100,000 sellers, about 1,000,000 complaint
 * listings, all marketplaces and statuses), then times, on this one thread:
 * - the estimator over every seller, and
 * - a trivial baseline over the same events (copy, sort by date then id, sum a field),
 * and prints both rates and their ratio, so the figure can be quoted relative to the machine.
 */
import { addDays } from '../src/dates';
import type { ComplaintStatus, IprType, Marketplace } from '../src/domain';
import { estimateStanding, getDefaultRuleset } from '../src/penalty';
import type { ComplaintEvent, Ruleset } from '../src/penalty';

const SELLERS = 100_000;
const TARGET_MEAN_EVENTS = 10;
const MAX_EVENTS_PER_SELLER = 2_000;
const TIMED_ROUNDS = 7;
const NOW = new Date('2026-03-04T09:30:00.000Z');
const TODAY = '2026-03-04';

/** mulberry32: small, fast and good enough to make a reproducible data set. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = createRandom(20_260_304);

function pick<T>(weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [value, weight] of weighted) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

function integerBetween(low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Log-normal seller sizes: most sellers have a handful of listings, a few have hundreds. */
function sellerSize(): number {
  const sigma = 1.3;
  const mu = Math.log(TARGET_MEAN_EVENTS) - (sigma * sigma) / 2;
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(MAX_EVENTS_PER_SELLER, Math.max(1, Math.round(Math.exp(mu + sigma * normal))));
}

const MARKETPLACE_WEIGHTS: readonly (readonly [Marketplace, number])[] = [
  ['aliexpress', 40],
  ['alibaba', 25],
  ['taobao', 15],
  ['tmall', 10],
  ['1688', 10],
];

const STATUS_WEIGHTS: readonly (readonly [ComplaintStatus, number])[] = [
  ['removed', 55],
  ['submitted', 10],
  ['information_requested', 3],
  ['counter_notice', 4],
  ['responded', 3],
  ['unable_to_process', 12],
  ['restored', 4],
  ['withdrawn', 3],
  ['draft', 6],
];

const IPR_WEIGHTS: readonly (readonly [IprType, number])[] = [
  ['copyright', 90],
  ['trademark', 7],
  ['patent', 3],
];

interface Seller {
  ruleset: Ruleset;
  events: ComplaintEvent[];
}

function generateSeller(index: number): Seller {
  const ruleset = getDefaultRuleset(pick(MARKETPLACE_WEIGHTS));
  const size = sellerSize();
  const artists = integerBetween(1, Math.min(12, 1 + Math.floor(size / 3)));
  const events: ComplaintEvent[] = [];
  let complaint = 0;
  while (events.length < size) {
    complaint += 1;
    const complaintId = `s${index}-c${complaint}`;
    const artistId = `artist-${integerBetween(1, artists)}`;
    const filedOn = addDays(TODAY, -integerBetween(0, 730));
    const iprType = pick(IPR_WEIGHTS);
    const severity = random() < 0.05 ? 'serious' : 'general';
    const listings = Math.min(
      size - events.length,
      pick([
        [1, 60],
        [2, 20],
        [3, 10],
        [8, 7],
        [25, 3],
      ] as const),
    );
    for (let listing = 0; listing < listings; listing += 1) {
      const status = pick(STATUS_WEIGHTS);
      const isDecided = status === 'removed' || status === 'restored';
      events.push({
        id: `${complaintId}-l${listing}`,
        complaintId,
        artistId,
        artworkId: `${artistId}-artwork-${integerBetween(1, 4)}`,
        iprType,
        severity,
        status,
        filedOn: status === 'draft' ? null : filedOn,
        establishedOn: isDecided ? addDays(filedOn, integerBetween(2, 12)) : null,
      });
    }
  }
  // Stored order is not chronological, as rows from a database would not be.
  events.reverse();
  return { ruleset, events };
}

function compareForBaseline(left: ComplaintEvent, right: ComplaintEvent): number {
  const leftDate = left.establishedOn ?? left.filedOn ?? '';
  const rightDate = right.establishedOn ?? right.filedOn ?? '';
  if (leftDate !== rightDate) return leftDate < rightDate ? -1 : 1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

function runBaseline(sellers: readonly Seller[]): number {
  let checksum = 0;
  for (const seller of sellers) {
    const sorted = seller.events.slice().sort(compareForBaseline);
    for (const event of sorted) if (event.status === 'removed') checksum += 1;
  }
  return checksum;
}

function runEstimator(sellers: readonly Seller[]): number {
  let checksum = 0;
  for (const seller of sellers) {
    const estimate = estimateStanding(seller.events, seller.ruleset, NOW);
    checksum += estimate.confirmedPoints + estimate.pendingPoints + estimate.explanation.length;
  }
  return checksum;
}

interface Timing {
  seconds: number[];
  checksum: number;
}

function timeOnce(run: () => number, timing: Timing): void {
  const start = performance.now();
  timing.checksum = run();
  timing.seconds.push((performance.now() - start) / 1000);
}

/*
 * Rounds alternate between the two passes, so that a busy machine slows both alike and the
 * ratio stays meaningful even when the absolute rates wobble.
 */
function timeInterleaved(first: () => number, second: () => number): [Timing, Timing] {
  first(); // warm-up: lets the JIT settle before timing
  second();
  const timings: [Timing, Timing] = [
    { seconds: [], checksum: 0 },
    { seconds: [], checksum: 0 },
  ];
  for (let round = 0; round < TIMED_ROUNDS; round += 1) {
    timeOnce(first, timings[0]);
    timeOnce(second, timings[1]);
  }
  return timings;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function formatRate(perSecond: number): string {
  return `${(perSecond / 1e6).toFixed(2)} M events/s`;
}

const generationStart = performance.now();
const sellers = Array.from({ length: SELLERS }, (_, index) => generateSeller(index));
const sizes = sellers.map((seller) => seller.events.length).sort((left, right) => left - right);
const totalEvents = sizes.reduce((sum, size) => sum + size, 0);
const percentile = (share: number) =>
  sizes[Math.min(sizes.length - 1, Math.floor(share * sizes.length))];

console.log(`standing estimator benchmark (Node ${process.version}, one thread)`);
console.log(
  `data: ${SELLERS.toLocaleString('en')} sellers, ${totalEvents.toLocaleString('en')} events ` +
    `(per seller: median ${percentile(0.5)}, p99 ${percentile(0.99)}, max ${sizes[sizes.length - 1]}), ` +
    `generated in ${((performance.now() - generationStart) / 1000).toFixed(1)} s`,
);

const [baseline, estimator] = timeInterleaved(
  () => runBaseline(sellers),
  () => runEstimator(sellers),
);
const rate = (seconds: number) => totalEvents / seconds;
const baselineRate = rate(median(baseline.seconds));
const estimatorRate = rate(median(estimator.seconds));
const bestBaselineRate = rate(Math.min(...baseline.seconds));
const bestEstimatorRate = rate(Math.min(...estimator.seconds));

console.log(
  `baseline (copy, sort, sum): ${formatRate(baselineRate)} median, ${formatRate(bestBaselineRate)} best of ${TIMED_ROUNDS} (checksum ${baseline.checksum})`,
);
console.log(
  `estimateStanding:           ${formatRate(estimatorRate)} median, ${formatRate(bestEstimatorRate)} best of ${TIMED_ROUNDS} (checksum ${estimator.checksum})`,
);
console.log(
  `estimator / baseline: ${(estimatorRate / baselineRate).toFixed(2)} median, ` +
    `${(bestEstimatorRate / bestBaselineRate).toFixed(2)} best ` +
    `(${((median(estimator.seconds) * 1e6) / SELLERS).toFixed(1)} µs per seller on average)`,
);
