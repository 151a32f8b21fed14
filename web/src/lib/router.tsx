// A tiny History API router: the current location as a store, navigate(), and <Link> that
// keeps ordinary links (open in new tab, copy address) working.
import type { AnchorHTMLAttributes, TargetedMouseEvent } from 'preact';
import { createStore, useStore } from './store.ts';

export interface Location {
  readonly path: string;
  readonly query: URLSearchParams;
}

const read = (): Location => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });
export const locationStore = createStore<Location>(read());
window.addEventListener('popstate', () => locationStore.set(read()));

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.href = to;
    return;
  }
  const target = url.pathname + url.search + url.hash;
  if (opts.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  locationStore.set(read());
}

export function useLocation(): Location {
  return useStore(locationStore);
}

/** Builds "?a=1&b=2" from the non-empty values. */
export function queryString(values: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (e: TargetedMouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (props.target && props.target !== '_self') return;
    if (!props.href.startsWith('/') || props.href.startsWith('/api/')) return;
    e.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}
