// A unit's workspace overview: who the unit is (name, code, province, what it was formed
// from), a card per area of work (home-cards.ts), and for a province the units within it.
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { homeCards, type HomeCard } from '../home-cards.ts';
import { Link } from '../lib/router.tsx';
import { chooseWorkUnit, useSession, useWorkUnit } from '../lib/session.ts';
import { coversUnit } from '../lib/scope.ts';
import { refName, refNames, type UnitDetail as Unit } from '../lib/units.ts';
import { InScope } from './InScope.tsx';
import { useApi } from './data.tsx';
import * as unitsApi from '../api/units.ts';

function Facts({ unit }: { unit: Unit }) {
  return (
    <dl class="facts">
      <div>
        <dt>{t('unit.code')}</dt>
        <dd>{unit.code}</dd>
      </div>
      {unit.kind && (
        <div>
          <dt>{t('unit.kind')}</dt>
          <dd>{unit.kind}</dd>
        </div>
      )}
      {unit.province && unit.province.code !== unit.code && (
        <div>
          <dt>{t('unit.province')}</dt>
          <dd>
            <Link href={`/don-vi/${unit.province.code}`}>{refName(unit.province)}</Link>
          </dd>
        </div>
      )}
      {unit.predecessors.length > 0 && (
        <div>
          <dt>{t('unit.predecessors')}</dt>
          <dd>{t('unit.formedFrom', { names: refNames(unit.predecessors) })}</dd>
        </div>
      )}
    </dl>
  );
}

const summaries = new Map<string, ComponentType<{ unitCode: string }>>();

function Card({ card, unitCode }: { card: HomeCard; unitCode: string }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!card.summary || summaries.has(card.key)) return;
    void card.summary().then((m) => {
      summaries.set(card.key, m.default);
      setTick((n) => n + 1);
    });
  }, [card]);
  const Summary = summaries.get(card.key);
  return (
    <section class="card" aria-labelledby={`card-${card.key}`}>
      <h2 id={`card-${card.key}`}>{t(card.title)}</h2>
      {Summary ? <Summary unitCode={unitCode} /> : <p>{t(card.empty)}</p>}
      <p>
        <Link href={card.href}>{t(card.action)}</Link>
      </p>
    </section>
  );
}

/** The units within a province, each linking to its workspace. */
function Within({ unit }: { unit: Unit }) {
  const state = useApi<unitsApi.UnitList>(unit.level === 'province' ? unitsApi.paths.search({ parent: unit.code, current: 'true', limit: 500 }) : null);
  const list = state.data ? state.data.items : [];
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="within-title">
      <h2 id="within-title">
        {t('unit.children')} ({list.length})
      </h2>
      <ul class="columns">
        {list.map((c) => (
          <li key={c.code}>
            <Link href={`/tong-quan/${encodeURIComponent(c.code)}`}>{c.name || c.code}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The overview for a unit already known to be in scope; `fallbackName` covers a slow unit API;
 * `lead` comes first under the title (the home's work list).
 */
export function Overview({ code, fallbackName, loaded, lead }: { code: string; fallbackName?: string | null; loaded?: Unit; lead?: ComponentChildren }) {
  const state = useApi<Unit>(loaded ? null : unitsApi.paths.unit(code));
  const unit = loaded ?? state.data ?? null;
  const work = useWorkUnit();
  return (
    <div class="overview" data-unit={code}>
      <p class="caption">{t('home.overview')}</p>
      <h1>{unit?.name || fallbackName || code}</h1>
      {lead}
      {unit && <Facts unit={unit} />}
      {unit &&
        (work?.code === unit.code ? (
          <p class="muted">{t('unit.isWork')}</p>
        ) : (
          <p>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => chooseWorkUnit({ code: unit.code, name: unit.name, province: unit.province?.code ?? null })}
            >
              {t('unit.setWork')}
            </button>
          </p>
        ))}
      <div class="cards">
        {homeCards.map((c) => (
          <Card key={c.key} card={c} unitCode={code} />
        ))}
      </div>
      {unit && <Within unit={unit} />}
    </div>
  );
}

/**
 * The workspace of any unit by code: shown only when the user's roles cover it. Outside the
 * scope it answers like a missing page (it does not say whether the unit's data exists).
 */
export function UnitWorkspace({ code }: { code: string }) {
  return <InScope code={code}>{(unit) => <Overview code={unit.code} loaded={unit} />}</InScope>;
}
