// The figures on the unit overview's cards (home-cards.ts), each read from its feature's API:
// the unit's plans and targets, the targets by progress status (last full year), and for a
// commune the poor-household rate and the latest payment list. Loaded on demand.
import type { PlanList } from '../../../src/plans/schemas.ts';
import type { DashboardView } from '../../../src/monitoring/schemas.ts';
import type { PayrollList } from '../../../src/payments/schemas.ts';
import type { RegistryIndicators } from '../../../src/registry/schemas.ts';
import { formatMonth, num, t } from '../i18n/index.ts';
import { Link, queryString } from '../lib/router.tsx';
import { errorMessage, useApi, type ApiState } from './data.tsx';
import * as plansApi from '../api/plans.ts';
import * as monitoringApi from '../api/monitoring.ts';
import * as registryApi from '../api/registry.ts';
import * as paymentsApi from '../api/payments.ts';

/** While loading, an ellipsis; a failed request says why (no silent failure). */
function pending(...states: ApiState<unknown>[]) {
  const failed = states.find((x) => x.error);
  if (failed?.error)
    return (
      <p class="notice notice--error" role="alert">
        {errorMessage(failed.error)}
      </p>
    );
  return (
    <p class="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function PlansSummary({ unitCode }: { unitCode: string }) {
  const s = useApi<PlanList>(plansApi.paths.list(unitCode));
  if (!s.data) return pending(s);
  const own = s.data.items.filter((p) => p.relation === 'own');
  const above = s.data.items.filter((p) => p.relation === 'above').length;
  if (own.length === 0 && above === 0) return <p>{t('home.plans.empty')}</p>;
  return (
    <>
      <p>{t('home.plans.count', { own: own.length, targets: own.reduce((a, p) => a + p.targets, 0), above })}</p>
      {own.length > 0 && (
        <ul class="card-list">
          {own.slice(0, 3).map((p) => (
            <li key={p.id}>
              <Link href={`/ke-hoach${queryString({ id: p.id })}`}>{p.number ?? p.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function MonitoringSummary({ unitCode }: { unitCode: string }) {
  const year = new Date().getFullYear() - 1;
  const s = useApi<DashboardView>(monitoringApi.paths.dashboard(unitCode, year));
  if (!s.data) return pending(s);
  if (s.data.rows.length === 0) return <p>{t('home.monitoring.empty')}</p>;
  const c = s.data.counts;
  return (
    <p>
      {t('home.monitoring.counts', {
        year,
        total: s.data.rows.length,
        achieved: c.achieved,
        onTrack: c.on_track,
        atRisk: c.at_risk,
        offTrack: c.off_track,
        noData: c.no_data,
      })}
    </p>
  );
}

function CommuneRegistry({ unitCode }: { unitCode: string }) {
  const year = new Date().getFullYear();
  const v = useApi<RegistryIndicators>(registryApi.paths.indicators(unitCode, year));
  const p = useApi<PayrollList>(paymentsApi.paths.payrolls(unitCode));
  if (!v.data || !p.data) return pending(v, p);
  const poor = v.data.items.find((x) => x.code === 'poor_household_rate');
  const latest = p.data.items[0];
  if (!poor?.denominator && !latest) return <p>{t('home.registry.empty')}</p>;
  return (
    <>
      {poor?.denominator ? (
        <p>
          {t('home.registry.poor', { rate: num((100 * poor.numerator) / poor.denominator, 1), poor: num(poor.numerator), households: num(poor.denominator) })}
        </p>
      ) : null}
      {latest && (
        <p>
          {t(latest.state === 'approved' ? 'home.registry.payrollApproved' : 'home.registry.payrollDraft', {
            month: formatMonth(latest.month),
            lines: num(latest.lines),
            total: num(latest.total),
          })}
        </p>
      )}
    </>
  );
}

export function RegistrySummary({ unitCode }: { unitCode: string }) {
  // The registry and the payment lists are kept by each commune.
  if (!/^\d{5}$/.test(unitCode)) return <p>{t('home.registry.province')}</p>;
  return <CommuneRegistry unitCode={unitCode} />;
}
