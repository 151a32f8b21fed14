// Đơn vị hành chính: the public unit directory. The search box fills ?q= in the address, so a
// search can be bookmarked and shared; results come from GET /api/units?q=.
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../routes.ts';
import { num, t } from '../i18n/index.ts';
import { navigate, queryString } from '../lib/router.tsx';
import { Loaded, useApi } from '../components/data.tsx';
import { UnitSummary } from '../components/UnitSummary.tsx';
import * as unitsApi from '../api/units.ts';

export default function Units({ query }: PageProps) {
  const q = (query.get('q') ?? '').trim();
  const currentOnly = query.get('hien-hanh') === '1';
  const [input, setInput] = useState(q);
  const [onlyCurrent, setOnlyCurrent] = useState(currentOnly);
  useEffect(() => setInput(q), [q]);
  const state = useApi<unitsApi.UnitList>(q ? unitsApi.paths.search({ q, current: currentOnly ? 'true' : undefined }) : null);
  const submit = (e: Event) => {
    e.preventDefault();
    navigate(`/don-vi${queryString({ q: input.trim(), 'hien-hanh': onlyCurrent ? '1' : undefined })}`);
  };
  return (
    <>
      <h1>{t('units.title')}</h1>
      <p>{t('units.intro')}</p>
      <form class="search" role="search" onSubmit={submit}>
        <div class="field">
          <label for="q">{t('units.search')}</label>
          <p class="hint" id="q-hint">
            {t('units.searchHint')}
          </p>
          <div class="search__row">
            <input
              class="input"
              id="q"
              name="q"
              type="search"
              value={input}
              aria-describedby="q-hint"
              onInput={(e) => setInput((e.target as HTMLInputElement).value)}
            />
            <button type="submit" class="button">
              {t('common.search')}
            </button>
          </div>
        </div>
        <div class="checkbox">
          <input type="checkbox" id="hien-hanh" checked={onlyCurrent} onChange={(e) => setOnlyCurrent((e.target as HTMLInputElement).checked)} />
          <label for="hien-hanh">{t('units.currentOnly')}</label>
        </div>
      </form>
      {!q ? (
        <p class="muted">{t('units.start')}</p>
      ) : (
        <Loaded state={state}>
          {(data) => {
            const units = data.items;
            return (
              <section aria-labelledby="results-title">
                <div role="status">
                  <h2 id="results-title" class="results-count">
                    {units.length === 0 ? t('units.noResults', { q }) : t('common.results', { n: num(units.length) })}
                  </h2>
                </div>
                <ul class="results">
                  {units.map((u, i) => (
                    <UnitSummary key={`${u.code}-${u.validFrom ?? i}`} unit={u} />
                  ))}
                </ul>
              </section>
            );
          }}
        </Loaded>
      )}
    </>
  );
}
