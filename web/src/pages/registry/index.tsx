// Đối tượng & chi trả: the registry of the unit of work (or ?unit=CODE): registry indicators,
// long jobs with their progress, import with its row-level report, the annual poverty review,
// person search and household records with the classification's reasons, benefit decisions,
// and the monthly payroll with its exports. Route: { path: '/doi-tuong-chi-tra', ... }.
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { useLocale, num } from '../../i18n/index.ts';
import { useWorkUnit, useSession } from '../../lib/session.ts';
import { hasPermission } from '../../lib/scope.ts';
import { InScope } from '../../components/InScope.tsx';
import { JobList, JobProgress, moving, useJob } from './jobs.tsx';
import { ImportPanel } from './import.tsx';
import { HouseholdPanel } from './household.tsx';
import { PayrollPanel } from './payroll.tsx';
import { ProposalsPanel } from './proposals.tsx';
import { MeritListsSection } from './merit-lists.tsx';
import { dmy, registryYear, w, type Key } from './strings.ts';
import type { PersonView, RegistryIndicators } from '../../../../src/registry/schemas.ts';
import * as registryApi from '../../api/registry.ts';

type Person = PersonView;
type Value = RegistryIndicators['items'][number];

/** The registry of a unit within the user's scope; another commune answers "not found", with no action. */
export default function Registry(props: PageProps) {
  const work = useWorkUnit();
  const unit = props.query.get('unit') ?? work?.code ?? null;
  if (!unit || !/^\d{5}$/.test(unit) || unit === work?.code) return <RegistryOfUnit {...props} />;
  return <InScope code={unit}>{() => <RegistryOfUnit {...props} />}</InScope>;
}

function RegistryOfUnit({ query }: PageProps) {
  useLocale();
  const work = useWorkUnit();
  const { user } = useSession();
  const unit = query.get('unit') ?? work?.code ?? null;
  const [q, setQ] = useState('');
  const [persons, setPersons] = useState<Person[] | null>(null);
  const [values, setValues] = useState<Value[]>([]);
  const [proposals, setProposals] = useState<number | null>(null);
  const [flags, setFlags] = useState<number | null>(null);
  const [household, setHousehold] = useState<number | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [review, setReview] = useJob(null);
  const bump = () => setRefresh((x) => x + 1);
  useEffect(() => {
    if (!unit || !/^\d{5}$/.test(unit)) return;
    void registryApi
      .indicators(unit, registryYear())
      .then((r) => setValues(r.items))
      .catch(() => setValues([]));
    void registryApi
      .openProposals(unit)
      .then((r) => setProposals(r.items.length))
      .catch(() => {});
    if (hasPermission(user, 'integrity.review'))
      void registryApi
        .openFlags(unit)
        .then((r) => setFlags(r.items.length))
        .catch(() => {});
  }, [unit, refresh]);
  useEffect(() => {
    if (review && review.state === 'done') bump();
  }, [review?.state]);
  if (!unit || !/^\d{5}$/.test(unit))
    return (
      <>
        <h1>{w('title')}</h1>
        <p>{w('noUnit')}</p>
      </>
    );
  const search = async (e: Event) => {
    e.preventDefault();
    const r = await registryApi.searchPersons(unit, registryYear(), q);
    setPersons(r.items);
  };
  const runReview = async () => setReview(await registryApi.runReview(unit, registryYear()));
  const rate = (code: string) => values.find((v) => v.code === code);
  const canWrite = hasPermission(user, 'registry.write');
  return (
    <>
      <h1>{w('title')}</h1>
      <section aria-labelledby="reg-ind">
        <h2 id="reg-ind">{w('indicators', { year: registryYear() })}</h2>
        <dl class="summary">
          {['poor_household_rate', 'near_poor_household_rate', 'cashless_payment_rate', 'health_insurance_coverage_registry'].map((c) => {
            const v = rate(c);
            return v && v.denominator ? (
              <div key={c}>
                <dt>
                  {c === 'poor_household_rate'
                    ? w('poor')
                    : c === 'near_poor_household_rate'
                      ? w('near_poor')
                      : c === 'cashless_payment_rate'
                        ? w('cashless')
                        : 'BHYT'}
                </dt>
                <dd>
                  {num((100 * v.numerator) / v.denominator, 1)}% ({num(v.numerator)}/{num(v.denominator)})
                </dd>
              </div>
            ) : null;
          })}
        </dl>
        <p>
          {w('proposals')}: {proposals ?? '…'}
          {flags !== null ? ` · ${w('flags')}: ${flags}` : ''}
        </p>
      </section>
      <JobList unit={unit} refresh={refresh} />
      {canWrite && <ImportPanel unit={unit} onChange={bump} />}
      {canWrite && (
        <section aria-labelledby="reg-review">
          <h2 id="reg-review">{w('review')}</h2>
          <p class="actions">
            <button type="button" class="button" disabled={moving(review)} onClick={() => void runReview()}>
              {w('reviewRun', { year: registryYear() })}
            </button>
            {review && <span role="status">{review.state === 'done' ? w('reviewDone', { year: registryYear() }) : w(`st_${review.state}`)}</span>}
          </p>
          {review && <JobProgress job={review} />}
        </section>
      )}
      <section aria-labelledby="reg-search">
        <h2 id="reg-search">{w('search')}</h2>
        <form onSubmit={search} class="actions">
          <label>
            {w('search')} <input class="input" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
          </label>
          <button class="button" type="submit">
            {w('find')}
          </button>
        </form>
        {persons &&
          (persons.length === 0 ? (
            <p>{w('none')}</p>
          ) : (
            <div class="table-wrap">
              <table class="table" id="person-results">
                <thead>
                  <tr>
                    <th>{w('name')}</th>
                    <th>{w('dob')}</th>
                    <th>{w('id')}</th>
                    <th>{w('hh')}</th>
                    <th>{w('village')}</th>
                    <th>{w('cls')}</th>
                  </tr>
                </thead>
                <tbody>
                  {persons.map((p) => (
                    <tr key={p.id}>
                      <td>{p.fullName}</td>
                      <td>{dmy(p.dateOfBirth)}</td>
                      <td>{p.personalId ?? ''}</td>
                      <td>
                        <button type="button" class="link-button" onClick={() => setHousehold(p.householdId)} aria-label={`${w('open')} ${p.householdCode}`}>
                          {p.householdCode}
                        </button>
                      </td>
                      <td>{p.villageName ?? ''}</td>
                      <td>{p.class ? w(p.class as Key) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>
      {household && (
        <HouseholdPanel
          key={household}
          id={household}
          canDecide={hasPermission(user, 'benefits.decide')}
          canWrite={canWrite}
          onClose={() => setHousehold(null)}
          onDecided={bump}
        />
      )}
      <ProposalsPanel unit={unit} canDecide={hasPermission(user, 'benefits.decide')} refresh={refresh} onDecided={bump} onOpenHousehold={setHousehold} />
      {hasPermission(user, 'payments.read') && (
        <PayrollPanel unit={unit} canPrepare={hasPermission(user, 'payments.prepare')} canApprove={hasPermission(user, 'payments.approve')} refresh={refresh} />
      )}
      {hasPermission(user, 'registry.read') && <MeritListsSection unit={unit} canWrite={canWrite} />}
    </>
  );
}
