// The form that records or changes a merit profile (issue 12 items 1 and 7): the category from the
// one vocabulary (src/law/merit-categories.ts), the facts that set the allowance for that category,
// the recognition decision (number, date, body), the start month and the reason of the change.
// The server decides: its problem+json field errors land in the GOV.UK-style error summary, each
// linked to its field. Editing starts from the profile read in full (health facts included, the
// read audited), so that a change never drops a masked fact.
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.ts';
import { parseDate } from '../../i18n/index.ts';
import { ErrorSummary, Field, SelectField } from '../../components/forms.tsx';
import { problemToFormErrors, errorFor, type FormError } from '../../lib/problems.ts';
import { dmy, parseMonth, tx, w } from './strings.ts';
import {
  HELPER_AWARDS,
  INVALID_TYPES,
  MERIT_CATEGORY,
  MERIT_CATEGORY_LIST,
  RELATION_TEXT,
  RELATIONS,
  RELATIVE_OF,
  type MeritCategory,
} from '../../../../src/law/merit-categories.ts';
import type { MeritProfileView, NewProfileBody } from '../../api/merit.ts';
import * as meritApi from '../../api/merit.ts';

type Facts = NonNullable<NewProfileBody['facts']>;
const RATED: readonly MeritCategory[] = ['war_invalid', 'sick_soldier', 'toxic_chemical'];
const RATED_RELATIVE_OF = ['war_invalid', 'sick_soldier', 'toxic_chemical'];

/** Server field names → the ids of this form's fields (problemToFormErrors takes the last known segment of a path). */
const FIELDS = (p: string): Record<string, string> => ({
  personId: `${p}-person`,
  category: `${p}-category`,
  injuryRate: `${p}-rate`,
  invalidType: `${p}-invalid-type`,
  especiallySevere: `${p}-severe`,
  detached: `${p}-detached`,
  seniorityYears: `${p}-seniority`,
  relativeOf: `${p}-relative-of`,
  relation: `${p}-relation`,
  martyrs: `${p}-martyrs`,
  meritPersonRate: `${p}-person-rate`,
  meritPersonDied: `${p}-person-died`,
  nurturing: `${p}-nurturing`,
  helperAward: `${p}-helper-award`,
  number: `${p}-number`,
  date: `${p}-date`,
  // "/body/decision/body": the segment "body" is dropped as the request part, "decision" remains.
  decision: `${p}-body`,
  startMonth: `${p}-start`,
  reason: `${p}-reason`,
});

const mmYyyy = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const numOrText = (s: string): number | string => (/^\s*\d+\s*$/.test(s) ? Number(s) : s.trim());

interface State {
  personId: string;
  category: MeritCategory;
  rate: string;
  invalidType: string;
  severe: boolean;
  detached: string;
  seniority: string;
  relativeOf: string;
  relation: string;
  martyrs: string;
  personRate: string;
  personDied: boolean;
  nurturing: boolean;
  helperAward: string;
  number: string;
  date: string;
  body: string;
  start: string;
  reason: string;
}

function initial(members: readonly { id: number }[], p: MeritProfileView | null): State {
  const f = p?.facts ?? {};
  return {
    personId: String(p?.personId ?? members[0]?.id ?? ''),
    category: p?.category ?? 'relative',
    rate: f.injuryRate != null ? String(f.injuryRate) : '',
    invalidType: f.invalidType ?? 'invalid',
    severe: !!f.especiallySevere,
    detached: f.detached === undefined ? '' : f.detached ? 'yes' : 'no',
    seniority: f.seniorityYears != null ? String(f.seniorityYears) : '',
    relativeOf: f.relativeOf ?? 'martyr',
    relation: f.relation ?? f.martyrs?.[0]?.relation ?? 'mother',
    martyrs: f.martyrs ? String(f.martyrs.length) : '1',
    personRate: f.meritPersonRate != null ? String(f.meritPersonRate) : '',
    personDied: !!f.meritPersonDied,
    nurturing: !!f.nurturing,
    helperAward: f.helperAward ?? 'resistance_order',
    number: p?.decision.number ?? '',
    date: p ? dmy(p.decision.date) : '',
    body: p?.decision.body ?? '',
    start: p ? mmYyyy(p.startMonth) : '',
    reason: '',
  };
}

/** The facts the category takes, from the form (the server checks them: a bad value comes back as a field error). */
function factsOf(s: State, old: Facts): Facts {
  // Facts the form does not show are kept as they were (e.g. the martyrs' names).
  const keep = (({ remarriedSpouse, deformedChild }) => ({
    ...(remarriedSpouse !== undefined ? { remarriedSpouse } : {}),
    ...(deformedChild !== undefined ? { deformedChild } : {}),
  }))(old);
  const f: Record<string, unknown> = {};
  if (RATED.includes(s.category)) {
    if (s.rate.trim()) f.injuryRate = numOrText(s.rate);
    if (s.severe) f.especiallySevere = true;
  }
  if (s.category === 'war_invalid') f.invalidType = s.invalidType;
  if (s.category === 'pre_1945') {
    if (s.detached) f.detached = s.detached === 'yes';
    if (s.detached === 'yes' && s.seniority.trim()) f.seniorityYears = numOrText(s.seniority);
  }
  if (s.category === 'revolution_helper') f.helperAward = s.helperAward;
  if (s.category === 'relative') {
    Object.assign(f, keep);
    f.relativeOf = s.relativeOf;
    if (s.relativeOf === 'martyr') {
      const n = Number(s.martyrs);
      const names = old.martyrs ?? [];
      f.martyrs =
        Number.isInteger(n) && n > 0 ? Array.from({ length: n }, (_, i) => ({ ...(names[i]?.name ? { name: names[i].name } : {}), relation: s.relation })) : [];
    } else f.relation = s.relation;
    if (RATED_RELATIVE_OF.includes(s.relativeOf)) {
      if (s.personRate.trim()) f.meritPersonRate = numOrText(s.personRate);
      if (s.personDied) f.meritPersonDied = true;
    }
    if (s.nurturing) f.nurturing = true;
  }
  if (s.nurturing && s.category !== 'relative') f.nurturing = true;
  return f as Facts;
}

function Check({ id, label, checked, onValue, error }: { id: string; label: string; checked: boolean; onValue: (v: boolean) => void; error?: string }) {
  return (
    <>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div class="checkbox">
        <input type="checkbox" id={id} name={id} checked={checked} onChange={(e) => onValue((e.target as HTMLInputElement).checked)} />
        <label for={id}>{label}</label>
      </div>
    </>
  );
}

/**
 * Records a new profile of one of `members` (profile null) or changes `profile` (read in full).
 * `onSaved` after the server accepted it.
 */
export function MeritProfileForm({
  members,
  profile,
  onSaved,
  onCancel,
}: {
  members: readonly { id: number; fullName: string }[];
  profile: MeritProfileView | null;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const p = profile ? `merit-edit-${profile.id}` : 'merit-new';
  const ids = FIELDS(p);
  const [s, setS] = useState<State>(() => initial(members, profile));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof State>(k: K) =>
    (v: State[K]) =>
      setS((o) => ({ ...o, [k]: v }));
  const err = (k: string) => errorFor(errors, ids[k]!);
  const submit = async (e: Event) => {
    e.preventDefault();
    const local: FormError[] = [];
    const start = parseMonth(s.start);
    if (!start) local.push({ field: ids.startMonth!, message: w('badMonth') });
    const date = parseDate(s.date);
    if (!date) local.push({ field: ids.date!, message: w('badDate') });
    if (local.length || !start || !date) return setErrors(local);
    const startMonth = `${Math.floor(start / 100)}-${String(start % 100).padStart(2, '0')}`;
    const facts = factsOf(s, profile?.facts ?? {});
    const decision = { number: s.number, date, body: s.body };
    setBusy(true);
    try {
      setErrors([]);
      if (profile) await meritApi.changeProfile(profile.id, { changes: { category: s.category, facts, decision, startMonth }, reason: s.reason });
      else await meritApi.createProfile({ personId: Number(s.personId), category: s.category, facts, decision, startMonth, reason: s.reason });
      onSaved();
    } catch (x) {
      // One message per field (GOV.UK): a nullable number refused reports each branch of its union.
      const all = x instanceof ApiError && x.problem ? problemToFormErrors(x.problem, ids) : [{ field: null, message: String(x) }];
      setErrors(all.filter((e, i) => e.field === null || all.findIndex((o) => o.field === e.field) === i));
    } finally {
      setBusy(false);
    }
  };
  const c = s.category;
  return (
    <form class="merit-form" id={p} onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      {!profile && (
        <SelectField
          id={ids.personId!}
          label={w('meritPerson')}
          value={s.personId}
          onValue={set('personId')}
          error={err('personId')}
          options={members.map((m) => ({ value: String(m.id), label: m.fullName }))}
        />
      )}
      <SelectField
        id={ids.category!}
        label={w('meritCategory')}
        hint={w('meritCategoryHint')}
        value={c}
        onValue={(v) => set('category')(v as MeritCategory)}
        error={err('category')}
        options={MERIT_CATEGORY_LIST.map((x) => ({ value: x.code, label: `${tx(x.text)} (${x.article})` }))}
      />
      <fieldset class="fieldset">
        <legend>{w('meritFacts')}</legend>
        {RATED.includes(c) && (
          <>
            <Field
              id={ids.injuryRate!}
              label={w('meritRate')}
              inputMode="numeric"
              class="input--short"
              value={s.rate}
              onValue={set('rate')}
              error={err('injuryRate')}
            />
            {c === 'war_invalid' && (
              <SelectField
                id={ids.invalidType!}
                label={w('meritInvalidType')}
                value={s.invalidType}
                onValue={set('invalidType')}
                error={err('invalidType')}
                options={INVALID_TYPES.map((t) => ({ value: t, label: w(`meritInvalid_${t}`) }))}
              />
            )}
            <Check id={ids.especiallySevere!} label={w('meritSevere')} checked={s.severe} onValue={set('severe')} error={err('especiallySevere')} />
          </>
        )}
        {c === 'pre_1945' && (
          <>
            <SelectField
              id={ids.detached!}
              label={w('meritDetached')}
              value={s.detached}
              onValue={set('detached')}
              error={err('detached')}
              options={[
                { value: '', label: '—' },
                { value: 'yes', label: w('meritDetachedYes') },
                { value: 'no', label: w('meritDetachedNo') },
              ]}
            />
            {s.detached === 'yes' && (
              <Field
                id={ids.seniorityYears!}
                label={w('meritSeniority')}
                inputMode="numeric"
                class="input--short"
                value={s.seniority}
                onValue={set('seniority')}
                error={err('seniorityYears')}
              />
            )}
          </>
        )}
        {c === 'revolution_helper' && (
          <SelectField
            id={ids.helperAward!}
            label={w('meritHelperAward')}
            value={s.helperAward}
            onValue={set('helperAward')}
            error={err('helperAward')}
            options={HELPER_AWARDS.map((a) => ({ value: a, label: w(`meritAward_${a}`) }))}
          />
        )}
        {c === 'relative' && (
          <>
            <SelectField
              id={ids.relativeOf!}
              label={w('meritRelativeOf')}
              value={s.relativeOf}
              onValue={set('relativeOf')}
              error={err('relativeOf')}
              options={RELATIVE_OF.map((r) => ({ value: r, label: tx(MERIT_CATEGORY[r].text) }))}
            />
            <SelectField
              id={ids.relation!}
              label={w('meritRelation')}
              value={s.relation}
              onValue={set('relation')}
              error={err('relation')}
              options={RELATIONS.map((r) => ({ value: r, label: tx(RELATION_TEXT[r]) }))}
            />
            {s.relativeOf === 'martyr' && (
              <Field
                id={ids.martyrs!}
                label={w('meritMartyrs')}
                inputMode="numeric"
                class="input--short"
                value={s.martyrs}
                onValue={set('martyrs')}
                error={err('martyrs')}
              />
            )}
            {RATED_RELATIVE_OF.includes(s.relativeOf) && (
              <>
                <Field
                  id={ids.meritPersonRate!}
                  label={w('meritPersonRate')}
                  inputMode="numeric"
                  class="input--short"
                  value={s.personRate}
                  onValue={set('personRate')}
                  error={err('meritPersonRate')}
                />
                <Check id={ids.meritPersonDied!} label={w('meritPersonDied')} checked={s.personDied} onValue={set('personDied')} />
              </>
            )}
          </>
        )}
        <Check id={ids.nurturing!} label={w('meritNurturing')} checked={s.nurturing} onValue={set('nurturing')} error={err('nurturing')} />
      </fieldset>
      <fieldset class="fieldset">
        <legend>{w('meritDecision')}</legend>
        <Field id={ids.number!} label={w('meritNumber')} hint={w('meritNumberHint')} value={s.number} onValue={set('number')} error={err('number')} />
        <Field
          id={ids.date!}
          label={w('meritDate')}
          hint="dd/mm/yyyy"
          inputMode="numeric"
          class="input--short"
          value={s.date}
          onValue={set('date')}
          error={err('date')}
        />
        <Field id={ids.decision!} label={w('meritBody')} value={s.body} onValue={set('body')} error={err('decision')} />
      </fieldset>
      <Field
        id={ids.startMonth!}
        label={w('meritStart')}
        hint="mm/yyyy"
        class="input--short"
        value={s.start}
        onValue={set('start')}
        error={err('startMonth')}
      />
      <Field id={ids.reason!} label={w('meritReason')} hint={w('meritReasonHint')} value={s.reason} onValue={set('reason')} error={err('reason')} />
      <p class="actions">
        <button class="button" type="submit" disabled={busy}>
          {w('meritSave')}
        </button>
        {onCancel && (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {w('approveCancel')}
          </button>
        )}
      </p>
    </form>
  );
}
