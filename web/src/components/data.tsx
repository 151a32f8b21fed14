// Loading data for a page: useApi(path) fetches (again when the path or the locale changes),
// and <Loaded> shows the loading line, the server's message with a retry button, or the data.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.ts';
import { t, useLocale } from '../i18n/index.ts';
import { problemToFormErrors, type FormError } from '../lib/problems.ts';

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | null;
  readonly loading: boolean;
  reload(): void;
}

export function useApi<T>(path: string | null): ApiState<T> {
  const locale = useLocale();
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: path !== null,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api<T>('GET', path).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => live && setState({ data: undefined, error: e instanceof ApiError ? e : new ApiError(0, null), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, locale, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/** The message a user reads for a failed request. */
export function errorMessage(e: ApiError): string {
  if (e.status === 0) return t('errors.network');
  if (e.problem) return e.problem.detail ?? e.problem.title;
  if (e.status === 401) return t('errors.signInNeeded');
  if (e.status === 403) return t('errors.forbidden');
  return t('errors.unexpected', { status: e.status });
}

export function Loaded<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ComponentChildren }) {
  if (state.error) {
    return (
      <div class="notice notice--error" role="alert">
        <p>{errorMessage(state.error)}</p>
        <button type="button" class="button button--secondary" onClick={state.reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (state.data === undefined) {
    return (
      <p class="loading" role="status">
        {state.loading ? t('common.loading') : ''}
      </p>
    );
  }
  return <>{children(state.data)}</>;
}

/** Form errors from a failed write: field errors linked to fields, else one message. */
export function formErrorsFrom(err: unknown, fields: Record<string, string>, fallbackField: string | null = null): FormError[] {
  if (!(err instanceof ApiError)) throw err;
  if (err.problem && err.status !== 0) return problemToFormErrors(err.problem, fields, fallbackField);
  return [{ field: fallbackField, message: errorMessage(err) }];
}
