// Tài khoản của tôi: the user's details and roles, password change, and TOTP setup (the
// otpauth address and the secret are shown as text, so no QR library is needed).
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { api } from '../lib/api.ts';
import { loadSession, useSession } from '../lib/session.ts';
import { navigate } from '../lib/router.tsx';
import { errorFor, type FormError } from '../lib/problems.ts';
import { ErrorSummary, Field, Notice } from '../components/forms.tsx';
import { formErrorsFrom } from '../components/data.tsx';
import { RoleList } from '../components/roles.tsx';

function PasswordForm({ username }: { username: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    const local: FormError[] = [];
    if (current === '') local.push({ field: 'current-password', message: t('signin.passwordRequired') });
    if (next === '') local.push({ field: 'new-password', message: t('signin.passwordRequired') });
    else if (next !== confirm) local.push({ field: 'confirm-password', message: t('account.passwordMismatch') });
    setErrors(local);
    if (local.length) return;
    try {
      await api('POST', '/api/me/password', { current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      await loadSession();
    } catch (err) {
      setErrors(formErrorsFrom(err, { current: 'current-password', next: 'new-password' }, 'current-password'));
    }
  };
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password')}</h2>
      <ErrorSummary errors={errors} />
      {done && <Notice>{t('account.passwordChanged')}</Notice>}
      <form onSubmit={submit} noValidate>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden aria-hidden="true" />
        <Field id="current-password" type="password" autoComplete="current-password" label={t('account.currentPassword')} value={current} onValue={setCurrent} error={errorFor(errors, 'current-password')} />
        <Field id="new-password" type="password" autoComplete="new-password" label={t('account.newPassword')} hint={t('account.newPasswordHint')} value={next} onValue={setNext} error={errorFor(errors, 'new-password')} />
        <Field id="confirm-password" type="password" autoComplete="new-password" label={t('account.confirmPassword')} value={confirm} onValue={setConfirm} error={errorFor(errors, 'confirm-password')} />
        <button type="submit" class="button">
          {t('account.password')}
        </button>
      </form>
    </section>
  );
}

interface TotpSetup {
  otpauthUrl?: string;
  otpauthUri?: string;
  otpauth?: string;
  url?: string;
  uri?: string;
  secret?: string;
}

function TotpSection({ enabled, canTurnOff }: { enabled: boolean; canTurnOff: boolean }) {
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState(false);
  const [offPassword, setOffPassword] = useState('');
  const start = async () => {
    setErrors([]);
    try {
      setSetup(await api<TotpSetup>('POST', '/api/me/totp/setup', {}));
    } catch (err) {
      setErrors(formErrorsFrom(err, {}, null));
    }
  };
  const confirm = async (e: Event) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setErrors([{ field: 'totp-code', message: t('signin.totpFormat') }]);
      return;
    }
    try {
      await api('POST', '/api/me/totp/confirm', { code: code.trim() });
      setDone(true);
      setSetup(null);
      setErrors([]);
      await loadSession();
    } catch (err) {
      setErrors(formErrorsFrom(err, { code: 'totp-code', totp: 'totp-code' }, 'totp-code'));
    }
  };
  // Turning the second factor off asks for the password again (a session alone is not enough).
  const turnOff = async (e: Event) => {
    e.preventDefault();
    setErrors([]);
    setDone(false);
    if (offPassword === '') {
      setErrors([{ field: 'totp-off-password', message: t('signin.passwordRequired') }]);
      return;
    }
    try {
      await api('DELETE', '/api/me/totp', { password: offPassword });
      setOffPassword('');
      await loadSession();
    } catch (err) {
      setErrors(formErrorsFrom(err, { password: 'totp-off-password' }, 'totp-off-password'));
    }
  };
  const url = setup && (setup.otpauthUrl ?? setup.otpauthUri ?? setup.otpauth ?? setup.url ?? setup.uri);
  return (
    <section aria-labelledby="totp-title">
      <h2 id="totp-title">{t('account.totp')}</h2>
      <ErrorSummary errors={errors} />
      {done && <Notice>{t('account.totpEnabled')}</Notice>}
      {enabled ? (
        <>
          <p>{t('account.totpOn')}</p>
          {canTurnOff && (
            <form onSubmit={turnOff} noValidate>
              <Field id="totp-off-password" type="password" autoComplete="current-password" label={t('account.currentPassword')} value={offPassword} onValue={setOffPassword} error={errorFor(errors, 'totp-off-password')} />
              <button type="submit" class="button button--secondary">
                {t('account.totpOff.action')}
              </button>
            </form>
          )}
        </>
      ) : !setup ? (
        <>
          <p>{t('account.totpOff')}</p>
          <button type="button" class="button button--secondary" onClick={start}>
            {t('account.totpStart')}
          </button>
        </>
      ) : (
        <>
          <p>{t('account.totpScan')}</p>
          <dl class="facts">
            {url && (
              <div>
                <dt>{t('account.totpUrl')}</dt>
                <dd>
                  <code class="secret" id="totp-url">{url}</code>
                </dd>
              </div>
            )}
            {setup.secret && (
              <div>
                <dt>{t('account.totpSecret')}</dt>
                <dd>
                  <code class="secret" id="totp-secret">{setup.secret}</code>
                </dd>
              </div>
            )}
          </dl>
          <form onSubmit={confirm} noValidate>
            <Field id="totp-code" label={t('account.totpCode')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} class="input--short" value={code} onValue={setCode} error={errorFor(errors, 'totp-code')} />
            <button type="submit" class="button">
              {t('account.totpConfirm')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

function Sessions() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const revoke = async () => {
    try {
      await api('POST', '/api/session/revoke-all', {});
      await loadSession();
      navigate('/dang-nhap?da-dang-xuat=1');
    } catch (err) {
      setErrors(formErrorsFrom(err, {}, null));
    }
  };
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('account.sessions')}</h2>
      <ErrorSummary errors={errors} />
      <p>{t('account.sessionsText')}</p>
      <button type="button" class="button button--warning" onClick={revoke}>
        {t('account.revokeAll')}
      </button>
    </section>
  );
}

export default function Account() {
  const { user } = useSession();
  if (!user) return null;
  return (
    <>
      <h1>{t('account.title')}</h1>
      {user.mustEnrollTotp && <Notice kind="warning">{t('home.mustEnrollTotp')}</Notice>}
      {user.mustChangePassword && <Notice kind="warning">{t('home.mustChangePassword')}</Notice>}
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <dl class="facts">
          <div>
            <dt>{t('account.username')}</dt>
            <dd>{user.username}</dd>
          </div>
          <div>
            <dt>{t('account.displayName')}</dt>
            <dd>{user.displayName || t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('account.roles')}</dt>
            <dd>
              <RoleList roles={user.roles} />
            </dd>
          </div>
        </dl>
      </section>
      <PasswordForm username={user.username} />
      {/* Administrators must keep TOTP (issue 3); the server refuses, the button is not offered. */}
      <TotpSection enabled={!!user.totpEnabled} canTurnOff={!user.roles.some((r) => r.role === 'admin')} />
      <Sessions />
    </>
  );
}
