// The cards on a unit's overview (Trang chủ), one per area of work. A feature that has
// something to show adds `summary`: a component loaded on demand that gets the unit code;
// until then the card shows its empty state, which says what comes next.
import type { ComponentType } from 'preact';
import type { MessageKey } from './i18n/index.ts';

export interface HomeCard {
  readonly key: string;
  readonly title: MessageKey;
  readonly href: string;
  readonly empty: MessageKey;
  readonly action: MessageKey;
  readonly summary?: () => Promise<{ default: ComponentType<{ unitCode: string }> }>;
}

const summaries = () => import('./components/CardSummaries.tsx');

export const homeCards: readonly HomeCard[] = [
  {
    key: 'plans',
    title: 'nav.plans',
    href: '/ke-hoach',
    empty: 'home.plans.empty',
    action: 'home.plans.action',
    summary: () => summaries().then((m) => ({ default: m.PlansSummary })),
  },
  {
    key: 'monitoring',
    title: 'nav.monitoring',
    href: '/theo-doi',
    empty: 'home.monitoring.empty',
    action: 'home.monitoring.action',
    summary: () => summaries().then((m) => ({ default: m.MonitoringSummary })),
  },
  {
    key: 'registry',
    title: 'nav.registry',
    href: '/doi-tuong-chi-tra',
    empty: 'home.registry.empty',
    action: 'home.registry.action',
    summary: () => summaries().then((m) => ({ default: m.RegistrySummary })),
  },
];
