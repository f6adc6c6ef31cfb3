import { IPR_TYPES } from '@counterpoint/core';
import {
  createArtworkBodySchema,
  updateArtworkBodySchema,
  type ArtworkView,
  type CreateArtworkBody,
} from '@counterpoint/core/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Field, SelectField, TextAreaField } from '../../../components/field';
import { formText } from '../../../lib/form-data';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { IPR_TYPE_LABELS } from '../../../lib/labels';

interface DesignFormProps {
  /** Editing an existing design; a new one otherwise. */
  design?: ArtworkView;
  submitLabel: string;
  isPending: boolean;
  /** The API's answer when saving failed. */
  error?: Error | null;
  onSubmit: (body: CreateArtworkBody) => void;
  onCancel?: () => void;
}

/**
 * Title, description, IPR type, registration number (or "not registered") and the IPR's
 * reference on IPP, checked with the API's own schema before sending.
 */
export function DesignForm({
  design,
  submitLabel,
  isPending,
  error,
  onSubmit,
  onCancel,
}: DesignFormProps) {
  const { errors, setErrors, clearOnEdit } = useFormErrors();
  const [hasRegistration, setHasRegistration] = useState(design?.isRegistrationRequired ?? false);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const registrationNumber = formText(form, 'registrationNumber');
    const candidate = {
      title: formText(form, 'title'),
      description: formText(form, 'description'),
      iprType: form.get('iprType'),
      isRegistrationRequired: hasRegistration,
      registrationNumber: hasRegistration ? registrationNumber || null : null,
      ippIprReference: formText(form, 'ippIprReference') || null,
    };
    const parsed = (design ? updateArtworkBodySchema : createArtworkBodySchema).safeParse(
      candidate,
    );
    const nextErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (hasRegistration && !registrationNumber) {
      nextErrors.registrationNumber ??=
        'Enter the registration number, or choose “Not registered (N/A)”.';
    }
    if (!parsed.success || Object.keys(nextErrors).length > 0) {
      setErrors(nextErrors);
      // Move to the first field in error so keyboard and screen-reader users land on it.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setErrors({});
    onSubmit(createArtworkBodySchema.parse(candidate));
  };

  return (
    <form onChange={clearOnEdit} ref={formRef} className="stack" onSubmit={submit} noValidate>
      <Field
        label="Title"
        name="title"
        defaultValue={design?.title}
        required
        maxLength={200}
        error={errors.title}
        hint="As you will name it on IPP."
      />
      <TextAreaField
        label="Description (optional)"
        name="description"
        defaultValue={design?.description}
        rows={3}
        maxLength={4000}
        error={errors.description}
        hint="Where and when you published it helps when IPP asks for publication evidence."
      />
      <SelectField
        label="IPR type"
        name="iprType"
        defaultValue={design?.iprType ?? 'copyright'}
        error={errors.iprType}
        hint="Artists without a registered trademark or patent use Copyright."
      >
        {IPR_TYPES.map((type) => (
          <option key={type} value={type}>
            {IPR_TYPE_LABELS[type]}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend>Registration</legend>
        <label className="choice">
          <input
            type="radio"
            name="registration"
            value="none"
            checked={!hasRegistration}
            onChange={() => setHasRegistration(false)}
          />
          <span className="choice-text">
            <strong>Not registered (N/A)</strong>
            <span className="muted small">
              Copyright needs no registration. IPP refuses an “N/A” it has already seen, so use a
              unique reference on IPP for your second unregistered design.
            </span>
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="registration"
            value="number"
            checked={hasRegistration}
            onChange={() => setHasRegistration(true)}
          />
          <span className="choice-text">
            <strong>It has a registration number</strong>
            <span className="muted small">From a copyright office or a trademark register.</span>
          </span>
        </label>
        {hasRegistration && (
          <Field
            label="Registration number"
            name="registrationNumber"
            defaultValue={design?.registrationNumber ?? ''}
            maxLength={100}
            error={errors.registrationNumber}
          />
        )}
      </fieldset>
      <Field
        label="IPP IPR reference (optional)"
        name="ippIprReference"
        defaultValue={design?.ippIprReference ?? ''}
        maxLength={100}
        error={errors.ippIprReference}
        hint="The reference IPP gives the IPR once you submit it, so you can pick the right IPR when filing."
      />
      {error && <Alert>{error.message}</Alert>}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={isPending}>
          {isPending ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
