import type { CampaignStatus, CampaignTaskStatus } from '@counterpoint/core/contracts';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted';

export const CAMPAIGN_STATUS: Record<CampaignStatus, { label: string; tone: Tone }> = {
  open: { label: 'Open', tone: 'success' },
  paused: { label: 'Paused', tone: 'warning' },
  closed: { label: 'Closed', tone: 'muted' },
};

export const TASK_STATUS: Record<CampaignTaskStatus, { label: string; tone: Tone }> = {
  planned: { label: 'To file', tone: 'info' },
  filed: { label: 'Filed', tone: 'success' },
  skipped: { label: 'Skipped', tone: 'muted' },
  cancelled: { label: 'Cancelled', tone: 'muted' },
};

export type CoverageState =
  'removed' | 'complained' | 'can_file' | 'needs_ipp_setup' | 'not_opted_in' | 'unclaimed';

/** Coverage states in the order that matters to the campaign: what can happen now first. */
export const COVERAGE_STATES: CoverageState[] = [
  'can_file',
  'needs_ipp_setup',
  'not_opted_in',
  'unclaimed',
  'complained',
  'removed',
];

export const COVERAGE_STATE: Record<
  CoverageState,
  { label: string; tone: Tone; explanation: string }
> = {
  can_file: {
    label: 'Can file',
    tone: 'success',
    explanation: 'An opted-in member with an approved IPR copies it.',
  },
  needs_ipp_setup: {
    label: 'Needs IPP set-up',
    tone: 'warning',
    explanation: 'Members copy it, but none has an approved IPR for it yet.',
  },
  not_opted_in: {
    label: 'Not opted in',
    tone: 'neutral',
    explanation: 'Only members outside the campaign could report it.',
  },
  unclaimed: {
    label: 'Unclaimed',
    tone: 'danger',
    explanation: 'No member has recorded it as a copy of their work yet.',
  },
  complained: {
    label: 'Complained',
    tone: 'info',
    explanation: 'A complaint about it is established or in progress.',
  },
  removed: {
    label: 'Removed',
    tone: 'muted',
    explanation: 'The listing is gone.',
  },
};

/** Weekdays as the API numbers them (0 = Sunday), listed Monday first like the campaign's weeks. */
export const WEEKDAYS: { value: number; label: string; short: string }[] = [
  { value: 1, label: 'Monday', short: 'Mon' },
  { value: 2, label: 'Tuesday', short: 'Tue' },
  { value: 3, label: 'Wednesday', short: 'Wed' },
  { value: 4, label: 'Thursday', short: 'Thu' },
  { value: 5, label: 'Friday', short: 'Fri' },
  { value: 6, label: 'Saturday', short: 'Sat' },
  { value: 0, label: 'Sunday', short: 'Sun' },
];

export const weekdayName = (value: number) =>
  WEEKDAYS.find((day) => day.value === value)?.label ?? String(value);
