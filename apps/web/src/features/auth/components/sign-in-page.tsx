import { loginBodySchema } from '@counterpoint/core/contracts';
import { type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Field } from '../../../components/field';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { safeNextPath } from '../../../lib/safe-next-path';
import { useLogin } from '../api/session';

export function SignInPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginBodySchema.safeParse({
      email: form.get('email'),
      password: form.get('password'),
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    login.mutate(parsed.data, { onSuccess: () => void navigate(next, { replace: true }) });
  };

  return (
    <section className="auth-card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <form onChange={clearOnEdit} onSubmit={submit} noValidate>
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
          autoComplete="current-password"
          required
          error={errors.password}
        />
        {login.error && <Alert>{login.error.message}</Alert>}
        <button type="submit" className="button primary" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted">
        New here?{' '}
        <Link to={next === '/' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`}>
          Create an account
        </Link>
      </p>
    </section>
  );
}
