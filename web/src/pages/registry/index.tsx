// Đối tượng & chi trả: the registry of the unit of work (or ?unit=CODE): registry indicators,
// person search (sensitive fields masked by the server), payrolls with their exports, open
// life-event proposals and integrity flags. Route: { path: '/doi-tuong-chi-tra', ... }.
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { localeStore, useLocale, num } from '../../i18n/index.ts';
import { api } from '../../lib/api.ts';
import { useWorkUnit, useSession } from '../../lib/session.ts';
import { hasPermission } from '../../lib/scope.ts';

const words = {
  vi: { title: 'Đối tượng & chi trả', noUnit: 'Chọn một xã làm đơn vị làm việc để xem sổ hộ.', search: 'Tìm nhân khẩu (họ tên, số định danh, mã hộ)', find: 'Tìm', name: 'Họ và tên', dob: 'Ngày sinh', id: 'Số định danh', hh: 'Mã hộ', village: 'Bản/thôn', cls: 'Xếp loại', payrolls: 'Danh sách chi trả', month: 'Tháng', lines: 'Số người', total: 'Tổng (đồng)', state: 'Trạng thái', bank: 'Tệp ngân hàng', sign: 'Danh sách ký nhận', proposals: 'Đề xuất biến động đang chờ', flags: 'Cảnh báo cần xử lý', indicators: 'Chỉ tiêu từ sổ hộ (năm 2026)', none: 'Không có', poor: 'Hộ nghèo', near_poor: 'Hộ cận nghèo', average: 'Mức sống trung bình', unknown: 'Chưa xác định' },
  en: { title: 'Registry & payments', noUnit: 'Choose a commune as your unit of work to see its registry.', search: 'Find a person (name, personal ID, household code)', find: 'Search', name: 'Full name', dob: 'Date of birth', id: 'Personal ID', hh: 'Household', village: 'Village', cls: 'Class', payrolls: 'Payrolls', month: 'Month', lines: 'Persons', total: 'Total (VND)', state: 'State', bank: 'Bank file', sign: 'Signature list', proposals: 'Open life-event proposals', flags: 'Integrity flags to review', indicators: 'Registry indicators (2026)', none: 'None', poor: 'Poor', near_poor: 'Near-poor', average: 'Average', unknown: 'Unknown' },
};
type Key = keyof typeof words.vi;
const w = (k: Key) => words[localeStore.get() === 'en' ? 'en' : 'vi'][k];
const dmy = (s: string) => s.split('-').reverse().join('/');
const month = (m: number) => `${String(m % 100).padStart(2, '0')}/${Math.floor(m / 100)}`;

interface Person { id: number; fullName: string; dateOfBirth: string; personalId: string | null; householdCode?: string; villageName?: string | null; class?: string | null }
interface Payroll { id: number; month: number; state: string; lines: number; total: number }
interface Value { code: string; numerator: number; denominator: number | null }

export default function Registry({ query }: PageProps) {
  useLocale();
  const work = useWorkUnit();
  const { user } = useSession();
  const unit = query.get('unit') ?? work?.code ?? null;
  const [q, setQ] = useState('');
  const [persons, setPersons] = useState<Person[] | null>(null);
  const [payrolls, setPayrolls] = useState<Payroll[]>([]);
  const [values, setValues] = useState<Value[]>([]);
  const [proposals, setProposals] = useState<number | null>(null);
  const [flags, setFlags] = useState<number | null>(null);
  useEffect(() => {
    if (!unit || !/^\d{5}$/.test(unit)) return;
    void api<Value[]>('GET', `/api/registry/units/${unit}/indicators?year=2026`).then(setValues).catch(() => setValues([]));
    if (hasPermission(user, 'payments.read')) void api<{ payrolls: Payroll[] }>('GET', `/api/payments/units/${unit}/payrolls`).then((r) => setPayrolls(r.payrolls)).catch(() => {});
    void api<unknown[]>('GET', `/api/registry/units/${unit}/proposals?state=open`).then((r) => setProposals(r.length)).catch(() => {});
    if (hasPermission(user, 'integrity.review')) void api<{ items: unknown[] }>('GET', `/api/registry/units/${unit}/integrity?state=open`).then((r) => setFlags(r.items.length)).catch(() => {});
  }, [unit]);
  if (!unit || !/^\d{5}$/.test(unit)) return (<><h1>{w('title')}</h1><p>{w('noUnit')}</p></>);
  const search = async (e: Event) => {
    e.preventDefault();
    const r = await api<{ items: Person[] }>('GET', `/api/registry/units/${unit}/persons?year=2026&q=${encodeURIComponent(q)}`);
    setPersons(r.items);
  };
  const rate = (code: string) => values.find((v) => v.code === code);
  return (
    <>
      <h1>{w('title')}</h1>
      <section aria-labelledby="reg-ind">
        <h2 id="reg-ind">{w('indicators')}</h2>
        <dl class="summary">
          {['poor_household_rate', 'near_poor_household_rate', 'cashless_payment_rate', 'health_insurance_coverage_registry'].map((c) => {
            const v = rate(c);
            return v && v.denominator ? <div key={c}><dt>{c === 'poor_household_rate' ? w('poor') : c === 'near_poor_household_rate' ? w('near_poor') : c === 'cashless_payment_rate' ? 'Không dùng tiền mặt' : 'BHYT'}</dt><dd>{num((100 * v.numerator) / v.denominator, 1)}% ({num(v.numerator)}/{num(v.denominator)})</dd></div> : null;
          })}
        </dl>
        <p>{w('proposals')}: {proposals ?? '…'}{flags !== null ? ` · ${w('flags')}: ${flags}` : ''}</p>
      </section>
      <section aria-labelledby="reg-search">
        <h2 id="reg-search">{w('search')}</h2>
        <form onSubmit={search} class="actions">
          <label>{w('search')} <input value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} /></label>
          <button type="submit">{w('find')}</button>
        </form>
        {persons && (persons.length === 0 ? <p>{w('none')}</p> : (
          <table>
            <thead><tr><th>{w('name')}</th><th>{w('dob')}</th><th>{w('id')}</th><th>{w('hh')}</th><th>{w('village')}</th><th>{w('cls')}</th></tr></thead>
            <tbody>{persons.map((p) => <tr key={p.id}><td>{p.fullName}</td><td>{dmy(p.dateOfBirth)}</td><td>{p.personalId ?? ''}</td><td>{p.householdCode}</td><td>{p.villageName ?? ''}</td><td>{p.class ? w(p.class as Key) : ''}</td></tr>)}</tbody>
          </table>
        ))}
      </section>
      {payrolls.length > 0 && (
        <section aria-labelledby="reg-pay">
          <h2 id="reg-pay">{w('payrolls')}</h2>
          <table>
            <thead><tr><th>{w('month')}</th><th>{w('lines')}</th><th>{w('total')}</th><th>{w('state')}</th><th></th></tr></thead>
            <tbody>{payrolls.map((p) => <tr key={p.id}><td>{month(p.month)}</td><td>{num(p.lines)}</td><td>{num(p.total)}</td><td>{p.state}</td>
              <td><a href={`/api/payments/payrolls/${p.id}/export?format=bank-xlsx`}>{w('bank')}</a> · <a href={`/api/payments/payrolls/${p.id}/export?format=signatures`}>{w('sign')}</a></td></tr>)}</tbody>
          </table>
        </section>
      )}
    </>
  );
}
