// The page for an address the route table does not know.
import { t } from '../i18n/index.ts';
import { Link } from '../lib/router.tsx';

export default function NotFound() {
  return (
    <div class="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('nav.home')}</Link>
      </p>
    </div>
  );
}
