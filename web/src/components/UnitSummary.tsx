// One administrative unit as a search result: name, code, province, validity, and its merger
// history ("Đã sáp nhập vào Xã Hoằng Phú", "Hình thành từ ...").
import { formatDate, t } from '../i18n/index.ts';
import { Link } from '../lib/router.tsx';
import { refName, type UnitRef, type UnitSummary as Unit } from '../lib/units.ts';

export function RefLinks({ list }: { list: readonly UnitRef[] }) {
  return (
    <>
      {list.map((r, i) => (
        <span key={`${r.code}-${i}`}>
          {i > 0 && ', '}
          <Link href={`/don-vi/${encodeURIComponent(r.code)}`}>{refName(r)}</Link>
          {r.part === 'partial' && ` (${t('unit.partial')})`}
        </span>
      ))}
    </>
  );
}

export function validity(u: Pick<Unit, 'validFrom' | 'validTo'>): string {
  return [u.validFrom ? t('unit.validFrom', { date: formatDate(u.validFrom) }) : '', u.validTo ? t('unit.validTo', { date: formatDate(u.validTo) }) : '']
    .filter(Boolean)
    .join(' ');
}

export function UnitSummary({ unit }: { unit: Unit }) {
  const v = validity(unit);
  return (
    <li class={`result${unit.current ? '' : ' result--historical'}`} data-code={unit.code}>
      <h2 class="result__title">
        <Link href={`/don-vi/${encodeURIComponent(unit.code)}`}>{unit.name}</Link>
      </h2>
      <p class="result__meta">
        <span>
          {t('unit.code')} {unit.code}
        </span>
        {unit.province && unit.province.code !== unit.code && <span>{refName(unit.province)}</span>}
        <span class={`tag${unit.current ? '' : ' tag--grey'}`}>{unit.current ? t('unit.current') : t('unit.historical')}</span>
        {v && <span>{v}</span>}
      </p>
      {!unit.current && unit.successors.length > 0 && (
        <p class="history">
          {t('unit.mergedInto', { names: '' }).trim()} <RefLinks list={unit.successors} />
        </p>
      )}
      {unit.predecessors.length > 0 && (
        <p class="history">
          {t('unit.formedFrom', { names: '' }).trim()} <RefLinks list={unit.predecessors} />
        </p>
      )}
    </li>
  );
}
