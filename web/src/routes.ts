// The route table: every page of the web app in one list. To add a page, add one entry here
// (its path, title, who may open it, whether it shows in the navigation, and its module,
// loaded on demand so the first download stays small).
import type { ComponentType } from 'preact';
import type { MessageKey } from './i18n/index.ts';
import type { Params } from './lib/match.ts';
import type { Permission } from '../../src/access/permissions.ts';
import Home from './pages/Home.tsx';
import SignIn from './pages/SignIn.tsx';

export interface PageProps {
  readonly params: Params;
  readonly query: URLSearchParams;
}
export interface PageModule {
  default: ComponentType<PageProps>;
}

/** Who may open a page: anyone, any signed-in user, or holders of one of the permissions. */
export type PageAccess = 'public' | 'signedIn' | { readonly anyPermission: readonly Permission[] };

export interface RouteDef {
  readonly path: string;
  readonly title: MessageKey;
  readonly access: PageAccess;
  readonly page: () => Promise<PageModule>;
  /** Shown in the main navigation (in table order) with this label. */
  readonly nav?: MessageKey;
}

const eager = (c: ComponentType<PageProps>) => () => Promise.resolve({ default: c });

export const routes: readonly RouteDef[] = [
  { path: '/', title: 'nav.home', access: 'public', nav: 'nav.home', page: eager(Home) },
  { path: '/dang-nhap', title: 'signin.title', access: 'public', page: eager(SignIn) },
  { path: '/ke-hoach', title: 'plans.title', access: 'signedIn', nav: 'nav.plans', page: () => import('./pages/plans/index.tsx') },
  { path: '/theo-doi', title: 'monitoring.title', access: 'signedIn', nav: 'nav.monitoring', page: () => import('./pages/monitoring/index.tsx') },
  { path: '/doi-tuong-chi-tra', title: 'registry.title', access: 'signedIn', nav: 'nav.registry', page: () => import('./pages/registry/index.tsx') },
  { path: '/don-vi', title: 'units.title', access: 'public', nav: 'nav.units', page: () => import('./pages/Units.tsx') },
  { path: '/don-vi/:code', title: 'units.title', access: 'public', page: () => import('./pages/Unit.tsx') },
  { path: '/tong-quan/:code', title: 'home.overview', access: 'signedIn', page: () => import('./pages/Workspace.tsx') },
  { path: '/thu-tuc', title: 'procedures.title', access: 'public', nav: 'nav.procedures', page: () => import('./pages/Procedures.tsx') },
  { path: '/thu-tuc/:code', title: 'procedures.title', access: 'public', page: () => import('./pages/Procedures.tsx') },
  { path: '/ho-so/nop', title: 'applications.applyTitle', access: 'public', page: () => import('./pages/Apply.tsx') },
  { path: '/ho-so/:code', title: 'applications.statusTitle', access: 'public', page: () => import('./pages/Applications.tsx') },
  { path: '/niem-yet', title: 'posted.title', access: 'public', page: () => import('./pages/Posted.tsx') },
  { path: '/niem-yet/:id', title: 'posted.title', access: 'public', page: () => import('./pages/Posted.tsx') },
  { path: '/niem-yet-xa', title: 'posted.workTitle', access: { anyPermission: ['registry.read'] }, page: () => import('./pages/Posted.tsx') },
  { path: '/ho-so-xa', title: 'applications.workTitle', access: { anyPermission: ['registry.read'] }, page: () => import('./pages/Applications.tsx') },
  { path: '/nha-o', title: 'housing.title', access: { anyPermission: ['registry.read'] }, nav: 'nav.housing', page: () => import('./pages/housing/index.tsx') },
  { path: '/nha-o/ho-so/:id', title: 'housing.title', access: { anyPermission: ['registry.read'] }, page: () => import('./pages/housing/Case.tsx') },
  { path: '/cuu-tro', title: 'relief.title', access: { anyPermission: ['registry.read'] }, nav: 'nav.relief', page: () => import('./pages/relief/index.tsx') },
  { path: '/cuu-tro/:id', title: 'relief.title', access: { anyPermission: ['registry.read'] }, page: () => import('./pages/relief/Event.tsx') },
  { path: '/quy', title: 'funds.title', access: { anyPermission: ['payments.read'] }, nav: 'nav.funds', page: () => import('./pages/funds/index.tsx') },
  { path: '/so-quy/:code', title: 'funds.publicTitle', access: 'public', page: () => import('./pages/funds/Public.tsx') },
  { path: '/chi-tieu', title: 'indicators.title', access: 'public', nav: 'nav.indicators', page: () => import('./pages/Indicators.tsx') },
  { path: '/tai-khoan', title: 'account.title', access: 'signedIn', page: () => import('./pages/Account.tsx') },
  {
    path: '/quan-tri',
    title: 'nav.admin',
    access: { anyPermission: ['users.manage', 'audit.read'] },
    nav: 'nav.admin',
    page: () => import('./pages/Admin.tsx'),
  },
  { path: '/quan-tri/nguoi-dung', title: 'users.title', access: { anyPermission: ['users.manage'] }, page: () => import('./pages/Users.tsx') },
  { path: '/quan-tri/nhat-ky', title: 'audit.title', access: { anyPermission: ['audit.read'] }, page: () => import('./pages/Audit.tsx') },
];
