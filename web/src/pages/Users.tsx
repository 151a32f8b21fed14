// Quản trị › Người dùng: list users, create one, assign roles scoped to units, reset a password,
// disable or enable an account. Writes carry the CSRF token (lib/api.ts).
import '../i18n/vi/admin.ts';
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { errorFor, type FormError } from '../lib/problems.ts';
import type { RoleAssignment } from '../lib/scope.ts';
import type { UserView } from '../../../src/access/schemas.ts';
import * as access from '../api/access.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../components/forms.tsx';
import { formErrorsFrom, Loaded, useApi } from '../components/data.tsx';
import { RoleList, roleLabel, roleNames, scopeLabel } from '../components/roles.tsx';

type UserRow = UserView;

const isDisabled = (u: UserRow) => u.disabled;
const roleOptions = () => roleNames.map((r) => ({ value: r, label: roleLabel(r) }));

function CreateUser({ onDone }: { onDone: (msg: string) => void }) {
  const [f, setF] = useState({ username: '', displayName: '', password: '', role: 'officer', unitCode: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const ids = { username: 'new-username', displayName: 'new-display-name', password: 'new-user-password', role: 'new-role', unitCode: 'new-unit-code' };
  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FormError[] = [];
    if (!f.username.trim()) local.push({ field: ids.username, message: t('signin.usernameRequired') });
    if (!f.displayName.trim()) local.push({ field: ids.displayName, message: t('users.displayNameRequired') });
    setErrors(local);
    if (local.length) return;
    try {
      // { user, temporaryPassword } (a temporary password when none is given).
      const r = await access.createUser({
        username: f.username.trim(),
        displayName: f.displayName.trim(),
        ...(f.password ? { password: f.password } : {}),
        roles: [{ role: f.role, unitCode: f.unitCode.trim() || null }],
      });
      const user = r.user;
      const temp = r.temporaryPassword;
      setF({ username: '', displayName: '', password: '', role: 'officer', unitCode: '' });
      onDone(`${t('users.created', { username: user.username })}${temp ? ` ${t('users.newPassword', { password: temp })}` : ''}`);
    } catch (err) {
      setErrors(formErrorsFrom(err, { ...ids, current: ids.password }, ids.username));
    }
  };
  return (
    <details class="panel" id="create-user">
      <summary>{t('users.create')}</summary>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <Field
          id={ids.username}
          label={t('users.username')}
          autoComplete="off"
          value={f.username}
          onValue={set('username')}
          error={errorFor(errors, ids.username)}
        />
        <Field
          id={ids.displayName}
          label={t('users.displayName')}
          value={f.displayName}
          onValue={set('displayName')}
          error={errorFor(errors, ids.displayName)}
        />
        <Field
          id={ids.password}
          type="password"
          autoComplete="new-password"
          label={t('users.password')}
          hint={t('users.passwordHint')}
          value={f.password}
          onValue={set('password')}
          error={errorFor(errors, ids.password)}
        />
        <SelectField id={ids.role} label={t('users.role')} value={f.role} onValue={set('role')} options={roleOptions()} error={errorFor(errors, ids.role)} />
        <Field
          id={ids.unitCode}
          label={t('users.unitCode')}
          hint={t('users.unitCodeHint')}
          inputMode="numeric"
          class="input--short"
          value={f.unitCode}
          onValue={set('unitCode')}
          error={errorFor(errors, ids.unitCode)}
        />
        <button type="submit" class="button">
          {t('users.create')}
        </button>
      </form>
    </details>
  );
}

function EditUser({ user, onDone }: { user: UserRow; onDone: (msg: string) => void }) {
  const roles = user.roles ?? [];
  const [role, setRole] = useState('officer');
  const [unitCode, setUnitCode] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const p = `u${user.id}`;
  const run = async (fn: () => Promise<string>) => {
    setErrors([]);
    try {
      onDone(await fn());
    } catch (err) {
      setErrors(formErrorsFrom(err, { unitCode: `${p}-unit`, role: `${p}-role` }, null));
    }
  };
  const putRoles = (list: RoleAssignment[]) =>
    run(async () => {
      await access.setRoles(
        user.id,
        list.map((r) => ({ role: r.role, unitCode: r.unitCode })),
      );
      return t('common.saved');
    });
  return (
    <div class="panel__body">
      <ErrorSummary errors={errors} />
      <h3>{t('users.roles')}</h3>
      <ul class="plain">
        {roles.map((r, i) => (
          <li key={i}>
            {roleLabel(r.role)}: {scopeLabel(r)}{' '}
            <button type="button" class="link-button" onClick={() => putRoles(roles.filter((_, j) => j !== i))}>
              {t('users.remove')}
              <span class="visually-hidden"> {t('users.removeRole', { role: roleLabel(r.role), unit: scopeLabel(r) })}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void putRoles([...roles, { role, unitCode: unitCode.trim() || null }]);
        }}
      >
        <SelectField id={`${p}-role`} label={t('users.role')} value={role} onValue={setRole} options={roleOptions()} error={errorFor(errors, `${p}-role`)} />
        <Field
          id={`${p}-unit`}
          label={t('users.unitCode')}
          inputMode="numeric"
          class="input--short"
          value={unitCode}
          onValue={setUnitCode}
          error={errorFor(errors, `${p}-unit`)}
        />
        <button type="submit" class="button button--secondary">
          {t('users.addRole')}
        </button>
      </form>
      <p class="actions">
        <button
          type="button"
          class="button button--secondary"
          onClick={() =>
            run(async () => {
              const r = await access.resetPassword(user.id);
              const pw = r.temporaryPassword;
              return pw ? t('users.newPassword', { password: pw }) : t('users.passwordReset');
            })
          }
        >
          {t('users.resetPassword')}
        </button>
        <button
          type="button"
          class={`button ${isDisabled(user) ? 'button--secondary' : 'button--warning'}`}
          onClick={() =>
            run(async () => {
              await access.setDisabled(user.id, !isDisabled(user));
              return t('common.saved');
            })
          }
        >
          {isDisabled(user) ? t('users.enable') : t('users.disable')}
        </button>
      </p>
    </div>
  );
}

export default function Users() {
  const state = useApi<access.UserList>(access.paths.users);
  const [message, setMessage] = useState<string | null>(null);
  const done = (msg: string) => {
    setMessage(msg);
    state.reload();
  };
  return (
    <>
      <h1>{t('users.title')}</h1>
      <p>{t('users.intro')}</p>
      {message && <Notice>{message}</Notice>}
      <CreateUser onDone={done} />
      <Loaded state={state}>
        {(data) => {
          const users = data.items;
          if (users.length === 0) return <p>{t('users.empty')}</p>;
          return (
            <ul class="results">
              {users.map((u) => (
                <li key={u.id} class="result" data-username={u.username}>
                  <h2 class="result__title">
                    {u.displayName || u.username} <span class="muted">({u.username})</span>
                  </h2>
                  <p class="result__meta">
                    <span class={`tag${isDisabled(u) ? ' tag--grey' : ''}`}>{isDisabled(u) ? t('users.disabled') : t('users.active')}</span>
                    <span>
                      {t('users.totp')}: {u.totpEnabled ? t('common.yes') : t('common.no')}
                    </span>
                  </p>
                  <RoleList roles={u.roles ?? []} />
                  <details class="panel">
                    <summary>{t('users.edit', { username: u.username })}</summary>
                    <EditUser user={u} onDone={done} />
                  </details>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </>
  );
}
