import type { Marketplace } from '../domain';
import type { LadderStep, PointsByIprType, Ruleset } from './ruleset.schema';

/*
 * The default penalty models, one per marketplace (DESIGN.md §4). Every figure here is an
 * estimate of rules the marketplaces publish only in part; the source notes say which figure
 * comes from where, and the confidence level says how much to trust the whole.
 */

function samePoints(points: number): PointsByIprType {
  return { copyright: points, trademark: points, patent: points };
}

const NO_POINTS = samePoints(0);

const TERMINATION_STEP: LadderStep = {
  points: 48,
  label: 'Terminated',
  consequence: 'The seller account is closed.',
};

const ALIBABA_LADDER: LadderStep[] = [
  { points: 6, label: 'Severe warning', consequence: 'The seller receives a severe warning.' },
  {
    points: 12,
    label: 'Restricted 7 days',
    consequence: 'The seller account is restricted for 7 days.',
  },
  {
    points: 24,
    label: 'Restricted 14 days',
    consequence: 'The seller account is restricted for 14 days.',
  },
  {
    points: 36,
    label: 'Restricted 21 days',
    consequence: 'The seller account is restricted for 21 days and all its products are removed.',
  },
  TERMINATION_STEP,
];

const STRIKE_NOTE =
  'Serious infringement (counterfeit goods, proven for example by a test buy) gives strikes, not points: several established within 3 days are one strike, and 3 strikes close the account. Strikes are assumed to expire like points.';

const alibaba: Ruleset = {
  id: 'alibaba-2022-02-24@1',
  marketplace: 'alibaba',
  version: 1,
  effectiveFrom: '2022-02-24',
  confidence: 'medium',
  sourceNotes: [
    'Alibaba.com IPP rules (updated 2022-02-17, effective 2022-02-24): all general and copyright complaints established against a seller on the same day add at most 6 points in total.',
    '6 points per established general complaint is what artists report seeing; no official text we found states the per-complaint figure.',
    'Alibaba.com enforcement table: 6 points severe warning, 12 restricted 7 days, 24 restricted 14 days, 36 restricted 21 days with all products removed, 48 membership terminated.',
    'Points count for 365 days from the penalty date (rolling window).',
    STRIKE_NOTE,
    'Trademark and patent complaints are assumed to score like copyright complaints.',
  ],
  points: { general: samePoints(6), serious: NO_POINTS },
  seriousPenalty: 'strikes',
  dailyCap: 6,
  sameHolderMergeDays: null,
  strikeMergeDays: 3,
  strikesToClosure: 3,
  ladder: ALIBABA_LADDER,
  terminationPoints: 48,
  expiry: { kind: 'rolling', days: 365 },
};

const aliexpress: Ruleset = {
  id: 'aliexpress-2022-02-24@1',
  marketplace: 'aliexpress',
  version: 1,
  effectiveFrom: '2022-02-24',
  confidence: 'low',
  sourceNotes: [
    'Assumed, not sourced: 6 points per established general complaint and a 6-point same-day cap, as on Alibaba.com. AliExpress publishes its own rules and we have not confirmed these figures there.',
    'Termination at 48 points; no intermediate steps are modelled.',
    'Points count for 365 days from the penalty date (rolling window).',
    STRIKE_NOTE,
    'effectiveFrom is borrowed from the Alibaba.com rule this model copies, not an AliExpress date.',
  ],
  points: { general: samePoints(6), serious: NO_POINTS },
  seriousPenalty: 'strikes',
  dailyCap: 6,
  sameHolderMergeDays: null,
  strikeMergeDays: 3,
  strikesToClosure: 3,
  ladder: [TERMINATION_STEP],
  terminationPoints: 48,
  expiry: { kind: 'rolling', days: 365 },
};

function taobaoFamily(marketplace: 'taobao' | 'tmall', name: string): Ruleset {
  return {
    id: `${marketplace}-2022-01-01@1`,
    marketplace,
    version: 1,
    effectiveFrom: '2022-01-01',
    confidence: 'medium',
    sourceNotes: [
      `${name} rules: improper use of another's rights costs 2 points each time; complaints by the same rights holder against the same seller within 3 days count once.`,
      `${name} rules: selling counterfeits costs 48, 24 or 2 points per listing depending on how serious ${name} finds the case. Artists cannot see that assessment, so a serious complaint is counted at the lowest level (2) to avoid overstating.`,
      `${name} rules: the account is closed at 48 points of serious violations. This model keeps one ledger and measures all points against 48, which overstates the pressure of improper-use points (${name} books them as general violations).`,
      'Points reset on 31 December, except totals of 48 or more, which are kept.',
      'The 3-day merge is applied to establishment dates, which Counterpoint records; the rule may be applied to filing dates.',
      'effectiveFrom is the start of the first calendar year this model is applied to, not the date of a rule revision.',
    ],
    points: { general: samePoints(2), serious: samePoints(2) },
    seriousPenalty: 'points',
    dailyCap: null,
    sameHolderMergeDays: 3,
    strikeMergeDays: null,
    strikesToClosure: null,
    ladder: [
      {
        points: 48,
        label: 'Account closed',
        consequence: 'The seller account is closed (48 points of serious violations).',
      },
    ],
    terminationPoints: 48,
    expiry: { kind: 'calendar_year', keepAtOrAbove: 48 },
  };
}

const alibaba1688: Ruleset = {
  ...alibaba,
  id: '1688-2022-02-24@1',
  marketplace: '1688',
  confidence: 'low',
  sourceNotes: [
    'Unknown: 1688 penalty points for IPR complaints are not published in a form we found. Alibaba.com values are used instead: 6 points per established general complaint, a 6-point same-day cap, 48 points terminate.',
    'Points count for 365 days (rolling window).',
    STRIKE_NOTE,
    'effectiveFrom is borrowed from the Alibaba.com rule this model copies, not a 1688 date.',
  ],
  ladder: [TERMINATION_STEP],
};

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The default ruleset of every marketplace (frozen: derive changed copies through
 * `resolveRulesets`).
 */
export const DEFAULT_RULESETS: Readonly<Record<Marketplace, Ruleset>> = deepFreeze({
  alibaba,
  aliexpress,
  taobao: taobaoFamily('taobao', 'Taobao'),
  tmall: taobaoFamily('tmall', 'Tmall'),
  '1688': alibaba1688,
});

/** The default ruleset of a marketplace. */
export function getDefaultRuleset(marketplace: Marketplace): Ruleset {
  return DEFAULT_RULESETS[marketplace];
}
