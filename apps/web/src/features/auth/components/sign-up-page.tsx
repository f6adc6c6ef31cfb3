import { registerBodySchema } from '@counterpoint/core/contracts';
import { type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { safeNextPath } from '../../../lib/safe-next-path';
import { useRegister } from '../api/session';

export function SignUpPage() {
  const register = useRegister();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = registerBodySchema.safeParse({
      displayName: form.get('displayName'),
      email: form.get('email'),
      password: form.get('password'),
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    register.mutate(parsed.data, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  return (
    <section className="auth-card" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create your account</h1>
      <p className="muted">
        Track the sellers copying your work and the complaints you file on IPP, with other artists.
      </p>
      <form onChange={clearOnEdit} onSubmit={submit} noValidate>
        <Field
          label="Your name"
          name="displayName"
          autoComplete="name"
          required
          error={errors.displayName}
          hint="Only you and your collectives see it."
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={errors.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          error={errors.password}
          hint="At least 10 characters."
        />
        {register.error && <Alert>{register.error.message}</Alert>}
        <button type="submit" className="button primary" disabled={register.isPending}>
          {register.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p className="muted">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}
