// Danh mục chỉ tiêu: the indicator catalogue (GET /api/indicators) with a quick filter by name
// or code and by area. Codes of units, kinds and sources are shown in words.
import '../i18n/vi/ind.ts';
import { useState } from 'preact/hooks';
import { codeLabel, num, t, txt, useLocale, type MessageKey } from '../i18n/index.ts';
import { DIRECTIONS, type Direction } from '../../../src/indicators/vocabulary.ts';
import { Loaded, useApi } from '../components/data.tsx';
import { unitWord } from '../lib/words.ts';
import * as indicatorsApi from '../api/indicators.ts';
import type { IndicatorList, IndicatorOut } from '../api/indicators.ts';

/** An indicator of the catalogue as the table shows it: codes in words. */
interface Row {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly kind: string;
  readonly direction: string;
  readonly source: string;
  readonly area: string;
}

const label = (prefix: string, value: string): string => codeLabel(prefix, value);

/** Which way an indicator is better, in words: one entry per direction of the server's vocabulary. */
const directionWords: Record<Direction, MessageKey> = {
  higher_better: 'indicators.higher',
  lower_better: 'indicators.lower',
  target_band: 'ind.direction.target_band',
};
const isDirection = (d: string): d is Direction => (DIRECTIONS as readonly string[]).includes(d);

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

function toRow(o: IndicatorOut): Row {
  return {
    code: o.code,
    name: txt(o.names) || o.name,
    unit: unitWord(o.unit),
    kind: label('ind.kind', o.kind),
    direction: isDirection(o.direction) ? t(directionWords[o.direction]) : o.direction,
    source: label('ind.source', o.source),
    area: o.area,
  };
}

export default function Indicators() {
  useLocale();
  const state = useApi<IndicatorList>(indicatorsApi.paths.list);
  const [filter, setFilter] = useState('');
  const [area, setArea] = useState('');
  return (
    <>
      <h1>{t('indicators.title')}</h1>
      <p>{t('indicators.intro')}</p>
      <Loaded state={state}>
        {(data) => {
          const all = data.items.map(toRow);
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
