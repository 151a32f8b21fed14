// One definition per vocabulary (issue 16 item 1): a value list the database checks with
// `check (col in (…))` is the model's const array (or labelled record), and the HTTP schemas
// derive theirs from the same list (enumOf, src/kernel/schemas.ts). This test reads every such
// check from the migrated database and holds it to its vocabulary, so a migration or a model
// change that lets the two drift fails here; a new check must be added to the list below.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDb } from './helpers/db.ts';
import { COMPARATORS, DIRECTIONS } from '../src/indicators/vocabulary.ts';
import { AGGREGATIONS, INDICATOR_KINDS, SOURCES } from '../src/indicators/model.ts';
import { ASSIGNMENT_ROLES, CORRECTION_ACTIONS, PLAN_KINDS, PLAN_STATUSES, TARGET_ORIGINS, TASK_STATUSES } from '../src/plans/model.ts';
import { LINEAGE_PARTS, UNIT_LEVELS } from '../src/units/model.ts';
import { roleNames } from '../src/access/permissions.ts';
import { LOCALES } from '../src/kernel/i18n.ts';
import { SEXES, disabilityDegrees, paymentChannels, socialInsuranceKinds } from '../src/registry/model.ts';
import { PROPOSAL_ACTIONS, PROPOSAL_STATES } from '../src/registry/events.ts';
import { FLAG_STATES } from '../src/registry/integrity.ts';
import { AREAS, POVERTY_CLASSES } from '../src/law/poverty.ts';
import { DECISION_KINDS, LINE_STATUSES, PAYROLL_PROGRAMMES, PAYROLL_STATES } from '../src/payments/model.ts';
import { JOB_STATES } from '../src/jobs/runner.ts';
import { SUBMISSION_STATUSES } from '../src/monitoring/workflow.ts';
import { MERIT_CATEGORIES } from '../src/law/merit-categories.ts';
import { CONVALESCENCE_KINDS } from '../src/law/merit-lists.ts';
import { RELIEF_EVENT_KINDS, RELIEF_SUPPORT_TYPES } from '../src/law/relief.ts';
import { HOUSING_GROUPS, HOUSING_PROGRAMMES, HOUSING_SUPPORT_TYPES } from '../src/law/housing.ts';
import { FUNDING_SOURCES, HOUSING_STAGES, LEVEL_STATUSES, RELIEF_DISTRIBUTIONS } from '../src/housing/model.ts';
import { CASE_KINDS, FUND_KINDS, RECEIPT_CHANNELS } from '../src/funds/model.ts';
import { DCI_MODES, DCI_STATUSES } from '../src/dci/model.ts';
import { COMPLAINT_CHANNELS, COMPLAINT_KINDS, COMPLAINT_STATES } from '../src/citizens/complaints.ts';
import { COMMENT_STATES, POSTED_LIST_KINDS, POSTED_LIST_STATES } from '../src/citizens/posted.ts';
import { SURVEY_CASES } from '../src/citizens/satisfaction.ts';
import { APPLICATION_CHANNELS, APPLICATION_PROCEDURES, APPLICATION_STATES, DOCUMENT_TYPES } from '../src/citizens/model.ts';

const db = testDb();
after(async () => (await db).close());

/** Check constraint (table_column_check) → the vocabulary it must allow, exactly. */
const vocabularies: Record<string, readonly string[] | Readonly<Record<string, unknown>>> = {
  assignment_status_status_check: TASK_STATUSES,
  benefit_decisions_channel_check: paymentChannels,
  benefit_decisions_kind_check: DECISION_KINDS,
  dci_transactions_mode_check: DCI_MODES,
  dci_transactions_status_check: DCI_STATUSES,
  citizen_application_documents_content_type_check: DOCUMENT_TYPES,
  citizen_applications_channel_check: APPLICATION_CHANNELS,
  citizen_applications_procedure_check: APPLICATION_PROCEDURES,
  citizen_applications_state_check: APPLICATION_STATES,
  complaints_channel_check: COMPLAINT_CHANNELS,
  complaints_kind_check: COMPLAINT_KINDS,
  complaints_state_check: COMPLAINT_STATES,
  posted_lists_kind_check: POSTED_LIST_KINDS,
  posted_lists_state_check: POSTED_LIST_STATES,
  posted_list_comments_state_check: COMMENT_STATES,
  satisfaction_answers_case_kind_check: SURVEY_CASES,
  household_classifications_class_check: POVERTY_CLASSES,
  households_area_check: AREAS,
  housing_case_funding_source_check: FUNDING_SOURCES,
  housing_case_stages_stage_check: HOUSING_STAGES,
  housing_cases_group_check: HOUSING_GROUPS,
  housing_cases_level_status_check: LEVEL_STATUSES,
  housing_cases_programme_check: HOUSING_PROGRAMMES,
  housing_cases_stage_check: HOUSING_STAGES,
  housing_case_documents_content_type_check: DOCUMENT_TYPES,
  housing_case_documents_stage_check: HOUSING_STAGES,
  housing_cases_support_type_check: HOUSING_SUPPORT_TYPES,
  relief_entries_distribution_check: RELIEF_DISTRIBUTIONS,
  relief_entries_level_status_check: LEVEL_STATUSES,
  relief_entries_support_type_check: RELIEF_SUPPORT_TYPES,
  relief_events_kind_check: RELIEF_EVENT_KINDS,
  indicators_aggregation_check: AGGREGATIONS,
  indicators_direction_check: DIRECTIONS,
  indicators_kind_check: INDICATOR_KINDS,
  indicators_source_check: SOURCES,
  integrity_flags_state_check: FLAG_STATES,
  fund_allocations_case_kind_check: CASE_KINDS,
  fund_receipts_channel_check: RECEIPT_CHANNELS,
  funds_kind_check: FUND_KINDS,
  jobs_state_check: JOB_STATES,
  life_event_proposals_action_check: PROPOSAL_ACTIONS,
  life_event_proposals_state_check: PROPOSAL_STATES,
  monitoring_submissions_status_check: SUBMISSION_STATUSES,
  payroll_lines_status_check: LINE_STATUSES,
  payrolls_programme: PAYROLL_PROGRAMMES,
  payrolls_state_check: PAYROLL_STATES,
  persons_disability_check: disabilityDegrees,
  persons_sex_check: SEXES,
  persons_social_insurance_check: socialInsuranceKinds,
  plan_assignments_role_check: ASSIGNMENT_ROLES,
  plan_target_corrections_action_check: CORRECTION_ACTIONS,
  merit_profiles_category: MERIT_CATEGORIES,
  merit_convalescences_kind: CONVALESCENCE_KINDS,
  plan_targets_comparator_check: COMPARATORS,
  plan_targets_origin_check: TARGET_ORIGINS,
  plans_kind_check: PLAN_KINDS,
  plans_status_check: PLAN_STATUSES,
  unit_lineage_part_check: LINEAGE_PARTS,
  units_level_check: UNIT_LEVELS,
  user_roles_role_check: roleNames,
  users_locale_check: LOCALES,
};

const values = (v: readonly string[] | Readonly<Record<string, unknown>>) => [...(Array.isArray(v) ? v : Object.keys(v))].sort();

test('every value-list check in the migrated database allows exactly its model vocabulary', async () => {
  const r = await sql<{ name: string; def: string }>`
    select c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'c' and n.nspname = 'public' and pg_get_constraintdef(c.oid) like '%= ANY (ARRAY[%'
    order by 1`.execute((await db).k);
  const found = new Map(r.rows.map((x) => [x.name, [...x.def.matchAll(/'([^']+)'::text/g)].map((m) => m[1]!).sort()]));
  const problems: string[] = [];
  for (const [name, allowed] of found) {
    const v = vocabularies[name];
    if (!v) problems.push(`${name}: a value-list check with no vocabulary in this test (${allowed.join(', ')})`);
    else if (JSON.stringify(allowed) !== JSON.stringify(values(v)))
      problems.push(`${name}: the database allows ${allowed.join(', ')}; the model says ${values(v).join(', ')}`);
  }
  for (const name of Object.keys(vocabularies)) if (!found.has(name)) problems.push(`${name}: listed here but no such check in the database`);
  assert.deepEqual(problems, []);
});

test('the test reads a check as the database writes it (a drifted list is caught)', () => {
  // pg_get_constraintdef's form on both backends, as the query above parses it.
  const def = "CHECK ((sex = ANY (ARRAY['M'::text, 'F'::text, 'X'::text])))";
  const allowed = [...def.matchAll(/'([^']+)'::text/g)].map((m) => m[1]!).sort();
  assert.notDeepEqual(allowed, values(SEXES));
  assert.deepEqual(
    allowed.filter((x) => x !== 'X'),
    values(SEXES),
  );
});

test('enumOf writes the same JSON schema as the hand-written union of literals it replaces', async () => {
  const { Type } = await import('typebox');
  const { enumOf } = await import('../src/kernel/schemas.ts');
  assert.deepEqual(JSON.parse(JSON.stringify(enumOf(SEXES))), JSON.parse(JSON.stringify(Type.Union([Type.Literal('M'), Type.Literal('F')]))));
  assert.deepEqual(
    JSON.parse(JSON.stringify(enumOf(socialInsuranceKinds))),
    JSON.parse(JSON.stringify(Type.Union(['none', 'compulsory', 'voluntary'].map((x) => Type.Literal(x))))),
  );
});
