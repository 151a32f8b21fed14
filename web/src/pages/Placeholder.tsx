// Empty states for the feature pages still being built (plans, monitoring, registry). Each
// feature replaces its entry in routes.ts with its own page module.
import type { MessageKey } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { Link } from '../lib/router.tsx';
import { useWorkUnit } from '../lib/session.ts';

function Placeholder({ title, body }: { title: MessageKey; body: MessageKey }) {
  const unit = useWorkUnit();
  return (
    <div class="empty-state">
      {unit?.name && <p class="caption">{unit.name}</p>}
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <p>{t('placeholder.next')}</p>
      <ul>
        <li>
          <Link href="/chi-tieu">{t('nav.indicators')}</Link>
        </li>
        <li>
          <Link href="/don-vi">{t('nav.units')}</Link>
        </li>
      </ul>
    </div>
  );
}

export const PlansPage = () => <Placeholder title="plans.title" body="plans.empty" />;
export const MonitoringPage = () => <Placeholder title="monitoring.title" body="monitoring.empty" />;
export const RegistryPage = () => <Placeholder title="registry.title" body="registry.empty" />;
