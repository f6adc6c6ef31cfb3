import { useCallback, useState, type FormEvent } from 'react';
import type { z } from 'zod';

/** zod's generic messages, said the way a form says them (custom messages are kept). */
function friendlyMessage(issue: z.core.$ZodIssue): string {
  const isGeneric = /^(Too small|Too big|Invalid input)/.test(issue.message);
  if (!isGeneric) return issue.message;
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1
      ? 'This field is required.'
      : `Use at least ${issue.minimum} characters.`;
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `Use at most ${issue.maximum} characters.`;
  // zod does not keep the input in issues; its message names what it received.
  if (issue.code === 'invalid_type' && /received (undefined|null)$/.test(issue.message))
    return 'This field is required.';
  return issue.message;
}

/** First message per top-level field, for showing beside each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= friendlyMessage(issue);
  }
  return errors;
}

/**
 * A form's errors by field, cleared field by field as the user edits: put `clearOnEdit` on the
 * `<form onChange>` and an input's error goes as soon as its value changes (matched by the
 * input's `name`), instead of staying until the next submit.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const clearOnEdit = useCallback((event: FormEvent<HTMLFormElement>) => {
    const { name } = event.target as HTMLInputElement;
    if (!name) return;
    setErrors((current) => {
      if (!(name in current)) return current;
      const { [name]: _edited, ...rest } = current;
      return rest;
    });
  }, []);
  return { errors, setErrors, clearOnEdit };
}
