/**
 * Benchmark of the campaign planner: `pnpm --filter @counterpoint/core bench:plan`.
 *
 * Generates a deterministic campaign (50 members, 2,000 listings of one AliExpress seller, each
 * copying the artworks of 1–2 members, some IPRs pending, some complaints already filed), then
 * times `planCampaign` on this one thread after a warm-up, and, in the same run, one
 * `estimateStanding` call over the existing complaints, so the figure can be quoted as a ratio.
 * Target: a plan in under 200 ms.
 */
import { planCampaign } from '../src/campaigns';
import type {
  CampaignListing,
  CampaignMember,
  ExistingComplaintListing,
  ListingCopy,
  PlanInput,
} from '../src/campaigns';
import { addDays } from '../src/dates';
import type { ComplaintStatus, IprStatus } from '../src/domain';
import { estimateStanding, getDefaultRuleset } from '../src/penalty';
import type { ComplaintEvent } from '../src/penalty';

const MEMBERS = 50;
const LISTINGS = 2_000;
const WARM_UP_RUNS = 3;
const TIMED_RUNS = 15;
const BASELINE_CALLS = 200;
const TODAY = '2026-03-04';
const SELLER = 'seller-bench';

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

function integerBetween(low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function pick<T>(weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [value, weight] of weighted) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const IPR_WEIGHTS: readonly (readonly [IprStatus, number])[] = [
  ['approved', 80],
  ['pending', 12],
  ['not_submitted', 5],
  ['rejected', 3],
];

const COMPLAINT_WEIGHTS: readonly (readonly [ComplaintStatus, number])[] = [
  ['removed', 40],
  ['submitted', 15],
  ['counter_notice', 10],
  ['responded', 5],
  ['unable_to_process', 15],
  ['restored', 5],
  ['withdrawn', 5],
  ['draft', 5],
];

/** Days in the last year on which existing complaints were established (12 points). */
const RECENT_REMOVAL_DAYS = [-200, -60].map((offset) => addDays(TODAY, offset));

function generateCampaign(): PlanInput {
  const members: CampaignMember[] = [];
  const artworks: { artistId: string; artworkId: string; iprStatus: IprStatus }[][] = [];
  for (let index = 0; index < MEMBERS; index += 1) {
    const artistId = `artist-${String(index).padStart(2, '0')}`;
    members.push({
      artistId,
      name: `Artist ${index}`,
      unavailableWeekdays: random() < 0.4 ? [0, 6] : random() < 0.2 ? [integerBetween(1, 5)] : [],
      unavailableDates: Array.from({ length: integerBetween(0, 4) }, () =>
        addDays(TODAY, integerBetween(0, 60)),
      ),
      maxPerWeek: random() < 0.3 ? integerBetween(1, 4) : null,
    });
    artworks.push(
      Array.from({ length: integerBetween(1, 4) }, (_, artwork) => ({
        artistId,
        artworkId: `${artistId}-artwork-${artwork}`,
        iprStatus: pick(IPR_WEIGHTS),
      })),
    );
  }

  const listings: CampaignListing[] = [];
  const copies: ListingCopy[] = [];
  const complaints: ExistingComplaintListing[] = [];
  for (let index = 0; index < LISTINGS; index += 1) {
    const listingId = `listing-${String(index).padStart(4, '0')}`;
    listings.push({
      listingId,
      sellerId: SELLER,
      marketplace: 'aliexpress',
      canonicalUrl: `https://www.aliexpress.com/item/100500${index}.html`,
      isRemoved: random() < 0.03,
    });
    const copiers = random() < 0.3 ? 2 : 1;
    const first = integerBetween(0, MEMBERS - 1);
    for (let copier = 0; copier < copiers; copier += 1) {
      const owned = artworks[(first + copier * 7) % MEMBERS]!;
      const artwork = owned[integerBetween(0, owned.length - 1)]!;
      copies.push({
        listingId,
        artistId: artwork.artistId,
        artworkId: artwork.artworkId,
        artworkTitle: `Design ${artwork.artworkId}`,
        iprStatus: artwork.iprStatus,
        iprReference: artwork.iprStatus === 'approved' ? `IPR-${artwork.artworkId}` : null,
      });
    }
    if (random() < 0.12) {
      const copy = copies[copies.length - 1]!;
      const status = pick(COMPLAINT_WEIGHTS);
      const isRecent = random() < 0.3;
      const establishedOn = isRecent
        ? RECENT_REMOVAL_DAYS[integerBetween(0, RECENT_REMOVAL_DAYS.length - 1)]!
        : addDays(TODAY, -integerBetween(400, 700));
      const filedOn =
        status === 'submitted' ? addDays(TODAY, -1) : addDays(establishedOn, -integerBetween(2, 6));
      complaints.push({
        complaintId: `complaint-${index}`,
        listingId,
        artistId: copy.artistId,
        artworkId: copy.artworkId,
        status,
        filedOn: status === 'draft' ? null : filedOn,
        establishedOn: status === 'removed' ? establishedOn : null,
        severity: 'general',
        iprType: 'copyright',
      });
    }
  }
  return {
    campaignId: 'campaign-bench',
    sellerId: SELLER,
    today: TODAY,
    goalPoints: null,
    endsOn: null,
    ruleset: getDefaultRuleset('aliexpress'),
    members,
    listings,
    copies,
    complaints,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const input = generateCampaign();
const events: ComplaintEvent[] = input.complaints.map((complaint) => ({
  id: `${complaint.complaintId}:${complaint.listingId}`,
  ...complaint,
}));
const now = new Date(`${TODAY}T00:00:00.000Z`);

for (let run = 0; run < WARM_UP_RUNS; run += 1) {
  planCampaign(input);
  estimateStanding(events, input.ruleset, now);
}

// Rounds alternate between the two, so that a busy machine slows both alike.
const planTimes: number[] = [];
const estimateTimes: number[] = [];
let plan = planCampaign(input);
for (let run = 0; run < TIMED_RUNS; run += 1) {
  const start = performance.now();
  plan = planCampaign(input);
  planTimes.push(performance.now() - start);
  const baselineStart = performance.now();
  for (let call = 0; call < BASELINE_CALLS; call += 1) estimateStanding(events, input.ruleset, now);
  estimateTimes.push((performance.now() - baselineStart) / BASELINE_CALLS);
}

const planMedian = median(planTimes);
const estimateMedian = median(estimateTimes);
console.log(`campaign planner benchmark (Node ${process.version}, one thread)`);
console.log(
  `data: ${MEMBERS} members, ${input.listings.length.toLocaleString('en')} listings, ` +
    `${input.copies.length.toLocaleString('en')} copies, ${input.complaints.length} existing complaint listings`,
);
console.log(
  `plan: ${plan.tasks.length} tasks, ${plan.coverage.plannedListings} listings planned, ` +
    `${plan.coverage.unclaimed} unclaimed; goal ${plan.goal.points} points reached on ${plan.goal.reachedOn ?? 'never'} ` +
    `after ${plan.goal.plannedDaysToGoal} planned days (confirmed now: ${plan.currentStanding.confirmedPoints})`,
);
console.log(
  `planCampaign:     ${planMedian.toFixed(1)} ms median, ${Math.min(...planTimes).toFixed(1)} ms best of ${TIMED_RUNS} (target < 200 ms)`,
);
console.log(
  `estimateStanding: ${(estimateMedian * 1000).toFixed(0)} µs median per call over the ${events.length} existing events`,
);
console.log(`plan / one estimate: ${(planMedian / estimateMedian).toFixed(0)}× (median)`);
