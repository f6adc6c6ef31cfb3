import { z } from 'zod';

import { MARKETPLACES } from '../domain';
import type { Marketplace } from '../domain';
import { DEFAULT_RULESETS } from './default-rulesets';
import { pointsByIprTypeSchema, rulesetFieldSchemas, rulesetSchema } from './ruleset.schema';
import type { Ruleset } from './ruleset.schema';

/**
 * A deployment's changes to one marketplace's ruleset. Every field is optional; `points` is
 * merged field by field, every other field (arrays and `expiry` included) replaces the default.
 * The marketplace comes from the key the patch sits under and cannot be changed.
 */
export const rulesetPatchSchema = z
  .strictObject({
    ...rulesetFieldSchemas,
    points: z.strictObject({
      general: pointsByIprTypeSchema.partial().optional(),
      serious: pointsByIprTypeSchema.partial().optional(),
    }),
  })
  .partial();

export type RulesetPatch = z.infer<typeof rulesetPatchSchema>;

/**
 * Deployment-supplied overrides, keyed by marketplace, e.g.
 * `{ "alibaba": { "points": { "general": { "copyright": 3 } } } }`.
 */
export const rulesetOverridesSchema = z.partialRecord(z.enum(MARKETPLACES), rulesetPatchSchema);

export type RulesetOverrides = z.infer<typeof rulesetOverridesSchema>;

/** Outcome of {@link resolveRulesets}: the rulesets to use, or every problem found. */
export type ResolveRulesetsResult =
  { ok: true; rulesets: Record<Marketplace, Ruleset> } | { ok: false; issues: string[] };

const OVERRIDE_SUFFIX = '+override';

function formatIssue(prefix: readonly PropertyKey[], issue: z.core.$ZodIssue): string {
  const path = [...prefix, ...issue.path].map(String).join('.');
  if (path === '' && issue.code === 'unrecognized_keys') {
    return `${issue.keys.join(', ')}: not a marketplace (expected ${MARKETPLACES.join(', ')})`;
  }
  return `${path === '' ? '(root)' : path}: ${issue.message}`;
}

function idStem(id: string): string {
  const at = id.indexOf('@');
  return at === -1 ? id : id.slice(0, at);
}

function changedFields(patch: RulesetPatch): string[] {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'points' && patch.points) {
      for (const [severity, byType] of Object.entries(patch.points)) {
        for (const type of Object.keys(byType ?? {})) fields.push(`points.${severity}.${type}`);
      }
    } else {
      fields.push(key);
    }
  }
  return fields;
}

/**
 * Applies a patch to a ruleset without validating the result. When the patch gives no `id`,
 * the id becomes `<stem>@<version>+override`, so a standing computed with overridden values can
 * never pass for one computed with the defaults. A note listing the changed fields is appended
 * to the source notes.
 */
export function applyRulesetPatch(base: Ruleset, patch: RulesetPatch): Ruleset {
  const fields = changedFields(patch);
  if (fields.length === 0) return base;
  const version = patch.version ?? base.version;
  const id = patch.id ?? `${idStem(base.id)}@${version}${OVERRIDE_SUFFIX}`;
  return {
    ...base,
    ...patch,
    id,
    version,
    marketplace: base.marketplace,
    points: {
      general: { ...base.points.general, ...patch.points?.general },
      serious: { ...base.points.serious, ...patch.points?.serious },
    },
    sourceNotes: [
      ...(patch.sourceNotes ?? base.sourceNotes),
      `Overridden by deployment configuration (base ${base.id}): ${fields.join(', ')}.`,
    ],
  };
}

function parseJsonInput(
  input: string,
): { ok: true; value: unknown } | { ok: false; issue: string } {
  if (input.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(input) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issue: `(root): Overrides are not valid JSON (${reason})` };
  }
}

/**
 * Validates deployment overrides (an object, a JSON string, or nothing) and merges them into
 * the default rulesets. Each merged ruleset is validated as a whole, so a patch that breaks
 * a cross-field rule (e.g. a ladder not ending at `terminationPoints`) is reported too. Issues
 * read `<marketplace>.<field path>: <message>`.
 */
export function resolveRulesets(overrides?: unknown): ResolveRulesetsResult {
  let input = overrides;
  if (typeof input === 'string') {
    const parsed = parseJsonInput(input);
    if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
    input = parsed.value;
  }
  if (input === undefined || input === null) return { ok: true, rulesets: { ...DEFAULT_RULESETS } };

  const parsed = rulesetOverridesSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => formatIssue([], issue)) };
  }

  const issues: string[] = [];
  const defaultIds = new Set(Object.values(DEFAULT_RULESETS).map((ruleset) => ruleset.id));
  const rulesets = { ...DEFAULT_RULESETS };
  for (const marketplace of MARKETPLACES) {
    const patch = parsed.data[marketplace];
    if (!patch) continue;
    if (patch.id !== undefined && defaultIds.has(patch.id)) {
      issues.push(
        `${marketplace}.id: "${patch.id}" is a default ruleset id; an override needs its own id so that standings computed with it can be told apart`,
      );
      continue;
    }
    const merged = rulesetSchema.safeParse(applyRulesetPatch(DEFAULT_RULESETS[marketplace], patch));
    if (merged.success) rulesets[marketplace] = merged.data;
    else issues.push(...merged.error.issues.map((issue) => formatIssue([marketplace], issue)));
  }

  const seen = new Map<string, Marketplace>();
  for (const marketplace of MARKETPLACES) {
    const { id } = rulesets[marketplace];
    const other = seen.get(id);
    if (other) issues.push(`${marketplace}.id: "${id}" is already the id of the ${other} ruleset`);
    seen.set(id, marketplace);
  }

  return issues.length > 0 ? { ok: false, issues } : { ok: true, rulesets };
}
