import {
  participationBodySchema,
  type CampaignParticipant,
  type ParticipationBody,
} from '@counterpoint/core/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { formatDate, todayIso } from '../../../lib/format';
import { WEEKDAYS } from './campaign-labels';
import styles from './campaigns.module.css';

interface ParticipationFormProps {
  /** My current constraints when I already take part. */
  initial?: CampaignParticipant | null;
  submitLabel: string;
  isPending?: boolean;
  /** The API's answer to the last attempt, if it failed. */
  error?: string | null;
  onSubmit: (body: ParticipationBody) => void;
  onCancel?: () => void;
}

type Errors = Partial<Record<'weekdays' | 'dateToAdd' | 'maxPerWeek', string>>;

/**
 * Opting in, with the member's constraints: weekdays they cannot file on, specific days, and
 * the most complaints they will file in a Monday–Sunday week. Checked here the way the API
 * checks them, so the member hears about a mistake before sending.
 */
export function ParticipationForm({
  initial,
  submitLabel,
  isPending = false,
  error,
  onSubmit,
  onCancel,
}: ParticipationFormProps) {
  const id = useId();
  const [weekdays, setWeekdays] = useState<number[]>(initial?.unavailableWeekdays ?? []);
  const [dates, setDates] = useState<string[]>(initial?.unavailableDates ?? []);
  const [dateToAdd, setDateToAdd] = useState('');
  const [maxPerWeek, setMaxPerWeek] = useState(
    initial?.maxPerWeek === null || initial?.maxPerWeek === undefined
      ? ''
      : String(initial.maxPerWeek),
  );
  const [errors, setErrors] = useState<Errors>({});
  const today = todayIso();

  const toggleWeekday = (value: number, isChecked: boolean) => {
    setWeekdays((days) => (isChecked ? [...days, value] : days.filter((day) => day !== value)));
    setErrors((previous) => ({ ...previous, weekdays: undefined }));
  };

  const addDate = () => {
    let message: string | undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateToAdd)) message = 'Choose a day first.';
    else if (dateToAdd < today) message = 'That day has passed: the plan only looks ahead.';
    else if (dates.includes(dateToAdd))
      message = `${formatDate(dateToAdd)} is already in the list.`;
    setErrors((previous) => ({ ...previous, dateToAdd: message }));
    if (message) return;
    setDates((previous) => [...previous, dateToAdd].sort());
    setDateToAdd('');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextErrors: Errors = {};
    if (weekdays.length === 7) {
      nextErrors.weekdays =
        'Leave at least one weekday open: with every weekday unavailable you could never file.';
    }
    const trimmed = maxPerWeek.trim();
    const max = trimmed === '' ? null : Number(trimmed);
    if (max !== null && (!Number.isInteger(max) || max < 1 || max > 50)) {
      nextErrors.maxPerWeek = 'Give a whole number from 1 to 50, or leave it empty for no limit.';
    }
    const parsed = participationBodySchema.safeParse({
      unavailableWeekdays: [...weekdays].sort((a, b) => a - b),
      unavailableDates: dates,
      maxPerWeek: max,
    });
    if (!parsed.success && Object.keys(nextErrors).length === 0) {
      nextErrors.weekdays = parsed.error.issues[0]?.message ?? 'Check these constraints.';
    }
    setErrors(nextErrors);
    if (!parsed.success || Object.keys(nextErrors).length > 0) return;
    onSubmit(parsed.data);
  };

  return (
    <form className={`stack ${styles.participationForm}`} onSubmit={submit} noValidate>
      <fieldset aria-describedby={errors.weekdays ? `${id}-weekdays-error` : `${id}-weekdays-hint`}>
        <legend>Weekdays you cannot file on</legend>
        <p id={`${id}-weekdays-hint`} className="field-hint">
          The plan never gives you a task on these days.
        </p>
        <div className={styles.weekdayChoices}>
          {WEEKDAYS.map((day) => (
            <label key={day.value} className={styles.weekdayChoice}>
              <input
                type="checkbox"
                name="unavailableWeekdays"
                value={day.value}
                checked={weekdays.includes(day.value)}
                onChange={(event) => toggleWeekday(day.value, event.target.checked)}
              />
              <span>{day.label}</span>
            </label>
          ))}
        </div>
        {errors.weekdays && (
          <p id={`${id}-weekdays-error`} className="field-error" role="alert">
            {errors.weekdays}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>Specific days you cannot file on</legend>
        <div className={styles.addDateRow}>
          <Field
            label="Day"
            type="date"
            min={today}
            value={dateToAdd}
            onChange={(event) => setDateToAdd(event.target.value)}
            error={errors.dateToAdd}
          />
          <button type="button" className="button" onClick={addDate}>
            Add this day
          </button>
        </div>
        {dates.length > 0 ? (
          <ul className={styles.dateList} aria-label="Days you cannot file on">
            {dates.map((date) => (
              <li key={date}>
                <time dateTime={date}>{formatDate(date)}</time>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove ${formatDate(date)}`}
                  onClick={() => setDates((previous) => previous.filter((day) => day !== date))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="field-hint">None: holidays or busy days go here.</p>
        )}
      </fieldset>

      <Field
        label="Most complaints a week"
        name="maxPerWeek"
        type="number"
        inputMode="numeric"
        min={1}
        max={50}
        step={1}
        value={maxPerWeek}
        onChange={(event) => {
          setMaxPerWeek(event.target.value);
          setErrors((previous) => ({ ...previous, maxPerWeek: undefined }));
        }}
        error={errors.maxPerWeek}
        hint="Monday to Sunday, across all the campaign’s stores, counting tasks you already filed that week. Empty: no limit."
      />

      {error && <Alert>{error}</Alert>}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button ghost" onClick={onCancel} disabled={isPending}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
