import {
  addDays,
  estimateStanding,
  fromIsoDate,
  getDefaultRuleset,
  toIsoDate,
  type ComplaintEvent,
} from '@counterpoint/core';
import { loadWorkerConfig, startWorkerRuntime } from '@counterpoint/worker';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtistClient, itemId, storeId } from '../support/artists';
import { Stack, waitFor } from '../support/stack';

/*
 * A joint reporting campaign from start to finish on the real stack: API, worker (outbox relay,
 * BullMQ on Redis), PostgreSQL.
 *
 * The worker runs SHIFT_DAYS behind the API's clock. The plan's "today" and every planned
 * filing day are then days that have already happened for the API, so each member can record
 * their task as filed on its own planned day, as they would over the following weeks, without
 * the test waiting for those days to come.
 */
const SHIFT_DAYS = 35;
const DAY_MS = 86_400_000;
const ruleset = getDefaultRuleset('aliexpress');

const stack = new Stack();

beforeAll(async () => {
  await stack.start({ worker: false });
  stack.worker = await startWorkerRuntime(loadWorkerConfig(stack.environment), {
    // E2E_WORKER_LOG=warn shows the worker's failures when debugging.
    log: pino({ level: process.env.E2E_WORKER_LOG ?? 'silent' }),
    now: () => new Date(Date.now() - SHIFT_DAYS * DAY_MS),
  });
});
afterAll(() => stack.stop());

interface Task {
  id: string;
  status: string;
  artist: { id: string };
  fileOn: string;
  expectedEstablishedOn: string;
  listings: { id: string; canonicalUrl: string }[];
  ipr: { artworkId: string; artworkTitle: string; iprReference: string | null };
  pasteList: string;
  reasonText: string;
  complaintId: string | null;
}

interface SellerPlan {
  asOf: string;
  goal: {
    points: number;
    reachedOn: string | null;
    isReachable: boolean;
    plannedDaysToGoal: number;
  };
  currentStanding: { uncertainComplaints: number };
  projection: { tierPoints: number; date: string | null }[];
  coverage: { plannable: number; unclaimed: number };
  warnings: string[];
  shortfall: unknown;
}

interface CampaignView {
  plan: { isCurrent: boolean; sellers: SellerPlan[] } | null;
  taskCounts: Record<string, number>;
}

async function invite(
  owner: ArtistClient,
  collectiveId: string,
  member: ArtistClient,
  role: string,
) {
  const { token } = await owner.request<{ token: string }>(
    'POST',
    `/api/v1/collectives/${collectiveId}/invitations`,
    { role },
  );
  await member.request('POST', '/api/v1/invitations/accept', { token });
}

async function pendingDesign(artist: ArtistClient, title: string): Promise<string> {
  const artwork = await artist.request<{ id: string }>('POST', '/api/v1/artworks', { title });
  await artist.request('POST', `/api/v1/artworks/${artwork.id}/ipr-status`, {
    status: 'pending',
    occurredOn: '2026-01-05',
  });
  return artwork.id;
}

/** Waits until the relay and the queues are idle and the campaign's plan is current, twice in a row. */
async function settle(viewer: ArtistClient, campaignUrl: string): Promise<CampaignView> {
  const isIdle = async () => {
    const pending = await stack.db
      .selectFrom('outbox')
      .select('id')
      .where('processedAt', 'is', null)
      .execute();
    if (pending.length > 0) return false;
    for (const name of ['standings', 'campaigns']) {
      const counts = await stack
        .worker!.queues.get(name)!
        .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).some((count) => count > 0)) return false;
    }
    const campaign = await viewer.request<CampaignView>('GET', campaignUrl);
    return campaign.plan?.isCurrent ? campaign : false;
  };
  await waitFor(isIdle, 60_000, 'the campaign to be re-planned');
  await new Promise((resolve) => setTimeout(resolve, 300));
  return waitFor(isIdle, 60_000, 'the campaign to stay re-planned');
}

function plannedEvents(tasks: Task[]): ComplaintEvent[] {
  return tasks.flatMap((task) =>
    task.listings.map((listing) => ({
      id: `${task.id}:${listing.id}`,
      complaintId: task.id,
      artistId: task.artist.id,
      artworkId: task.ipr.artworkId,
      iprType: 'copyright' as const,
      severity: 'general' as const,
      status: 'removed' as const,
      filedOn: task.fileOn,
      establishedOn: task.expectedEstablishedOn,
    })),
  );
}

describe('a joint reporting campaign', () => {
  it('plans termination in the fewest distinct days, turns tasks into complaints, and re-plans after a counter-notice', async () => {
    const names = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay'];
    const [ana, ben, cleo, dev, eli, fay] = await Promise.all(
      names.map((name) => ArtistClient.register(stack.app, name)),
    );
    const byId = new Map([ana, ben, cleo, dev, eli, fay].map((artist) => [artist!.id, artist!]));
    const collective = await ana!.request<{ id: string }>('POST', '/api/v1/collectives', {
      name: 'Six Printmakers',
    });
    await invite(ana!, collective.id, ben!, 'admin');
    for (const member of [cleo, dev, eli, fay])
      await invite(ana!, collective.id, member!, 'member');

    // One store copies four of them across 40 listings; Cleo's and Dev's IPRs are still pending.
    const store = storeId();
    const items = (count: number) => Array.from({ length: count }, () => itemId());
    const koi = await ana!.approvedDesign('Koi');
    const heron = await ana!.approvedDesign('Heron');
    const fox = await ben!.approvedDesign('Fox');
    const moth = await pendingDesign(cleo!, 'Moth');
    const owl = await pendingDesign(dev!, 'Owl');
    const own = new Map<string, Set<string>>();
    const sellers = new Set<string>();
    for (const [artist, design, count] of [
      [ana, koi, 8],
      [ana, heron, 4],
      [ben, fox, 10],
      [cleo, moth, 10],
      [dev, owl, 8],
    ] as const) {
      const found = await artist!.findings(design, store, items(count));
      sellers.add(found.sellerId);
      own.set(artist!.id, new Set([...(own.get(artist!.id) ?? []), ...found.listingIds]));
    }
    expect(sellers.size).toBe(1);
    const [sellerId] = sellers;
    expect(
      await stack.db
        .selectFrom('listings')
        .select('id')
        .where('sellerId', '=', sellerId!)
        .execute(),
    ).toHaveLength(40);

    // The admin starts the campaign; every member opts in.
    const campaign = await ben!.request<{ id: string; goalPoints: number }>(
      'POST',
      `/api/v1/collectives/${collective.id}/campaigns`,
      { name: 'Stop the copy shop', sellerIds: [sellerId!] },
    );
    expect(campaign.goalPoints).toBe(48);
    const campaignUrl = `/api/v1/collectives/${collective.id}/campaigns/${campaign.id}`;
    for (const member of [ana, ben, cleo, dev, eli, fay])
      await member!.request('PUT', `${campaignUrl}/participation`, {});

    const planned = await settle(eli!, campaignUrl);
    const [plan] = planned.plan!.sellers;
    expect(plan!.asOf).toBe(toIsoDate(new Date(Date.now() - SHIFT_DAYS * DAY_MS)));
    // 6 points per distinct establishment day: 48 points need 8 complaints on 8 distinct days.
    expect(plan!.goal).toMatchObject({ points: 48, isReachable: true, plannedDaysToGoal: 8 });
    expect(plan!.shortfall).toBeNull();
    expect(plan!.coverage).toMatchObject({ plannable: 22, unclaimed: 18 });
    expect(planned.taskCounts.planned).toBe(8);

    const tasks = (
      await eli!.request<{ tasks: Task[] }>('GET', `${campaignUrl}/tasks?scope=all&status=planned`)
    ).tasks;
    expect(tasks).toHaveLength(8);
    expect(new Set(tasks.map((task) => task.expectedEstablishedOn)).size).toBe(8);
    expect(new Set(tasks.map((task) => task.fileOn)).size).toBe(8);
    for (const task of tasks) {
      // Only rights holders with an approved IPR, only for listings they saw copying their work.
      expect([ana!.id, ben!.id]).toContain(task.artist.id);
      expect(task.listings.every((listing) => own.get(task.artist.id)!.has(listing.id))).toBe(true);
      expect(task.pasteList.split('\n')).toEqual(
        task.listings.map((listing) => listing.canonicalUrl),
      );
      expect(task.reasonText).toContain(`"${task.ipr.artworkTitle}"`);
    }
    // The projected dates are the estimator's: termination on the goal day, not the day before.
    const reachedOn = plan!.goal.reachedOn!;
    const estimate = estimateStanding(plannedEvents(tasks), ruleset, fromIsoDate(reachedOn));
    expect(estimate.confirmedPoints).toBe(48);
    expect(estimate.terminationReachedOn).toBe(reachedOn);
    expect(
      estimateStanding(plannedEvents(tasks), ruleset, fromIsoDate(addDays(reachedOn, -1)))
        .confirmedPoints,
    ).toBe(42);
    expect(plan!.projection).toEqual([
      expect.objectContaining({ tierPoints: 48, date: reachedOn }),
    ]);
    const progress = await cleo!.request<{
      sellers: { projected: { date: string; points: number }[] }[];
    }>('GET', `${campaignUrl}/progress`);
    const projected = progress.sellers[0]!.projected;
    expect(projected.at(-1)).toEqual({ date: reachedOn, points: 48 });
    for (const point of projected) {
      expect(
        estimateStanding(plannedEvents(tasks), ruleset, fromIsoDate(point.date)).confirmedPoints,
      ).toBe(point.points);
    }

    // Cleo and Dev see what they must finish on IPP first.
    const coverage = await cleo!.request<{
      members: {
        artistId: string;
        awaitingSetup: number;
        artworks: { setupSteps: { key: string; state: string }[] }[];
      }[];
    }>('GET', `${campaignUrl}/coverage`);
    const cleoRow = coverage.members.find((member) => member.artistId === cleo!.id)!;
    expect(cleoRow.awaitingSetup).toBe(10);
    expect(cleoRow.artworks[0]!.setupSteps.find((step) => step.key === 'ipr_review')!.state).toBe(
      'waiting',
    );
    expect(coverage.members.find((member) => member.artistId === dev!.id)!.awaitingSetup).toBe(8);

    // Members file their tasks on their planned days; each becomes a complaint.
    const filed: Task[] = [];
    const fileNext = async () => {
      const next = (
        await eli!.request<{ tasks: Task[] }>(
          'GET',
          `${campaignUrl}/tasks?scope=all&status=planned`,
        )
      ).tasks[0];
      if (!next) return null;
      const member = byId.get(next.artist.id)!;
      const done = await member.request<Task>('POST', `${campaignUrl}/tasks/${next.id}/filed`, {
        filedOn: next.fileOn,
      });
      expect(done).toMatchObject({ status: 'filed', fileOn: next.fileOn });
      const complaint = await member.request<{
        status: string;
        filedOn: string;
        listingCount: number;
        visibility: string;
      }>('GET', `/api/v1/complaints/${done.complaintId}`);
      expect(complaint).toMatchObject({
        status: 'submitted',
        filedOn: next.fileOn,
        listingCount: next.listings.length,
        visibility: 'collective',
      });
      filed.push(done);
      return settle(eli!, campaignUrl);
    };
    for (let index = 0; index < 4; index += 1) {
      const after = await fileNext();
      // Following the plan keeps its goal day.
      expect(after!.plan!.sellers[0]!.goal.reachedOn).toBe(reachedOn);
    }
    const before = await settle(eli!, campaignUrl);
    expect(before.taskCounts).toMatchObject({ planned: 4, filed: 4 });

    // The seller counter-notices the first complaint: the worker plans a compensating task.
    const countered = filed[0]!;
    await byId
      .get(countered.artist.id)!
      .status(countered.complaintId!, 'counter_notice', addDays(countered.fileOn, 1));
    await waitFor(
      async () => {
        const view = await eli!.request<CampaignView>('GET', campaignUrl);
        return view.plan?.sellers[0]?.currentStanding.uncertainComplaints === 1 ? view : null;
      },
      60_000,
      'the re-plan after the counter-notice',
    );
    const replanned = await settle(eli!, campaignUrl);
    const afterCounter = replanned.plan!.sellers[0]!;
    expect(afterCounter.warnings.join(' ')).toContain('counter-noticed');
    expect(afterCounter.goal.isReachable).toBe(true);
    const compensated =
      replanned.taskCounts.planned! > before.taskCounts.planned! ||
      afterCounter.goal.reachedOn! > reachedOn;
    expect(compensated).toBe(true);
    expect(replanned.taskCounts.planned).toBe(before.taskCounts.planned! + 1);

    // The members file everything that is left; the goal is then projected from complaints alone.
    while ((await fileNext()) !== null) {
      // filed one more
    }
    const finished = await settle(eli!, campaignUrl);
    expect(finished.taskCounts).toMatchObject({ planned: 0, filed: filed.length });
    expect(filed).toHaveLength(9);
    const complaints = await stack.db
      .selectFrom('campaignTasks')
      .innerJoin('complaints', 'complaints.id', 'campaignTasks.complaintId')
      .select(['complaints.id', 'complaints.artistId', 'complaints.filedOn'])
      .where('campaignTasks.campaignId', '=', campaign.id)
      .execute();
    expect(complaints).toHaveLength(9);
    expect(complaints.every((row) => row.artistId === ana!.id || row.artistId === ben!.id)).toBe(
      true,
    );
    expect(finished.plan!.sellers[0]!.goal).toMatchObject({
      isReachable: true,
      reachedOn,
      plannedDaysToGoal: 0,
    });
  });
});
