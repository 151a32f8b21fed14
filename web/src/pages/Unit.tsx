// One administrative unit (public): its facts, what it was formed from or merged into, and the
// units within it. GET /api/units/CODE; children from GET /api/units?parent=CODE.
import type { PageProps } from '../routes.ts';
import { t } from '../i18n/index.ts';
import { Link } from '../lib/router.tsx';
import { useSession } from '../lib/session.ts';
import { coversUnit } from '../lib/scope.ts';
import { parentOf, refName, type UnitDetail } from '../lib/units.ts';
import { Loaded, useApi } from '../components/data.tsx';
import { RefLinks, validity } from '../components/UnitSummary.tsx';
import * as unitsApi from '../api/units.ts';

function Children({ unit }: { unit: UnitDetail }) {
  const none = unit.childrenCount === 0 || unit.level === 'village';
  const state = useApi<unitsApi.UnitList>(none ? null : unitsApi.paths.search({ parent: unit.code, current: unit.current ? 'true' : undefined, limit: 500 }));
  const list = state.data ? state.data.items : [];
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="children-title">
      <h2 id="children-title">
        {t('unit.children')} ({list.length})
      </h2>
      <ul class="columns">
        {list.map((c) => (
          <li key={c.code}>
            <Link href={`/don-vi/${encodeURIComponent(c.code)}`}>{c.name || c.code}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function Unit({ params }: PageProps) {
  const code = params.code!;
  const { user } = useSession();
  const state = useApi<UnitDetail>(unitsApi.paths.unit(code));
  return (
    <Loaded state={state}>
      {(data) => {
        const u = data;
        const parent = parentOf(u);
        const v = validity(u);
        return (
          <div data-code={u.code}>
            <p class="caption">
              <Link href="/don-vi">{t('units.title')}</Link>
            </p>
            <h1>{u.name}</h1>
            <dl class="facts">
              <div>
                <dt>{t('unit.code')}</dt>
                <dd>{u.code}</dd>
              </div>
              {u.kind && (
                <div>
                  <dt>{t('unit.kind')}</dt>
                  <dd>{u.kind}</dd>
                </div>
              )}
              {u.province && u.province.code !== u.code && (
                <div>
                  <dt>{t('unit.province')}</dt>
                  <dd>
                    <RefLinks list={[u.province]} />
                  </dd>
                </div>
              )}
              {parent && parent.code !== u.province?.code && (
                <div>
                  <dt>{t('unit.parent')}</dt>
                  <dd>
                    <RefLinks list={[parent]} />
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('unit.validity')}</dt>
                <dd>
                  <span class={`tag${u.current ? '' : ' tag--grey'}`}>{u.current ? t('unit.current') : t('unit.historical')}</span> {v}
                </dd>
              </div>
              {u.successors.length > 0 && (
                <div>
                  <dt>{t('unit.successors')}</dt>
                  <dd class="history">
                    {t('unit.mergedInto', { names: '' }).trim()} <RefLinks list={u.successors} />
                  </dd>
                </div>
              )}
              {u.predecessors.length > 0 && (
                <div>
                  <dt>{t('unit.predecessors')}</dt>
                  <dd class="history">
                    {t('unit.formedFrom', { names: '' }).trim()} <RefLinks list={u.predecessors} />
                  </dd>
                </div>
              )}
              {u.sameCode.length > 0 && (
                <div>
                  <dt>{t('unit.sameCode')}</dt>
                  <dd>{u.sameCode.map((r) => `${refName(r)}${r.current === false ? ` (${t('unit.historical').toLowerCase()})` : ''}`).join(', ')}</dd>
                </div>
              )}
            </dl>
            {user && u.current && coversUnit(user, u) && (
              <p>
                <Link class="button button--secondary" href={`/tong-quan/${encodeURIComponent(u.code)}`}>
                  {t('units.workspace')}
                </Link>
              </p>
            )}
            <Children unit={u} />
          </div>
        );
      }}
    </Loaded>
  );
}
