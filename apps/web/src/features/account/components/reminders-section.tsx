import { useFormErrors } from '../../../lib/form-errors';
import { updateMeBodySchema, type Me } from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { useUpdateMe } from '../api/update-me';
import styles from './account.module.css';

function wholeNumber(value: string, min: number, max: number): number | null {
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/** When Counterpoint reminds me to check complaints and to answer counter-notices. */
export function RemindersSection({ me }: { me: Me }) {
  const update = useUpdateMe();
  const [checkback, setCheckback] = useState(String(me.checkbackDays));
  const [counterNotice, setCounterNotice] = useState(String(me.counterNoticeBusinessDays));
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checkbackDays = wholeNumber(checkback, 1, 60);
    const counterNoticeBusinessDays = wholeNumber(counterNotice, 1, 30);
    const found: Record<string, string> = {};
    if (checkbackDays === null) found.checkbackDays = 'Enter a whole number of days from 1 to 60.';
    if (counterNoticeBusinessDays === null)
      found.counterNoticeBusinessDays = 'Enter a whole number of business days from 1 to 30.';
    setErrors(found);
    if (checkbackDays === null || counterNoticeBusinessDays === null) return;
    update.mutate(updateMeBodySchema.parse({ checkbackDays, counterNoticeBusinessDays }));
  };

  return (
    <section className="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders</h2>
      <p className="muted small">
        IPP sends no email when a listing is removed, so Counterpoint reminds you. Changes apply to
        complaints you file or update from now on.
      </p>
      <form onChange={clearOnEdit} onSubmit={submit} noValidate className={styles.numberFields}>
        <Field
          label="Check back on a complaint after (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          value={checkback}
          onChange={(event) => {
            setCheckback(event.target.value);
            update.reset();
          }}
          hint="1 to 60 days after filing. IPP’s history shows only the last 15 days by default."
          error={errors.checkbackDays}
        />
        <Field
          label="Time to answer a counter-notice (business days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          value={counterNotice}
          onChange={(event) => {
            setCounterNotice(event.target.value);
            update.reset();
          }}
          hint="1 to 30. Your response deadline is set this many business days after a counter-notice; IPP usually allows about 3."
          error={errors.counterNoticeBusinessDays}
        />
        <div className="stack-sm">
          {update.error && <Alert>{update.error.message}</Alert>}
          {update.isSuccess && <Alert tone="success">Reminder timing saved.</Alert>}
          <div>
            <button type="submit" className="button primary" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save reminders'}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
