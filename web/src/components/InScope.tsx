// A page about one unit is shown only when the user's roles cover the unit. Outside the scope it
// answers like a missing page (it does not say whether the unit's data exists) and offers no
// action, instead of buttons whose requests the server would refuse.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.ts';
import { Link } from '../lib/router.tsx';
import { useSession } from '../lib/session.ts';
import { coversUnit } from '../lib/scope.ts';
import type { UnitDetail } from '../lib/units.ts';
import { useApi } from './data.tsx';
import * as unitsApi from '../api/units.ts';

export function OutOfScope({ code }: { code: string }) {
  return (
    <div class="not-found" data-scope="denied">
      <h1>{t('notFound.title')}</h1>
      <p>{t('scope.notFound')}</p>
      <p>
        <Link href={`/don-vi/${encodeURIComponent(code)}`}>{t('scope.directoryLink')}</Link>
      </p>
    </div>
  );
}

/** Renders `children(unit)` once the unit is known to lie in the user's scope. */
export function InScope({ code, children }: { code: string; children: (unit: UnitDetail) => ComponentChildren }) {
  const { user } = useSession();
  const state = useApi<UnitDetail>(unitsApi.paths.unit(code));
  if (state.loading && !state.data)
    return (
      <p class="loading" role="status">
        {t('common.loading')}
      </p>
    );
  const unit = state.data ?? null;
  if (!unit || !coversUnit(user, unit)) return <OutOfScope code={code} />;
  return <>{children(unit)}</>;
}
