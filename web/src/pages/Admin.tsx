// Quản trị: the administration entry, linking to what the user's permissions allow.
import '../i18n/vi/admin.ts';
import { t } from '../i18n/index.ts';
import { Link } from '../lib/router.tsx';
import { useSession } from '../lib/session.ts';
import { hasPermission } from '../lib/scope.ts';

export default function Admin() {
  const { user } = useSession();
  return (
    <>
      <h1>{t('nav.admin')}</h1>
      <div class="cards">
        {hasPermission(user, 'users.manage') && (
          <section class="card">
            <h2>
              <Link href="/quan-tri/nguoi-dung">{t('users.title')}</Link>
            </h2>
            <p>{t('users.intro')}</p>
          </section>
        )}
        {hasPermission(user, 'audit.read') && (
          <section class="card">
            <h2>
              <Link href="/quan-tri/nhat-ky">{t('audit.title')}</Link>
            </h2>
            <p>{t('audit.intro')}</p>
          </section>
        )}
      </div>
    </>
  );
}
