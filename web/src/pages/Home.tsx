// Trang chủ: for visitors, what An sinh is and the public directories; for a signed-in user,
// what is waiting for them (Việc cần làm, per role and unit), then the overview of the unit of
// work picked in the header.
import { t } from '../i18n/index.ts';
import { Link } from '../lib/router.tsx';
import { useSession, useWorkUnit } from '../lib/session.ts';
import { Overview } from '../components/Overview.tsx';
import { Notice } from '../components/forms.tsx';
import { WorkList } from '../components/WorkList.tsx';

function PublicHome() {
  return (
    <div class="public-home">
      <h1>{t('home.public.title')}</h1>
      <p class="lead">{t('home.public.intro')}</p>
      <p>
        <Link class="button" href="/dang-nhap">
          {t('home.public.signIn')}
        </Link>
      </p>
      <div class="cards">
        <section class="card">
          <h2>
            <Link href="/don-vi">{t('home.public.directory')}</Link>
          </h2>
          <p>{t('home.public.directoryText')}</p>
        </section>
        <section class="card">
          <h2>
            <Link href="/chi-tieu">{t('home.public.catalogue')}</Link>
          </h2>
          <p>{t('home.public.catalogueText')}</p>
        </section>
      </div>
    </div>
  );
}

export default function Home() {
  const { user } = useSession();
  const unit = useWorkUnit();
  if (!user) return <PublicHome />;
  // Until the password is changed or TOTP enrolled, the server answers nothing else.
  const work = user.mustChangePassword || user.mustEnrollTotp ? null : <WorkList />;
  return (
    <>
      {user.mustChangePassword && (
        <Notice kind="warning">
          <Link href="/tai-khoan">{t('home.mustChangePassword')}</Link>
        </Notice>
      )}
      {user.mustEnrollTotp && (
        <Notice kind="warning">
          <Link href="/tai-khoan">{t('home.mustEnrollTotp')}</Link>
        </Notice>
      )}
      {!unit ? (
        <>
          <h1>{t('home.overview')}</h1>
          <p>{t('home.noUnit')}</p>
          {work}
        </>
      ) : unit.code === null ? (
        <>
          <p class="caption">{t('home.overview')}</p>
          <h1>{t('unit.national')}</h1>
          <p>{t('home.national')}</p>
          {work}
          <p>
            <Link href="/don-vi">{t('home.public.directory')}</Link>
          </p>
        </>
      ) : (
        <Overview key={unit.code} code={unit.code} fallbackName={unit.name} lead={work} />
      )}
    </>
  );
}
