// Danh mục chỉ tiêu: the indicator catalogue (GET /api/indicators) with a quick filter by name
// or code and by area. Codes of units, kinds and sources are shown in words.
import { useState } from 'preact/hooks';
import { codeLabel, num, t, txt, useLocale } from '../i18n/index.ts';
import { Loaded, useApi } from '../components/data.tsx';
import * as indicatorsApi from '../api/indicators.ts';

interface Row {
  code: string;
  name: string;
  unit: string;
  kind: string;
  direction: string;
  source: string;
  area: string;
}

const label = (prefix: string, value: unknown): string => codeLabel(prefix, txt(value));

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

function toRow(raw: unknown, locale: 'vi' | 'en'): Row {
  const o = (raw ?? {}) as Record<string, unknown>;
  const name = txt(o.names) || txt(o.name) || txt(locale === 'en' ? (o.nameEn ?? o.nameVi) : o.nameVi);
  const dir = String(o.direction ?? '');
  return {
    code: String(o.code ?? ''),
    name,
    unit: label('ind.unit', o.unit),
    kind: label('ind.kind', o.kind),
    direction: /^(higher|up|increase)/i.test(dir)
      ? t('indicators.higher')
      : /^(lower|down|decrease)/i.test(dir)
        ? t('indicators.lower')
        : label('ind.direction', dir),
    source: label('ind.source', o.source),
    area: txt(o.area),
  };
}

export default function Indicators() {
  const locale = useLocale();
  const state = useApi<{ items: unknown[] }>(indicatorsApi.paths.list);
  const [filter, setFilter] = useState('');
  const [area, setArea] = useState('');
  return (
    <>
      <h1>{t('indicators.title')}</h1>
      <p>{t('indicators.intro')}</p>
      <Loaded state={state}>
        {(data) => {
          const all = data.items.map((r) => toRow(r, locale));
          if (all.length === 0) return <p>{t('indicators.empty')}</p>;
          const areas = [...new Set(all.map((r) => r.area).filter(Boolean))];
          const f = fold(filter.trim());
          const rows = all.filter((r) => (!area || r.area === area) && (!f || fold(`${r.code} ${r.name}`).includes(f)));
          return (
            <>
              <div class="filters">
                <div class="field">
                  <label for="indicator-filter">{t('indicators.filter')}</label>
                  <input class="input" id="indicator-filter" type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
                </div>
                {areas.length > 1 && (
                  <div class="field">
                    <label for="indicator-area">{t('indicators.area')}</label>
                    <select class="input" id="indicator-area" value={area} onChange={(e) => setArea((e.target as HTMLSelectElement).value)}>
                      <option value="">{t('indicators.allAreas')}</option>
                      {areas.map((a) => (
                        <option key={a} value={a}>
                          {label('ind.area', a)}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </div>
              <p class="results-count" role="status">
                {t('common.results', { n: num(rows.length) })}
              </p>
              <div class="table-wrap" tabIndex={0} role="region" aria-label={t('indicators.title')}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">
                        {t('indicators.name')} <span class="muted">({t('indicators.code').toLowerCase()})</span>
                      </th>
                      <th scope="col">{t('indicators.unit')}</th>
                      <th scope="col">{t('indicators.kind')}</th>
                      <th scope="col">{t('indicators.direction')}</th>
                      <th scope="col">{t('indicators.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.code}>
                        <td>
                          {r.name}
                          <br />
                          <code class="muted small">{r.code}</code>
                        </td>
                        <td>{r.unit}</td>
                        <td>{r.kind}</td>
                        <td>{r.direction}</td>
                        <td>{r.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
