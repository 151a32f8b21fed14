// Đăng nhập: username and password, then the TOTP code when the server asks for it. Errors
// appear in an error summary at the top that links to the field, in the server's words.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../routes.ts';
import { t } from '../i18n/index.ts';
import { ApiError } from '../lib/api.ts';
import { navigate } from '../lib/router.tsx';
import { signIn, useSession } from '../lib/session.ts';
import { errorFor, problemToFormErrors, type FormError } from '../lib/problems.ts';
import { ErrorSummary, Field, Notice } from '../components/forms.tsx';

/** Only a path inside the app is a safe place to return to. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/dang-nhap') ? next : '/';
}

export default function SignIn({ query }: PageProps) {
  const { user } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef(false);
  const next = safeNext(query.get('next'));

  useEffect(() => {
    if (user) navigate(next, { replace: true });
  }, [user]);
  useEffect(() => {
    if (askTotp && !totpRef.current) {
      totpRef.current = true;
      document.getElementById('totp')?.focus();
    }
  }, [askTotp]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FormError[] = [];
    if (username.trim() === '') local.push({ field: 'username', message: t('signin.usernameRequired') });
    if (password === '') local.push({ field: 'password', message: t('signin.passwordRequired') });
    if (askTotp && totp.trim() === '') local.push({ field: 'totp', message: t('signin.totpRequired') });
    else if (askTotp && !/^\d{6}$/.test(totp.trim())) local.push({ field: 'totp', message: t('signin.totpFormat') });
    setErrors(local);
    if (local.length) return;
    setBusy(true);
    try {
      await signIn(username.trim(), password, askTotp ? totp.trim() : undefined);
      // The session store change sends the user on (effect above).
    } catch (err) {
      const p = err instanceof ApiError ? err.problem : null;
      const status = err instanceof ApiError ? err.status : 0;
      if (status === 0) setErrors([{ field: null, message: t('errors.network') }]);
      else if (status === 429) setErrors([{ field: null, message: p?.detail ?? t('signin.tooMany') }]);
      else if (status === 401 && p?.totpRequired && !askTotp) {
        setAskTotp(true);
        setErrors([]);
      } else if (status === 401) {
        const field = askTotp && p?.totpRequired ? 'totp' : 'password';
        setErrors([{ field, message: p?.detail ?? (field === 'totp' ? t('signin.totpRequired') : t('signin.failed')) }]);
        if (field === 'password') setPassword('');
      } else if (p) setErrors(problemToFormErrors(p, { username: 'username', password: 'password', totp: 'totp' }, 'username'));
      else setErrors([{ field: null, message: t('errors.unexpected', { status }) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      {query.get('da-dang-xuat') && errors.length === 0 && <Notice>{t('signin.signedOut')}</Notice>}
      <h1>{t('signin.title')}</h1>
      <p>{t('signin.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field
          id="username"
          label={t('signin.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
          value={username}
          onValue={setUsername}
          error={errorFor(errors, 'username')}
        />
        <Field
          id="password"
          type="password"
          label={t('signin.password')}
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={errorFor(errors, 'password')}
        />
        {askTotp && (
          <Field
            id="totp"
            label={t('signin.totp')}
            hint={t('signin.totpHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            class="input--short"
            value={totp}
            onValue={setTotp}
            error={errorFor(errors, 'totp')}
          />
        )}
        <button type="submit" class="button" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
    </div>
  );
}
