import { z } from 'zod';

import { isIsoDate } from '../dates';
import { MARKETPLACES } from '../domain';
import type { IprType, IsoDate, Marketplace, Severity } from '../domain';

/** How sure we are that a ruleset matches what the marketplace really does. */
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/**
 * How serious-infringement complaints (counterfeit goods, proven by a test buy) are penalised:
 * as strikes counted towards `strikesToClosure` (Alibaba.com, AliExpress, 1688) or as points
 * on the same ledger as general complaints (Taobao, Tmall).
 */
export const SERIOUS_PENALTIES = ['strikes', 'points'] as const;
export type SeriousPenalty = (typeof SERIOUS_PENALTIES)[number];

/** Points per established complaint, by the IPR type the complaint was filed under. */
export type PointsByIprType = Record<IprType, number>;

/** One step of a marketplace's enforcement ladder. */
export interface LadderStep {
  /** Points at which the step is reached. */
  points: number;
  /** Short label, e.g. "Restricted 7 days". */
  label: string;
  /** What happens to the seller, in a sentence. */
  consequence: string;
}

/**
 * How long points count:
 * - `rolling`: each penalty drops out `days` days after its date;
 * - `calendar_year`: everything resets on 1 January, except that a total at or above
 *   `keepAtOrAbove` at the end of the year is kept (Taobao/Tmall).
 */
export type PointsExpiry =
  { kind: 'rolling'; days: number } | { kind: 'calendar_year'; keepAtOrAbove: number | null };

/**
 * A marketplace's penalty model as data. The estimator has no per-marketplace code paths:
 * every difference between marketplaces is a value here.
 */
export interface Ruleset {
  /** Unique id shown with every standing, e.g. `alibaba-2022-02-24@1`. */
  id: string;
  marketplace: Marketplace;
  /** Increases whenever the values change. */
  version: number;
  /** Date of the marketplace rule this models (or from which we apply it). */
  effectiveFrom: IsoDate;
  confidence: Confidence;
  /** Short notes on which source says what, including what is assumed. */
  sourceNotes: string[];
  /** Points per established complaint by severity and IPR type. `serious` is used only
   * when `seriousPenalty` is `points`. */
  points: Record<Severity, PointsByIprType>;
  seriousPenalty: SeriousPenalty;
  /** Most points general complaints can add against one seller on one calendar day. */
  dailyCap: number | null;
  /** General complaints by the same rights holder within this many days count once. */
  sameHolderMergeDays: number | null;
  /** Serious complaints within this many days are one strike. */
  strikeMergeDays: number | null;
  /** Strikes at which the account is closed; null when strikes never close it. */
  strikesToClosure: number | null;
  /** Enforcement steps, ascending by points; the last one is at `terminationPoints`. */
  ladder: LadderStep[];
  /** Points at which the account is terminated. */
  terminationPoints: number;
  expiry: PointsExpiry;
}

export const rulesetIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/, 'Use letters, digits and . _ @ + - only');

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Expected a calendar date written YYYY-MM-DD' });

const pointsSchema = z.int().min(0).max(10_000);
const positiveCountSchema = z.int().min(1).max(10_000);

export const pointsByIprTypeSchema = z.strictObject({
  copyright: pointsSchema,
  trademark: pointsSchema,
  patent: pointsSchema,
});

export const ladderStepSchema = z.strictObject({
  points: positiveCountSchema,
  label: z.string().min(1).max(100),
  consequence: z.string().min(1).max(300),
});

export const pointsExpirySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rolling'), days: positiveCountSchema }),
  z.strictObject({
    kind: z.literal('calendar_year'),
    keepAtOrAbove: positiveCountSchema.nullable(),
  }),
]);

/** Field schemas shared with the overrides schema, which makes each of them optional. */
export const rulesetFieldSchemas = {
  id: rulesetIdSchema,
  version: z.int().min(1),
  effectiveFrom: isoDateSchema,
  confidence: z.enum(CONFIDENCE_LEVELS),
  sourceNotes: z.array(z.string().min(1).max(500)).max(50),
  seriousPenalty: z.enum(SERIOUS_PENALTIES),
  dailyCap: positiveCountSchema.nullable(),
  sameHolderMergeDays: positiveCountSchema.nullable(),
  strikeMergeDays: positiveCountSchema.nullable(),
  strikesToClosure: positiveCountSchema.nullable(),
  ladder: z.array(ladderStepSchema).min(1).max(50),
  terminationPoints: positiveCountSchema,
  expiry: pointsExpirySchema,
};

/** Validates a complete ruleset, including the consistency of its ladder. */
export const rulesetSchema: z.ZodType<Ruleset> = z
  .strictObject({
    ...rulesetFieldSchemas,
    marketplace: z.enum(MARKETPLACES),
    points: z.strictObject({ general: pointsByIprTypeSchema, serious: pointsByIprTypeSchema }),
  })
  .superRefine((ruleset, context) => {
    ruleset.ladder.forEach((step, index) => {
      const previous = index > 0 ? ruleset.ladder[index - 1] : undefined;
      if (previous && step.points <= previous.points) {
        context.addIssue({
          code: 'custom',
          path: ['ladder', index, 'points'],
          message: `Ladder steps must ascend: ${step.points} follows ${previous.points}`,
        });
      }
    });
    const last = ruleset.ladder[ruleset.ladder.length - 1];
    if (last && last.points !== ruleset.terminationPoints) {
      context.addIssue({
        code: 'custom',
        path: ['ladder'],
        message: `The last ladder step must be at terminationPoints (${ruleset.terminationPoints}), not ${last.points}`,
      });
    }
  });
