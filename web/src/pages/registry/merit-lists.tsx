// The yearly lists of a commune's people with meritorious service (issue 12 item 4): who is due
// convalescence this year, the Tết gift of the President's decision, who holds state-paid health
// insurance; each person with the reasons and article as the server computes them
// (src/merit/lists.ts), the XLSX/CSV download, and (who may write the registry) recording that a
// person received convalescence.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.ts';
import { num } from '../../i18n/index.ts';
import { Field, Notice, SelectField } from '../../components/forms.tsx';
import { tx, w } from './strings.ts';
import { MERIT_CATEGORY } from '../../../../src/law/merit-categories.ts';
import type { MeritListName, MeritListView } from '../../api/merit.ts';
import * as meritApi from '../../api/merit.ts';

const LISTS: readonly MeritListName[] = ['convalescence', 'tet-gifts', 'health-insurance'];
const LIST_KEY = { convalescence: 'meritListConvalescence', 'tet-gifts': 'meritListTet', 'health-insurance': 'meritListInsurance' } as const;
const STATUS_KEY = {
  due: 'meritSt_due',
  done: 'meritSt_done',
  not_due: 'meritSt_not_due',
  unknown: 'meritSt_unknown',
  gift: 'meritSt_gift',
  covered: 'meritSt_covered',
  check: 'meritSt_check',
  none: 'meritSt_none',
} as const;
const statusText = (s: string) => w(STATUS_KEY[s as keyof typeof STATUS_KEY] ?? 'meritSt_unknown');

export function MeritListsSection({ unit, canWrite }: { unit: string; canWrite: boolean }) {
  const [list, setList] = useState<MeritListName>('convalescence');
  const [yearText, setYearText] = useState(String(new Date().getFullYear()));
  const [data, setData] = useState<MeritListView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  useEffect(() => {
    if (!year) return;
    setFailed(null);
    void meritApi
      .yearlyList(unit, list, year)
      .then(setData)
      .catch((e) => setFailed(e instanceof ApiError ? e.message : String(e)));
  }, [unit, list, year, reload]);
  const record = async (personId: number, fullName: string, kind: 'home' | 'centre') => {
    if (!year) return;
    setSaved(null);
    setFailed(null);
    try {
      await meritApi.recordConvalescence(unit, { personId, year, kind });
      setSaved(w('meritConvRecorded', { name: fullName, year }));
      setReload((n) => n + 1);
    } catch (e) {
      setFailed(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="merit-lists">
      <h2 id="merit-lists">{w('meritLists')}</h2>
      <div class="row">
        <SelectField
          id="merit-list"
          label={w('meritListWhich')}
          value={list}
          onValue={(v) => setList(v as MeritListName)}
          options={LISTS.map((l) => ({ value: l, label: w(LIST_KEY[l]) }))}
        />
        <Field id="merit-list-year" label={w('meritListYear')} inputMode="numeric" value={yearText} onValue={setYearText} />
      </div>
      {failed && <Notice kind="warning">{failed}</Notice>}
      {saved && <Notice>{saved}</Notice>}
      {data && year && (
        <>
          <p id="merit-list-summary">
            {data.basis ? `${w('meritListBasis')}: ${data.basis}. ` : list === 'tet-gifts' ? `${w('meritListNoDecision', { year })} ` : ''}
            {Object.entries(data.counts)
              .map(([k, n]) => `${statusText(k)}: ${num(n)}`)
              .join(' · ')}
            {list === 'tet-gifts' && data.total > 0 && ` · ${w('meritListTotal')}: ${num(data.total)} đ`}
          </p>
          <p>
            <a href={meritApi.listExport(unit, list, year, 'xlsx')} download>
              {w('meritListXlsx')}
            </a>{' '}
            <a href={meritApi.listExport(unit, list, year, 'csv')} download>
              {w('meritListCsv')}
            </a>
          </p>
          {data.rows.length === 0 ? (
            <p>{w('meritListEmpty')}</p>
          ) : (
            <div class="table-wrap">
              <table class="table" id="merit-list-rows">
                <thead>
                  <tr>
                    <th scope="col">{w('meritListName')}</th>
                    <th scope="col">{w('meritCategory')}</th>
                    <th scope="col">{w('meritListResult')}</th>
                    <th scope="col">{list === 'convalescence' ? w('meritListAmounts') : list === 'tet-gifts' ? w('meritListGift') : ''}</th>
                    <th scope="col">{w('meritListWhy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={r.personId} data-status={r.status}>
                      <td>
                        {r.fullName}
                        {r.householdCode && <span class="muted"> ({r.householdCode})</span>}
                      </td>
                      <td>{r.categories.map((c) => tx(MERIT_CATEGORY[c].text)).join('; ')}</td>
                      <td>
                        {statusText(r.status)}
                        {r.frequency && <span class="muted"> ({w(r.frequency === 'yearly' ? 'meritFreqYearly' : 'meritFreqBiennial')})</span>}
                      </td>
                      <td>
                        {list === 'convalescence' && r.amountHome !== null && `${w('meritConvHome')} ${num(r.amountHome)} đ`}
                        {list === 'convalescence' && r.amountCentre !== null && ` · ${w('meritConvCentre')} ${num(r.amountCentre)} đ`}
                        {list === 'tet-gifts' && r.amount !== null && `${num(r.amount)} đ`}
                      </td>
                      <td>
                        <ul class="plain">
                          {r.reasons.map((x, i) => (
                            <li key={i}>
                              {tx(x.text)}
                              {x.basis && <span class="muted"> ({x.basis})</span>}
                            </li>
                          ))}
                        </ul>
                        {list === 'convalescence' && canWrite && r.status === 'due' && (
                          <span class="actions">
                            <button type="button" class="link-button" onClick={() => record(r.personId, r.fullName, 'home')}>
                              {w('meritConvRecordHome')}
                            </button>
                            <button type="button" class="link-button" onClick={() => record(r.personId, r.fullName, 'centre')}>
                              {w('meritConvRecordCentre')}
                            </button>
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
