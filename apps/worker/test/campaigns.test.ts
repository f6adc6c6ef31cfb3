import { addDays, estimateStanding, formatDayForPeople, fromIsoDate, getDefaultRuleset } from '@counterpoint/core';
import type { ComplaintEvent } from '@counterpoint/core';
import { storedCampaignPlanSchema } from '@counterpoint/core/contracts';
import { createKysely, createPool, type Db } from '@counterpoint/db';
import { createTestDatabase, type TestDatabase } from '@counterpoint/db/testing';
import type { Job } from 'bullmq';
import pino from 'pino';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCampaignsToReplan } from '../src/campaigns/campaign-sweep';
import { replanCampaign } from '../src/campaigns/replan-campaign';
import { loadWorkerConfig } from '../src/config';
import { deliverRemindersJob } from '../src/jobs/deliver-reminders.job';
import type { JobContext } from '../src/jobs/job-definition';
import { replanCampaignJob } from '../src/jobs/replan-campaign.job';
import { routeOutboxMessages } from '../src/relay/outbox-routes';
import { recomputeStandings } from '../src/standings/compute-standings';
import { loadRulesets } from '../src/standings/rulesets';
import { World } from './world';

let database: TestDatabase;
let pool: pg.Pool;
let db: Db;
let world: World;
const rulesets = loadRulesets(null);
const log = pino({ level: 'silent' });
/** A Monday. */
const NOW = new Date('2026-03-02T09:00:00Z');
const at = (day: string) => new Date(`${day}T09:00:00Z`);

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url, { max: 4 });
  db = createKysely(pool);
  world = new World(db);
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

async function artwork(
  artistId: string,
  title: string,
  iprStatus: 'approved' | 'pending' = 'approved',
) {
  const row = await db
    .insertInto('artworks')
    .values({
      artistId,
      title,
      iprStatus,
      ippIprReference: iprStatus === 'approved' ? `IPR-${title}` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** `count` listings of the seller, each sighted by the artist as a copy of the artwork (shared). */
async function copies(artistId: string, artworkId: string, sellerId: string, count: number) {
  const listingIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const listingId = await world.listing(sellerId);
    await db
      .insertInto('sightings')
      .values({ artistId, artworkId, listingId, foundOn: '2026-02-01', visibility: 'collective' })
      .execute();
    listingIds.push(listingId);
  }
  return listingIds;
}

/**
 * The acceptance scenario in the database: six members, a seller copying four of them across
 * 40 listings, two of those four with their IPR still pending; everyone opted in.
 */
async function acceptanceCampaign(options: { maxPerWeek?: number | null } = {}) {
  const names = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay'];
  const ids = await Promise.all(names.map((name) => world.artist(name)));
  const [ana, ben, cleo, dev] = ids as [string, string, string, string];
  const collective = await db
    .insertInto('collectives')
    .values({ name: 'Six', createdBy: ana })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values(
      ids.map((artistId, index) => ({
        collectiveId: collective.id,
        artistId,
        role: index === 0 ? ('owner' as const) : ('member' as const),
      })),
    )
    .execute();
  const sellerId = await world.seller();
  await copies(ana, await artwork(ana, 'Koi'), sellerId, 8);
  await copies(ana, await artwork(ana, 'Heron'), sellerId, 4);
  await copies(ben, await artwork(ben, 'Fox'), sellerId, 10);
  await copies(cleo, await artwork(cleo, 'Moth', 'pending'), sellerId, 10);
  await copies(dev, await artwork(dev, 'Owl', 'pending'), sellerId, 8);
  const campaign = await db
    .insertInto('campaigns')
    .values({ collectiveId: collective.id, name: 'Acceptance', createdBy: ana })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('campaignSellers').values({ campaignId: campaign.id, sellerId }).execute();
  await db
    .insertInto('campaignParticipants')
    .values(
      ids.map((artistId) => ({
        campaignId: campaign.id,
        artistId,
        maxPerWeek: options.maxPerWeek ?? null,
      })),
    )
    .execute();
  return { campaignId: campaign.id, collectiveId: collective.id, sellerId, ana, ben, cleo, dev };
}

function tasksOf(campaignId: string) {
  return db
    .selectFrom('campaignTasks')
    .select([
      'id',
      'taskKey',
      'artistId',
      'artworkId',
      'status',
      'plannedOn',
      'expectedEstablishedOn',
      'listingIds',
      'updatedAt',
      'complaintId',
    ])
    .where('campaignId', '=', campaignId)
    .orderBy('plannedOn')
    .orderBy('taskKey')
    .execute();
}

function openRemindersOf(campaignId: string) {
  return db
    .selectFrom('reminders')
    .innerJoin('campaignTasks', 'campaignTasks.id', 'reminders.campaignTaskId')
    .select([
      'reminders.campaignTaskId',
      'reminders.dueOn',
      'reminders.notifiedAt',
      'reminders.artistId',
    ])
    .where('campaignTasks.campaignId', '=', campaignId)
    .where('reminders.doneAt', 'is', null)
    .execute();
}

async function storedPlan(campaignId: string) {
  const row = await db
    .selectFrom('campaigns')
    .select(['plan', 'planVersion', 'inputsVersion', 'planAsOf'])
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return { ...row, plan: storedCampaignPlanSchema.parse(row.plan) };
}

/** Records a planned task as filed on its day, with its complaint, as the API does. */
async function fileTask(
  task: {
    id: string;
    artistId: string;
    artworkId: string;
    listingIds: string[];
    plannedOn: string;
  },
  sellerId: string,
) {
  const complaint = await db
    .insertInto('complaints')
    .values({
      artistId: task.artistId,
      artworkId: task.artworkId,
      marketplace: 'aliexpress',
      filedOn: task.plannedOn,
      reason: 'copy',
      visibility: 'collective',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('complaintListings')
    .values(
      task.listingIds.map((listingId) => ({
        complaintId: complaint.id,
        listingId,
        sellerId,
        status: 'submitted' as const,
        statusOn: task.plannedOn,
      })),
    )
    .execute();
  await db
    .updateTable('campaignTasks')
    .set({ status: 'filed', complaintId: complaint.id, filedOn: task.plannedOn })
    .where('id', '=', task.id)
    .execute();
  return complaint.id;
}

describe('re-planning a campaign', () => {
  it('plans termination on 8 distinct days, with one reminder per task, dated as estimateStanding says', async () => {
    const scenario = await acceptanceCampaign();
    const result = await replanCampaign(db, rulesets, scenario.campaignId, NOW);
    expect(result.outcome).toBe('planned');
    expect(result.tasks).toEqual({ created: 8, updated: 0, cancelled: 0, unchanged: 0, kept: 0 });

    const tasks = await tasksOf(scenario.campaignId);
    expect(tasks).toHaveLength(8);
    expect(new Set(tasks.map((task) => task.expectedEstablishedOn)).size).toBe(8);
    expect(new Set(tasks.map((task) => task.artistId))).toEqual(
      new Set([scenario.ana, scenario.ben]),
    );
    expect(tasks.every((task) => task.status === 'planned' && task.plannedOn >= '2026-03-02')).toBe(
      true,
    );
    const reminders = await openRemindersOf(scenario.campaignId);
    expect(
      reminders
        .map((reminder) => [reminder.campaignTaskId, reminder.dueOn, reminder.artistId])
        .sort(),
    ).toEqual(tasks.map((task) => [task.id, task.plannedOn, task.artistId]).sort());

    const stored = await storedPlan(scenario.campaignId);
    expect(stored.planVersion).toBe(stored.inputsVersion);
    expect(stored.planAsOf).toBe('2026-03-02');
    const [sellerPlan] = stored.plan.sellers;
    // Filing from Monday 2 March with a 3-business-day lag: the 8th establishment day is 16 March.
    expect(sellerPlan!.plan.goal).toEqual({
      points: 48,
      reachedOn: '2026-03-16',
      isReachable: true,
      plannedDaysToGoal: 8,
    });
    expect(sellerPlan!.plan.coverage).toMatchObject({
      listingsTotal: 40,
      plannable: 22,
      unclaimed: 18,
    });
    // The projected line and the goal day are what the estimator reports for the planned removals.
    const events: ComplaintEvent[] = tasks.flatMap((task) =>
      task.listingIds.map((listingId) => ({
        id: `${task.taskKey}:${listingId}`,
        complaintId: task.taskKey,
        artistId: task.artistId,
        artworkId: task.artworkId,
        iprType: 'copyright' as const,
        severity: 'general' as const,
        status: 'removed' as const,
        filedOn: task.plannedOn,
        establishedOn: task.expectedEstablishedOn,
      })),
    );
    const ruleset = getDefaultRuleset('aliexpress');
    for (const point of sellerPlan!.projectedPoints) {
      expect(
        estimateStanding(events, ruleset, fromIsoDate(point.date)).confirmedPoints,
        point.date,
      ).toBe(point.points);
    }
    expect(sellerPlan!.projectedPoints.at(-1)).toEqual({ date: '2026-03-16', points: 48 });
    const dayBefore = estimateStanding(events, ruleset, fromIsoDate(addDays('2026-03-16', -1)));
    expect(dayBefore.confirmedPoints).toBe(42);
    expect(estimateStanding(events, ruleset, fromIsoDate('2026-03-16')).terminationReachedOn).toBe(
      '2026-03-16',
    );
  });

  it('is idempotent: a second run leaves every task and reminder as it was', async () => {
    const scenario = await acceptanceCampaign();
    await replanCampaign(db, rulesets, scenario.campaignId, NOW);
    const before = await tasksOf(scenario.campaignId);
    const remindersBefore = await openRemindersOf(scenario.campaignId);
    const again = await replanCampaign(db, rulesets, scenario.campaignId, NOW);
    expect(again.tasks).toEqual({ created: 0, updated: 0, cancelled: 0, unchanged: 8, kept: 0 });
    expect(await tasksOf(scenario.campaignId)).toEqual(before);
    expect(await openRemindersOf(scenario.campaignId)).toEqual(remindersBefore);
  });

  it('moves overdue tasks forward under the same key instead of dropping them', async () => {
    const scenario = await acceptanceCampaign();
    await replanCampaign(db, rulesets, scenario.campaignId, NOW);
    const before = await tasksOf(scenario.campaignId);
    const later = '2026-03-05';
    const overdue = before.filter((task) => task.plannedOn < later);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    await db
      .updateTable('reminders')
      .set({ notifiedAt: NOW })
      .where(
        'campaignTaskId',
        'in',
        overdue.map((task) => task.id),
      )
      .execute();

    const result = await replanCampaign(db, rulesets, scenario.campaignId, at(later));
    expect(result.tasks!.cancelled).toBe(0);
    const after = await tasksOf(scenario.campaignId);
    expect(after.map((task) => task.id).sort()).toEqual(before.map((task) => task.id).sort());
    expect(after.every((task) => task.status === 'planned' && task.plannedOn >= later)).toBe(true);
    expect(new Set(after.map((task) => task.expectedEstablishedOn)).size).toBe(8);
    for (const task of overdue) {
      const moved = after.find((candidate) => candidate.id === task.id)!;
      expect(moved.taskKey).toBe(task.taskKey);
      expect(moved.plannedOn >= later).toBe(true);
    }
    // Their reminders moved too, to be delivered again on the new day.
    const reminders = await openRemindersOf(scenario.campaignId);
    for (const task of after) {
      const reminder = reminders.find((entry) => entry.campaignTaskId === task.id)!;
      expect(reminder.dueOn).toBe(task.plannedOn);
      if (overdue.some((entry) => entry.id === task.id)) expect(reminder.notifiedAt).toBeNull();
    }
    expect(
      (await storedPlan(scenario.campaignId)).plan.sellers[0]!.plan.goal.reachedOn! > '2026-03-16',
    ).toBe(true);
  });

  it('keeps filed and skipped tasks, plans around them, and cancels everything when closed', async () => {
    const scenario = await acceptanceCampaign();
    await replanCampaign(db, rulesets, scenario.campaignId, NOW);
    const [first, second] = await tasksOf(scenario.campaignId);
    await fileTask(first!, scenario.sellerId);
    await db
      .updateTable('campaignTasks')
      .set({ status: 'skipped', skipReason: 'Not this one' })
      .where('id', '=', second!.id)
      .execute();

    const result = await replanCampaign(db, rulesets, scenario.campaignId, NOW);
    expect(result.outcome).toBe('planned');
    const tasks = await tasksOf(scenario.campaignId);
    expect(tasks.find((task) => task.id === first!.id)).toMatchObject({
      status: 'filed',
      plannedOn: first!.plannedOn,
    });
    expect(tasks.find((task) => task.id === second!.id)).toMatchObject({ status: 'skipped' });
    const planned = tasks.filter((task) => task.status === 'planned');
    // The skipped listings are not given to the same member with the same artwork again.
    const skippedListings = new Set(second!.listingIds);
    expect(
      planned.some(
        (task) =>
          task.artistId === second!.artistId &&
          task.artworkId === second!.artworkId &&
          task.listingIds.some((id) => skippedListings.has(id)),
      ),
    ).toBe(false);
    // The filed complaint is expected on its own day: no planned task shares it.
    expect(planned.map((task) => task.expectedEstablishedOn)).not.toContain(
      first!.expectedEstablishedOn,
    );
    const stored = await storedPlan(scenario.campaignId);
    expect(stored.plan.warnings.join(' ')).toContain('skipped by their member');
    expect(stored.plan.sellers[0]!.plan.goal).toMatchObject({
      isReachable: true,
      plannedDaysToGoal: 7,
    });

    await db
      .updateTable('campaigns')
      .set({ status: 'closed' })
      .where('id', '=', scenario.campaignId)
      .execute();
    const closed = await replanCampaign(db, rulesets, scenario.campaignId, NOW);
    expect(closed.outcome).toBe('closed');
    const statuses = (await tasksOf(scenario.campaignId)).map((task) => task.status);
    expect(statuses.filter((status) => status === 'planned')).toEqual([]);
    expect(statuses.filter((status) => status === 'filed')).toHaveLength(1);
    expect(await openRemindersOf(scenario.campaignId)).toEqual([]);
  });

  it("keeps to each member's weekly limit across several target stores", async () => {
    const ana = await world.artist('Ana');
    const collective = await db
      .insertInto('collectives')
      .values({ name: 'Solo', createdBy: ana })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ collectiveId: collective.id, artistId: ana, role: 'owner' })
      .execute();
    const koi = await artwork(ana, 'Koi');
    const sellers = [await world.seller(), await world.seller()];
    for (const sellerId of sellers) await copies(ana, koi, sellerId, 4);
    const campaign = await db
      .insertInto('campaigns')
      .values({ collectiveId: collective.id, name: 'One operator', createdBy: ana })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('campaignSellers')
      .values(sellers.map((sellerId) => ({ campaignId: campaign.id, sellerId })))
      .execute();
    await db
      .insertInto('campaignParticipants')
      .values({ campaignId: campaign.id, artistId: ana, maxPerWeek: 2 })
      .execute();

    await replanCampaign(db, rulesets, campaign.id, NOW);
    const tasks = await db
      .selectFrom('campaignTasks')
      .select(['plannedOn', 'sellerId'])
      .where('campaignId', '=', campaign.id)
      .execute();
    expect(new Set(tasks.map((task) => task.sellerId))).toEqual(new Set(sellers));
    const perWeek = new Map<number, number>();
    for (const task of tasks) {
      const week = Math.floor((fromIsoDate(task.plannedOn).getTime() / 86_400_000 - 4) / 7);
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
    expect(Math.max(...perWeek.values())).toBeLessThanOrEqual(2);
    expect(tasks.length).toBe(8);
  });
});

describe('around the re-planning job', () => {
  it('routes campaign.inputs_changed to one job per campaign per outbox batch', () => {
    const [a, b] = ['7c9e6679-7425-40de-944b-e07fc1f90ae7', '9b2f3c1e-5d4a-4b8e-9f6a-1c2d3e4f5a6b'];
    const jobs = routeOutboxMessages(
      [
        { id: 40, topic: 'campaign.inputs_changed', payload: { campaignIds: [b, a] } },
        { id: 41, topic: 'campaign.inputs_changed', payload: { campaignIds: [a] } },
      ],
      log,
    );
    const replans = jobs.filter((job) => job.definition === replanCampaignJob);
    expect(replans.map((job) => job.payload)).toEqual([
      { campaignId: a, trigger: 'outbox-41' },
      { campaignId: b, trigger: 'outbox-41' },
    ]);
    expect(replanCampaignJob.jobId!({ campaignId: a, trigger: 'outbox-41' })).toBe(
      `campaign:${a}:outbox-41`,
    );
    expect(replanCampaignJob.payload.safeParse({ campaignId: a, trigger: 'a:b' }).success).toBe(
      false,
    );
  });

  it('finds campaigns whose plan is missing, from an earlier day, or older than their inputs', async () => {
    const scenario = await acceptanceCampaign();
    const due = async (day: string) =>
      (await findCampaignsToReplan(db, day, 10_000)).map((row) => row.id);
    expect(await due('2026-03-02')).toContain(scenario.campaignId);
    await replanCampaign(db, rulesets, scenario.campaignId, NOW);
    expect(await due('2026-03-02')).not.toContain(scenario.campaignId);
    expect(await due('2026-03-03')).toContain(scenario.campaignId);
    await db
      .updateTable('campaigns')
      .set((eb) => ({ inputsVersion: eb('inputsVersion', '+', 1) }))
      .where('id', '=', scenario.campaignId)
      .execute();
    expect(await due('2026-03-02')).toContain(scenario.campaignId);
    await db
      .updateTable('campaigns')
      .set({ status: 'closed' })
      .where('id', '=', scenario.campaignId)
      .execute();
    expect(await due('2026-03-03')).not.toContain(scenario.campaignId);
  });

  it('delivers a campaign task reminder as a notification on its day', async () => {
    const scenario = await acceptanceCampaign();
    await replanCampaign(db, rulesets, scenario.campaignId, NOW);
    const [first] = await tasksOf(scenario.campaignId);
    const context = {
      db,
      config: loadWorkerConfig({ DATABASE_URL: database.url }),
      rulesets,
      log,
      now: () => NOW,
      enqueue: () => Promise.resolve(),
    } satisfies JobContext;
    await deliverRemindersJob.handle({}, context, {} as Job);
    const notification = await db
      .selectFrom('notifications')
      .select(['kind', 'title', 'body', 'link'])
      .where('artistId', '=', first!.artistId)
      .where('kind', '=', 'reminder.campaign_task')
      .executeTakeFirstOrThrow();
    expect(notification).toEqual({
      kind: 'reminder.campaign_task',
      title: 'A campaign task is due',
      // The day as people write it, not as a database stores it.
      body: `Due ${formatDayForPeople(first!.plannedOn)}.`,
      link: `/campaigns/tasks/${first!.id}`,
    });
    expect(notification.body).toMatch(/^Due [A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}\.$/);
  });

  it('tells the members of open campaigns against a seller when it crosses a tier, as a milestone', async () => {
    const scenario = await acceptanceCampaign();
    // Another artist's complaint, established: the seller reaches 6 points (AliExpress has one step, 48).
    await db
      .updateTable('campaigns')
      .set({ goalPoints: 6 })
      .where('id', '=', scenario.campaignId)
      .execute();
    const warnedAtSix = {
      ...getDefaultRuleset('aliexpress'),
      ladder: [
        { points: 6, label: 'Warned', consequence: 'x' },
        ...getDefaultRuleset('aliexpress').ladder,
      ],
    };
    const custom = new Map(rulesets);
    custom.set('aliexpress', warnedAtSix);
    const outsider = await world.artist('Out');
    await world.complaint({
      artistId: outsider,
      artworkId: await world.artwork(outsider),
      sellerId: scenario.sellerId,
      status: 'removed',
      filedOn: '2026-02-20',
      establishedOn: addDays('2026-02-20', 3),
    });
    const result = await recomputeStandings(db, custom, [scenario.sellerId], NOW);
    expect(result.tierCrossings).toHaveLength(1);
    const milestones = await db
      .selectFrom('notifications')
      .select(['artistId', 'title', 'link'])
      .where('kind', '=', 'campaign_milestone')
      .where('link', 'like', `%${scenario.campaignId}`)
      .execute();
    expect(milestones).toHaveLength(6);
    expect(milestones[0]!.title).toMatch(
      /^Acceptance: .* reached "Warned" \(estimate\) — goal reached$/,
    );
    const tierNotice = await db
      .selectFrom('notifications')
      .select('artistId')
      .where('kind', '=', 'seller_tier')
      .where('link', '=', `/sellers/${scenario.sellerId}`)
      .execute();
    expect(tierNotice.map((row) => row.artistId)).toEqual([outsider]);
  });
});
