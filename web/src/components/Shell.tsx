// The frame around every page: skip link, header (product name, unit of work, language,
// account menu), main navigation built from the route table, and the footer.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { routes, type PageAccess } from '../routes.ts';
import { setLocale, t, useLocale } from '../i18n/index.ts';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { chooseWorkUnit, signOut, useSession, useWorkUnit } from '../lib/session.ts';
import { hasPermission, workUnits, type SessionUser } from '../lib/scope.ts';
import * as homeApi from '../api/home.ts';

export function allowed(access: PageAccess, user: SessionUser | null): boolean {
  if (access === 'public') return true;
  if (access === 'signedIn') return !!user;
  return hasPermission(user, ...access.anyPermission);
}

function UnitPicker({ user }: { user: SessionUser }) {
  const current = useWorkUnit();
  const own = workUnits(user);
  // A unit picked inside the scope (e.g. a commune by a province user) joins the list.
  const units = current && !own.some((u) => u.code === current.code) ? [...own, current] : own;
  if (units.length === 0) return null;
  return (
    <div class="unit-picker">
      <label for="unit-picker">{t('unit.picker')}</label>
      <select
        id="unit-picker"
        value={current?.code ?? ''}
        onChange={(e) => {
          const code = (e.target as HTMLSelectElement).value;
          const u = units.find((x) => (x.code ?? '') === code);
          if (u) chooseWorkUnit(u);
        }}
      >
        {units.map((u) => (
          <option key={u.code ?? ''} value={u.code ?? ''}>
            {u.code === null ? t('unit.national') : `${u.name ?? u.code} (${u.code})`}
          </option>
        ))}
      </select>
    </div>
  );
}

function UserMenu({ user }: { user: SessionUser }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => ref.current?.removeAttribute('open');
  useEffect(() => {
    const outside = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) close();
    };
    document.addEventListener('click', outside);
    return () => document.removeEventListener('click', outside);
  }, []);
  return (
    <details
      class="user-menu"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          close();
          ref.current.querySelector('summary')?.focus();
        }
      }}
      onFocusOut={(e) => {
        // Tabbing away closes the menu (a click elsewhere is handled below).
        const to = e.relatedTarget as Node | null;
        if (to && !ref.current?.contains(to)) close();
      }}
    >
      <summary>
        <span class="visually-hidden">{t('user.menu')}: </span>
        {user.displayName || user.username}
      </summary>
      <ul>
        <li>
          <Link href="/tai-khoan" onClick={close}>
            {t('user.account')}
          </Link>
        </li>
        <li>
          <button
            type="button"
            class="link-button"
            onClick={async () => {
              close();
              await signOut();
              navigate('/dang-nhap?da-dang-xuat=1');
            }}
          >
            {t('user.signOut')}
          </button>
        </li>
      </ul>
    </details>
  );
}

export function Shell({ children }: { children: ComponentChildren }) {
  const locale = useLocale();
  const { user, status } = useSession();
  const { path } = useLocation();
  const other = locale === 'vi' ? 'en' : 'vi';
  const nav = routes.filter((r) => r.nav && allowed(r.access, user));
  const isCurrent = (p: string) => (p === '/' ? path === '/' || path.startsWith('/tong-quan/') : path === p || path.startsWith(`${p}/`));
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="header">
        <div class="header__brand">
          <Link href="/" class="brand">
            {t('app.name')}
          </Link>
          <span class="tagline">{t('app.tagline')}</span>
        </div>
        <div class="header__tools">
          {user && <UnitPicker user={user} />}
          <button type="button" class="lang-switch" lang={other} aria-label={t('lang.switchTo')} onClick={() => void setLocale(other)}>
            {t('lang.other')}
          </button>
          {user ? (
            <UserMenu user={user} />
          ) : (
            status === 'ready' &&
            path !== '/dang-nhap' && (
              <Link class="button button--small" href={`/dang-nhap${path === '/' ? '' : `?next=${encodeURIComponent(path)}`}`}>
                {t('user.signIn')}
              </Link>
            )
          )}
        </div>
      </header>
      <nav class="nav" aria-label={t('nav.label')}>
        <ul>
          {nav.map((r) => (
            <li key={r.path}>
              <Link href={r.path} aria-current={isCurrent(r.path) ? 'page' : undefined}>
                {t(r.nav!)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="footer">
        <p>{t('app.footer')}</p>
        <p>
          <a href={homeApi.paths.docs}>{t('app.apiDocs')}</a>
        </p>
      </footer>
    </>
  );
}
