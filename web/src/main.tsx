// Entry of the web app: restores the language and the session, then renders the page that
// matches the address inside the shell. Pages come from the route table (routes.ts).
import { render, type ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import './style.css';
import { routes, type PageProps, type RouteDef } from './routes.ts';
import { setLocale, storedLocale, stringsReady, t, useLocale } from './i18n/index.ts';
import { findRoute } from './lib/match.ts';
import { navigate, useLocation } from './lib/router.tsx';
import { loadSession, useSession } from './lib/session.ts';
import { allowed, Shell } from './components/Shell.tsx';
import NotFound from './pages/NotFound.tsx';

const loaded = new Map<RouteDef, ComponentType<PageProps>>();

function usePage(route: RouteDef | null): ComponentType<PageProps> | null | 'failed' {
  const [, setTick] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setFailed(false);
    if (!route || loaded.has(route)) return;
    let live = true;
    // The page's module brings its area's words; in English they load after it: wait for them.
    route
      .page()
      .then(async (m) => {
        await stringsReady();
        return m;
      })
      .then(
        (m) => {
          loaded.set(route, m.default);
          if (live) setTick((n) => n + 1);
        },
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, [route]);
  if (!route) return null;
  if (failed) return 'failed';
  return loaded.get(route) ?? null;
}

function App() {
  useLocale();
  const { status, user } = useSession();
  const { path, query } = useLocation();
  const found = findRoute(routes, path);
  const route = found?.route ?? null;
  const Page = usePage(route);
  const first = useRef(true);

  useEffect(() => {
    document.title = `${route ? t(route.title) : t('notFound.title')} · ${t('app.name')}`;
  });
  // After a client-side navigation, move focus to the new content (as a page load would).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  // A page for signed-in users sends a visitor to sign in, and back here afterwards.
  const needsSignIn = status === 'ready' && route && route.access !== 'public' && !user;
  useEffect(() => {
    if (!needsSignIn) return;
    // Effects run after paint: the address may have changed since (e.g. sign-out went to /dang-nhap).
    const here = findRoute(routes, window.location.pathname);
    if (!here || here.route.access === 'public') return;
    navigate(`/dang-nhap?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true });
  }, [needsSignIn, path]);

  let content;
  if (!found) content = <NotFound />;
  else if (status === 'loading' || needsSignIn || Page === null)
    content = (
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    );
  else if (!allowed(found.route.access, user)) content = <p class="notice notice--error">{t('errors.forbidden')}</p>;
  else if (Page === 'failed')
    content = (
      <p class="notice notice--error" role="alert">
        {t('errors.network')}
      </p>
    );
  else content = <Page params={found.params} query={query} />;
  return <Shell>{content}</Shell>;
}

async function start() {
  // The locale first: the session request already carries Accept-Language.
  await setLocale(storedLocale());
  await loadSession();
  render(<App />, document.getElementById('app')!);
}
void start();
