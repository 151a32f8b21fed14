// Tài khoản của tôi: the user's details and roles, password change, and TOTP setup (the
// otpauth address and the secret are shown as text, so no QR library is needed).
import '../i18n/vi/account.ts';
import { useState } from 'preact/hooks';
import { t, useLocale } from '../i18n/index.ts';
import { formatDate, formatDateTime, parseDate } from '../i18n/format.ts';
import { permissions as permissionTexts, type Permission } from '../../../src/access/permissions.ts';
import type { TokenBody, TokenCreated, TokenView, TotpSetup } from '../../../src/access/schemas.ts';
import * as access from '../api/access.ts';
import { loadSession, useSession } from '../lib/session.ts';
import { navigate } from '../lib/router.tsx';
import { errorFor, type FormError } from '../lib/problems.ts';
import { ErrorSummary, Field, Notice } from '../components/forms.tsx';
import { formErrorsFrom, useApi } from '../components/data.tsx';
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
      await access.changePassword(current, next);
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
        <Field
          id="current-password"
          type="password"
          autoComplete="current-password"
          label={t('account.currentPassword')}
          value={current}
          onValue={setCurrent}
          error={errorFor(errors, 'current-password')}
        />
        <Field
          id="new-password"
          type="password"
          autoComplete="new-password"
          label={t('account.newPassword')}
          hint={t('account.newPasswordHint')}
          value={next}
          onValue={setNext}
          error={errorFor(errors, 'new-password')}
        />
        <Field
          id="confirm-password"
          type="password"
          autoComplete="new-password"
          label={t('account.confirmPassword')}
          value={confirm}
          onValue={setConfirm}
          error={errorFor(errors, 'confirm-password')}
        />
        <button type="submit" class="button">
          {t('account.password')}
        </button>
      </form>
    </section>
  );
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
      setSetup(await access.startTotp());
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
      await access.confirmTotp(code.trim());
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
      await access.turnOffTotp(offPassword);
      setOffPassword('');
      await loadSession();
    } catch (err) {
      setErrors(formErrorsFrom(err, { password: 'totp-off-password' }, 'totp-off-password'));
    }
  };
  const url = setup?.otpauthUrl;
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
              <Field
                id="totp-off-password"
                type="password"
                autoComplete="current-password"
                label={t('account.currentPassword')}
                value={offPassword}
                onValue={setOffPassword}
                error={errorFor(errors, 'totp-off-password')}
              />
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
                  <code class="secret" id="totp-url">
                    {url}
                  </code>
                </dd>
              </div>
            )}
            {setup.secret && (
              <div>
                <dt>{t('account.totpSecret')}</dt>
                <dd>
                  <code class="secret" id="totp-secret">
                    {setup.secret}
                  </code>
                </dd>
              </div>
            )}
          </dl>
          <form onSubmit={confirm} noValidate>
            <Field
              id="totp-code"
              label={t('account.totpCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              class="input--short"
              value={code}
              onValue={setCode}
              error={errorFor(errors, 'totp-code')}
            />
            <button type="submit" class="button">
              {t('account.totpConfirm')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

/** Mã API: tokens for another program (e.g. a DHIS2 sync), with at most the user's own permissions. */
function ApiTokens({ held }: { held: readonly string[] }) {
  const locale = useLocale();
  const list = useApi<access.TokenList>(access.paths.tokens);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  // In the order of the server's catalogue; account.self stays with the person (a token cannot change a password).
  const grantable = (Object.keys(permissionTexts) as Permission[]).filter((p) => held.includes(p) && p !== 'account.self');
  const label = (p: string) => (Object.hasOwn(permissionTexts, p) ? permissionTexts[p as Permission][locale] : p);
  const create = async (e: Event) => {
    e.preventDefault();
    setCreated(null);
    const local: FormError[] = [];
    if (name.trim() === '') local.push({ field: 'token-name', message: t('account.tokens.nameRequired') });
    if (chosen.length === 0) local.push({ field: 'token-permissions', message: t('account.tokens.permissionsRequired') });
    const day = expires.trim() === '' ? null : parseDate(expires);
    if (expires.trim() !== '' && !day) local.push({ field: 'token-expires', message: t('account.tokens.expiresFormat') });
    setErrors(local);
    if (local.length) return;
    // The token lasts to the end of the chosen day, Vietnam time (UTC+7).
    const body: TokenBody = { name: name.trim(), permissions: [...chosen], ...(day ? { expiresAt: `${day}T23:59:59+07:00` } : {}) };
    try {
      setCreated(await access.createToken(body));
      setName('');
      setChosen([]);
      setExpires('');
      list.reload();
    } catch (err) {
      setErrors(formErrorsFrom(err, { name: 'token-name', permissions: 'token-permissions', expiresAt: 'token-expires' }, 'token-name'));
    }
  };
  const revoke = async (tok: TokenView) => {
    if (!window.confirm(t('account.tokens.revokeConfirm', { name: tok.name }))) return;
    try {
      await access.revokeToken(tok.id);
      list.reload();
    } catch (err) {
      setErrors(formErrorsFrom(err, {}, null));
    }
  };
  const toggle = (p: string, on: boolean) => setChosen((c) => (on ? [...c, p] : c.filter((x) => x !== p)));
  const permError = errorFor(errors, 'token-permissions');
  return (
    <section aria-labelledby="tokens-title" id="api-tokens">
      <h2 id="tokens-title">{t('account.tokens')}</h2>
      <p>{t('account.tokens.text')}</p>
      <ErrorSummary errors={errors} />
      {created && (
        <Notice>
          <p>{t('account.tokens.created', { name: created.name })}</p>
          <code class="secret" id="token-value">
            {created.token}
          </code>
        </Notice>
      )}
      {list.data && list.data.items.length > 0 ? (
        <table class="data" id="token-list">
          <thead>
            <tr>
              <th scope="col">{t('account.tokens.name')}</th>
              <th scope="col">{t('account.tokens.permissions')}</th>
              <th scope="col">{t('account.tokens.createdAt')}</th>
              <th scope="col">{t('account.tokens.expiresAt')}</th>
              <th scope="col">{t('account.tokens.lastUsedAt')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('account.tokens.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((tok) => (
              <tr key={tok.id}>
                <td>{tok.name}</td>
                <td>{tok.permissions === null ? t('account.tokens.allPermissions') : tok.permissions.map(label).join('; ')}</td>
                <td>{formatDateTime(tok.createdAt)}</td>
                <td>{tok.expiresAt ? formatDate(tok.expiresAt) : t('account.tokens.noExpiry')}</td>
                <td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('account.tokens.neverUsed')}</td>
                <td>
                  <button type="button" class="button button--secondary" onClick={() => revoke(tok)}>
                    {t('account.tokens.revoke')}
                    <span class="visually-hidden"> {tok.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        list.data && <p>{t('account.tokens.none')}</p>
      )}
      <form onSubmit={create} noValidate>
        <Field
          id="token-name"
          label={t('account.tokens.name')}
          hint={t('account.tokens.nameHint')}
          maxLength={100}
          value={name}
          onValue={setName}
          error={errorFor(errors, 'token-name')}
        />
        <fieldset class={`field${permError ? ' field--error' : ''}`} id="token-permissions">
          <legend>{t('account.tokens.permissions')}</legend>
          {permError && <p class="field-error">{permError}</p>}
          {grantable.map((p) => (
            <div class="checkbox" key={p}>
              <input type="checkbox" id={`token-perm-${p}`} checked={chosen.includes(p)} onChange={(e) => toggle(p, (e.target as HTMLInputElement).checked)} />
              <label for={`token-perm-${p}`}>{label(p)}</label>
            </div>
          ))}
        </fieldset>
        <Field
          id="token-expires"
          label={t('account.tokens.expires')}
          hint={t('account.tokens.expiresHint')}
          inputMode="numeric"
          class="input--short"
          value={expires}
          onValue={setExpires}
          error={errorFor(errors, 'token-expires')}
        />
        <button type="submit" class="button">
          {t('account.tokens.create')}
        </button>
      </form>
    </section>
  );
}

function Sessions() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const revoke = async () => {
    try {
      await access.signOutEverywhere();
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
      <ApiTokens held={user.permissions} />
      <Sessions />
    </>
  );
}
