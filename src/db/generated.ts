// The database's table types, generated from the migrations by `npm run db:types`
// (scripts/db-types.ts, kysely-codegen). Do not edit: add a migration and run it again;
// test/db-types.test.ts fails when this file and the migrated schema differ.

import type { ColumnType } from "kysely";

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type Json = JsonValue;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [x: string]: JsonValue | undefined;
};

export type JsonPrimitive = boolean | number | string | null;

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

export type Numeric = ColumnType<number, number | string, number | string>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ApiTokens {
  created_at: Timestamp;
  expires_at: Timestamp | null;
  id: Generated<number>;
  last_used_at: Timestamp | null;
  name: string;
  permissions: string[] | null;
  revoked_at: Timestamp | null;
  token_hash: string;
  user_id: number;
}

export interface AssignmentStatus {
  assignment_id: number;
  note: string | null;
  period: string;
  status: string;
  updated_at: Generated<Timestamp>;
  updated_by: number | null;
}

export interface AuditAnchors {
  anchored_at: Timestamp;
  hash: string;
  id: Generated<number>;
  place: string;
  seq: number;
}

export interface AuditLog {
  action: string;
  actor_user_id: number | null;
  actor_username: string | null;
  after: Json | null;
  at: Timestamp;
  before: Json | null;
  entity: string;
  entity_id: string | null;
  hash: string;
  ip: string | null;
  prev_hash: string;
  seq: number;
  unit_id: number | null;
}

export interface BenefitDecisions {
  account: string | null;
  basis: Generated<string>;
  category: string | null;
  channel: string | null;
  coefficient_tenths: number | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  decided_on: string;
  id: Generated<number>;
  kind: string;
  monthly_amount: number | null;
  number: string;
  person_id: number;
  proposal_id: number | null;
  province_code: string;
  signer: string;
  start_month: number;
  unit_id: number;
}

export interface CitizenApplicationDocuments {
  application_id: number;
  content: Buffer;
  content_type: string;
  file_name: string;
  id: Generated<number>;
  sha256: string;
  size: number;
  unit_id: number;
  uploaded_at: Generated<Timestamp>;
}

export interface CitizenApplications {
  address: Generated<string>;
  applicant_name: string;
  benefit_decision_id: number | null;
  birth_date: string;
  channel: string;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decided_on: string | null;
  decision_number: string | null;
  id: Generated<number>;
  note: Generated<string>;
  person_id: number | null;
  personal_id: string;
  phone: string | null;
  procedure: string;
  province_code: string;
  reasons: string | null;
  received_by: string | null;
  received_on: string;
  signer: string | null;
  state: Generated<string>;
  tracking_code: string;
  unit_id: number;
}

export interface Complaints {
  accept_due: string | null;
  accept_rule: string | null;
  accepted_on: string | null;
  assigned_at: Timestamp | null;
  assigned_to: string | null;
  channel: string;
  complainant: string;
  complex: Generated<boolean>;
  concerns: string | null;
  contact: Generated<string>;
  created_at: Generated<Timestamp>;
  extensions: Generated<number>;
  id: Generated<number>;
  kind: string;
  outcome: string | null;
  previous_id: number | null;
  province_code: string;
  received_on: string;
  recorded_by: string;
  remote: Generated<boolean>;
  round: Generated<number>;
  settle_due: string | null;
  settle_rule: string | null;
  settled_on: string | null;
  state: Generated<string>;
  subject: string;
  tracking_code: string | null;
  unit_id: number;
}

export interface DciTransactions {
  completed_at: Timestamp | null;
  correlation_id: string;
  created_at: Generated<Timestamp>;
  id: Generated<number>;
  message_id: string;
  mode: string;
  results: Generated<Json>;
  sender_id: string;
  status: string;
  status_reason_code: string | null;
  token_id: number | null;
  transaction_id: string;
  user_id: number;
}

export interface DemoState {
  seeded_at: Generated<Timestamp>;
}

export interface FundAllocations {
  amount: number;
  beneficiary_hamlet: string | null;
  beneficiary_name: string | null;
  case_kind: string;
  case_ref: string | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  decided_on: string;
  description: string;
  fund_id: number;
  id: Generated<number>;
  unit_id: number;
}

export interface FundPublications {
  created_at: Generated<Timestamp>;
  fund_id: number;
  id: Generated<number>;
  published_by: string;
  published_on: string;
  unit_id: number;
  year: number;
}

export interface FundReceipts {
  amount: number;
  channel: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  donor: string;
  donor_folded: string;
  fund_id: number;
  id: Generated<number>;
  purpose: string | null;
  received_on: string;
  reference: string | null;
  statement_line_id: number | null;
  unit_id: number;
}

export interface Funds {
  account_number: string | null;
  bank_name: string | null;
  created_at: Generated<Timestamp>;
  id: Generated<number>;
  kind: string;
  name: string;
  province_code: string;
  unit_id: number;
}

export interface FundSpendings {
  allocation_id: number | null;
  amount: number;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  fund_id: number;
  id: Generated<number>;
  purpose: string;
  purpose_folded: string;
  reference: string | null;
  spent_on: string;
  statement_line_id: number | null;
  unit_id: number;
}

export interface FundStatementLines {
  amount: number;
  booked_on: string;
  description: string;
  fund_id: number;
  id: Generated<number>;
  line_key: string;
  line_no: number;
  receipt_id: number | null;
  reference: string | null;
  spending_id: number | null;
  statement_id: number;
  unit_id: number;
}

export interface FundStatements {
  bank: string;
  closing_balance: number;
  file_hash: string;
  file_name: string;
  fund_id: number;
  id: Generated<number>;
  imported_at: Generated<Timestamp>;
  imported_by: string | null;
  lines: number;
  opening_balance: number;
  period_from: string;
  period_to: string;
  unit_id: number;
}

export interface HouseholdClassifications {
  class: string;
  computed_at: Generated<Timestamp>;
  deprivation_count: Generated<number>;
  household_id: number;
  household_version: number;
  job_id: number | null;
  province_code: string;
  unit_id: number;
  year: number;
}

export interface Households {
  address: Generated<string>;
  area: string;
  code: string;
  deprivations: Generated<Json>;
  disadvantaged_area: Generated<boolean>;
  head_person_id: number | null;
  id: Generated<number>;
  income_per_month: number | null;
  merit: Generated<boolean>;
  province_code: string;
  unit_id: number;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
  village_id: number | null;
}

export interface HouseholdVersions {
  address: string;
  area: string;
  code: string;
  deprivations: Json;
  disadvantaged_area: boolean;
  head_person_id: number | null;
  household_id: number;
  income_per_month: number | null;
  merit: boolean;
  province_code: string;
  reason: string;
  recorded_at: Generated<Timestamp>;
  recorded_by: string | null;
  unit_id: number;
  version: number;
  village_id: number | null;
}

export interface HousingCaseDocuments {
  case_id: number;
  content: Buffer;
  content_type: string;
  file_name: string;
  id: Generated<number>;
  sha256: string;
  size: number;
  stage: string;
  unit_id: number;
  uploaded_at: Generated<Timestamp>;
  uploaded_by: string;
}

export interface HousingCaseFunding {
  amount: number;
  case_id: number;
  date: string;
  id: Generated<number>;
  note: Generated<string>;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
  source: string;
  unit_id: number;
}

export interface HousingCases {
  condition: Generated<string>;
  created_at: Generated<Timestamp>;
  deadline: string | null;
  decision_date: string | null;
  decision_number: string | null;
  group: string;
  household_id: number;
  id: Generated<number>;
  level_amount: number | null;
  level_basis: string | null;
  level_status: Generated<string>;
  programme: string;
  province_code: string;
  stage: Generated<string>;
  support_type: string;
  survey_date: string;
  unit_id: number;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface HousingCaseStages {
  case_id: number;
  confirmed_by: string;
  date: string;
  note: Generated<string>;
  recorded_at: Generated<Timestamp>;
  stage: string;
  unit_id: number;
}

export interface Indicators {
  aggregation: string;
  area: string;
  code: string;
  denominator_en: string | null;
  denominator_vi: string | null;
  direction: string;
  disaggregations: Generated<string[]>;
  factor: Generated<Numeric>;
  kind: string;
  name_en: string;
  name_vi: string;
  numerator_en: string | null;
  numerator_vi: string | null;
  source: string;
  synonyms: Generated<string[]>;
  unit: string;
}

export interface IntegrityFlags {
  detected_at: Generated<Timestamp>;
  id: Generated<number>;
  key: string;
  kind: string;
  note: string | null;
  person_ids: number[];
  province_code: string;
  reason: Json;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  score: number | null;
  state: Generated<string>;
  unit_id: number;
}

export interface JobFiles {
  content: Buffer;
  file_name: string;
  job_id: number;
}

export interface Jobs {
  chunks: Generated<number>;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  cursor: Json | null;
  error: string | null;
  finished_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  id: Generated<number>;
  kind: string;
  params: Json;
  progress: Generated<number>;
  result: Json | null;
  started_at: Timestamp | null;
  state: Generated<string>;
  total: number | null;
  unit_id: number | null;
}

export interface JobStaging {
  job_id: number;
  payload: Json;
  seq: Generated<number>;
}

export interface LifeEventProposals {
  action: string;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_id: number | null;
  detail: Json;
  effective_month: number;
  event_date: string;
  id: Generated<number>;
  kind: string;
  person_id: number;
  province_code: string;
  state: Generated<string>;
  unit_id: number;
}

export interface MeritConvalescences {
  kind: string;
  person_id: number;
  province_code: string;
  recorded_at: Generated<Timestamp>;
  recorded_by: string | null;
  unit_id: number;
  year: number;
}

export interface MeritProfiles {
  category: string;
  decision_body: string;
  decision_date: string;
  decision_number: string;
  end_month: string | null;
  facts: Generated<Json>;
  id: Generated<number>;
  person_id: number;
  province_code: string;
  start_month: string;
  unit_id: number;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface MeritProfileVersions {
  category: string;
  decision_body: string;
  decision_date: string;
  decision_number: string;
  end_month: string | null;
  facts: Json;
  person_id: number;
  profile_id: number;
  province_code: string;
  reason: string;
  recorded_at: Generated<Timestamp>;
  recorded_by: string | null;
  start_month: string;
  unit_id: number;
  version: number;
}

export interface MonitoringAggregates {
  denominator: number | null;
  disaggregation: Generated<string>;
  indicator_code: string;
  numerator: number | null;
  period: string;
  sources: number;
  unit_id: number;
  updated_at: Generated<Timestamp>;
  value: number | null;
}

export interface MonitoringAttachments {
  content: Buffer;
  content_type: string;
  file_name: string;
  id: Generated<number>;
  period: string;
  sha256: string;
  size: number;
  unit_id: number;
  uploaded_at: Generated<Timestamp>;
  uploaded_by: number | null;
}

export interface MonitoringCountryAggregates {
  denominator: number | null;
  disaggregation: Generated<string>;
  indicator_code: string;
  numerator: number | null;
  period: string;
  sources: number;
  updated_at: Generated<Timestamp>;
  value: number | null;
}

export interface MonitoringRequirements {
  created_at: Generated<Timestamp>;
  indicator_code: string;
  unit_id: number;
}

export interface MonitoringSubmissions {
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by: number | null;
  id: Generated<number>;
  period: string;
  reopen_reason: string | null;
  reopened_at: Timestamp | null;
  reopened_by: number | null;
  return_reason: string | null;
  status: Generated<string>;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  unit_id: number;
  updated_at: Generated<Timestamp>;
}

export interface MonitoringTotals {
  denominator: number | null;
  disaggregation: string | null;
  indicator_code: string | null;
  numerator: number | null;
  period: string | null;
  sources: number | null;
  unit_id: number | null;
  value: number | null;
}

export interface MonitoringValues {
  comment: string | null;
  denominator: Numeric | null;
  disaggregation: Generated<string>;
  indicator_code: string;
  numerator: Numeric | null;
  period: string;
  unit_id: number;
  updated_at: Generated<Timestamp>;
  updated_by: number | null;
  value: Numeric | null;
}

export interface NationalEnrolments {
  decided_on: string | null;
  kind: string | null;
  personal_id: string | null;
  province_code: string | null;
  start_month: number | null;
  unit_id: number | null;
}

export interface NationalPaidMonths {
  amount: number | null;
  month: number | null;
  personal_id: string | null;
  programme: string | null;
  province_code: string | null;
  status: string | null;
  unit_id: number | null;
}

export interface NationalPersons {
  date_of_birth: string | null;
  death_date: string | null;
  full_name: string | null;
  household_id: number | null;
  id: number | null;
  personal_id: string | null;
  province_code: string | null;
  sex: string | null;
  unit_id: number | null;
}

export interface PayrollLines {
  account: string | null;
  arrears: number;
  channel: string;
  current_amount: number;
  decision_id: number | null;
  items: Generated<string[]>;
  payroll_id: number;
  person_id: number;
  province_code: string;
  reconciled_at: Timestamp | null;
  reference: string | null;
  status: Generated<string>;
  total: number;
  unit_id: number;
}

export interface Payrolls {
  approved_at: Timestamp | null;
  approved_by: string | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  id: Generated<number>;
  lines: Generated<number>;
  month: number;
  programme: Generated<string>;
  province_code: string;
  state: Generated<string>;
  total: Generated<number>;
  unit_id: number;
}

export interface Persons {
  conditions: Generated<string[]>;
  date_of_birth: string;
  death_date: string | null;
  disability: Generated<string>;
  disability_certified_on: string | null;
  ethnic_code: string;
  full_name: string;
  health_insurance: Generated<boolean>;
  household_id: number;
  id: Generated<number>;
  merit: Generated<boolean>;
  name_folded: string;
  pension: Generated<boolean>;
  personal_id: string | null;
  province_code: string;
  relation: string;
  schooling: Generated<string>;
  sex: string;
  social_insurance: Generated<string>;
  social_insurance_no: string | null;
  unit_id: number;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface PersonVersions {
  conditions: string[];
  date_of_birth: string;
  death_date: string | null;
  disability: string;
  disability_certified_on: string | null;
  ethnic_code: string;
  full_name: string;
  health_insurance: boolean;
  household_id: number;
  merit: boolean;
  pension: boolean;
  person_id: number;
  personal_id: string | null;
  province_code: string;
  reason: string;
  recorded_at: Generated<Timestamp>;
  recorded_by: string | null;
  relation: string;
  schooling: string;
  sex: string;
  social_insurance: string;
  social_insurance_no: string | null;
  unit_id: number;
  version: number;
}

export interface PlanAssignments {
  agency: string;
  due_date: string | null;
  id: Generated<number>;
  ord: number;
  plan_id: number;
  recurrence: string | null;
  recurrence_day: number | null;
  recurrence_month: number | null;
  role: string;
  source_text: string | null;
  what: string;
}

export interface PlanLinks {
  id: Generated<number>;
  parent_number: string | null;
  parent_plan_id: number | null;
  parent_reference: string;
  plan_id: number;
}

export interface PlanRecipients {
  id: Generated<number>;
  name: string;
  ord: number;
  plan_id: number;
}

export interface Plans {
  confirmed_at: Timestamp | null;
  confirmed_by: number | null;
  created_at: Generated<Timestamp>;
  created_by: number | null;
  id: Generated<number>;
  issued_on: string | null;
  issued_on_text: string | null;
  issuer: string | null;
  kind: string;
  number: string | null;
  place: string | null;
  signer: string | null;
  signer_title: string | null;
  source_file: string | null;
  source_text: string | null;
  status: Generated<string>;
  title: string;
  unit_id: number;
  version: Generated<number>;
}

export interface PlanSections {
  end_offset: number | null;
  id: Generated<number>;
  level: number;
  numbering: string | null;
  ord: number;
  plan_id: number;
  start_offset: number | null;
  title: string;
}

export interface PlanTargetCorrections {
  action: string;
  after: Json | null;
  before: Json | null;
  corrected_at: Generated<Timestamp>;
  corrected_by: number | null;
  id: Generated<number>;
  plan_id: number;
  target_id: number | null;
}

export interface PlanTargets {
  baseline_value: Numeric | null;
  baseline_year: number | null;
  comparator: string;
  confirmed: Generated<boolean>;
  created_at: Generated<Timestamp>;
  id: Generated<number>;
  indicator_code: string;
  origin: Generated<string>;
  parent_target_id: number | null;
  plan_id: number;
  source_offset: number | null;
  source_text: string | null;
  unit: string;
  unit_group: string | null;
  unit_id: number;
  value: Numeric;
  year: number | null;
}

export interface PlanTasks {
  body: string | null;
  id: Generated<number>;
  numbering: string | null;
  ord: number;
  plan_id: number;
  title: string;
}

export interface PlanVersions {
  changes: Json;
  id: Generated<number>;
  plan_id: number;
  replaced_at: Generated<Timestamp>;
  replaced_by: number | null;
  snapshot: Json;
  source_file: string | null;
  unit_id: number;
  version: number;
}

export interface PostedListComments {
  answer: string | null;
  author: string;
  body: string;
  considered_at: Timestamp | null;
  considered_by: string | null;
  contact: Generated<string>;
  id: Generated<number>;
  list_id: number;
  received_at: Generated<Timestamp>;
  received_on: string;
  state: Generated<string>;
  unit_id: number;
}

export interface PostedListEntries {
  application_id: number | null;
  full_name: string;
  group_label: Generated<string>;
  hamlet: Generated<string>;
  id: Generated<number>;
  list_id: number;
  position: number;
  unit_id: number;
}

export interface PostedLists {
  created_at: Generated<Timestamp>;
  decided_on: string | null;
  decision_note: string | null;
  decision_number: string | null;
  id: Generated<number>;
  kind: string;
  posted_by: string;
  posted_on: string;
  posted_until: string;
  posting_rule: string;
  province_code: string;
  state: Generated<string>;
  title: string;
  unit_id: number;
}

export interface RegistryImports {
  content_hash: string;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  file_name: string;
  households: number;
  id: Generated<number>;
  persons: number;
  unit_id: number;
}

export interface ReliefDecisions {
  amount: number;
  created_at: Generated<Timestamp>;
  date: string;
  event_id: number;
  id: Generated<number>;
  lines: number;
  number: string;
  recorded_by: string;
  signer: string;
  unit_id: number;
}

export interface ReliefEntries {
  account: string | null;
  amount: number | null;
  created_at: Generated<Timestamp>;
  distribution: Generated<string>;
  event_id: number;
  household_id: number | null;
  id: Generated<number>;
  item: string | null;
  level_basis: string | null;
  level_status: string;
  outside_household: string | null;
  outside_name: string | null;
  outside_personal_id: string | null;
  outside_village_id: number | null;
  persons: Generated<number>;
  quantity: Numeric | null;
  quantity_unit: string | null;
  recorded_by: string;
  registered_on: string | null;
  rice_kg: number | null;
  support_type: string;
  supported_on: string | null;
  unit_id: number;
}

export interface ReliefEvents {
  created_at: Generated<Timestamp>;
  date: string;
  id: Generated<number>;
  kind: string;
  name: string;
  province_code: string;
  recorded_by: string;
  unit_id: number;
}

export interface ReviewStaging {
  class: string;
  deprivation_count: number;
  household_id: number;
  household_version: number;
  job_id: number;
  province_code: string;
  unit_id: number;
}

export interface SatisfactionAnswers {
  answered_on: string;
  attitude: number;
  case_key: string;
  case_kind: string;
  created_at: Generated<Timestamp>;
  id: Generated<number>;
  overall: number;
  province_code: string;
  timeliness: number;
  unit_id: number;
  year: number;
}

export interface SchemaMigrations {
  applied_at: Generated<Timestamp>;
  name: string;
  version: number;
}

export interface Sessions {
  created_at: Timestamp;
  csrf_token: string;
  id: string;
  ip: string | null;
  last_seen_at: Timestamp;
  user_agent: string | null;
  user_id: number;
}

export interface SignInThrottle {
  failures: number;
  key: string;
  locked_until: Timestamp | null;
  window_start: Timestamp;
}

export interface UnitLineage {
  effective: string;
  part: string;
  predecessor_id: number;
  successor_id: number;
}

export interface UnitPersonCounts {
  insured: Generated<number>;
  living: Generated<number>;
  persons: Generated<number>;
  unit_id: number;
}

export interface Units {
  ancestors: Generated<number[]>;
  code: string;
  id: Generated<number>;
  kind: string;
  level: string;
  name: string;
  name_folded: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface UserRoles {
  id: Generated<number>;
  role: string;
  unit_id: number | null;
  user_id: number;
}

export interface Users {
  created_at: Generated<Timestamp>;
  disabled: Generated<boolean>;
  display_name: string;
  id: Generated<number>;
  locale: Generated<string>;
  must_change_password: Generated<boolean>;
  password_hash: string;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  totp_pending_secret: string | null;
  totp_secret: string | null;
  updated_at: Generated<Timestamp>;
  username: string;
}

export interface DB {
  api_tokens: ApiTokens;
  assignment_status: AssignmentStatus;
  audit_anchors: AuditAnchors;
  audit_log: AuditLog;
  benefit_decisions: BenefitDecisions;
  citizen_application_documents: CitizenApplicationDocuments;
  citizen_applications: CitizenApplications;
  complaints: Complaints;
  dci_transactions: DciTransactions;
  demo_state: DemoState;
  fund_allocations: FundAllocations;
  fund_publications: FundPublications;
  fund_receipts: FundReceipts;
  fund_spendings: FundSpendings;
  fund_statement_lines: FundStatementLines;
  fund_statements: FundStatements;
  funds: Funds;
  household_classifications: HouseholdClassifications;
  household_versions: HouseholdVersions;
  households: Households;
  housing_case_documents: HousingCaseDocuments;
  housing_case_funding: HousingCaseFunding;
  housing_case_stages: HousingCaseStages;
  housing_cases: HousingCases;
  indicators: Indicators;
  integrity_flags: IntegrityFlags;
  job_files: JobFiles;
  job_staging: JobStaging;
  jobs: Jobs;
  life_event_proposals: LifeEventProposals;
  merit_convalescences: MeritConvalescences;
  merit_profile_versions: MeritProfileVersions;
  merit_profiles: MeritProfiles;
  monitoring_aggregates: MonitoringAggregates;
  monitoring_attachments: MonitoringAttachments;
  monitoring_country_aggregates: MonitoringCountryAggregates;
  monitoring_requirements: MonitoringRequirements;
  monitoring_submissions: MonitoringSubmissions;
  monitoring_totals: MonitoringTotals;
  monitoring_values: MonitoringValues;
  national_enrolments: NationalEnrolments;
  national_paid_months: NationalPaidMonths;
  national_persons: NationalPersons;
  payroll_lines: PayrollLines;
  payrolls: Payrolls;
  person_versions: PersonVersions;
  persons: Persons;
  plan_assignments: PlanAssignments;
  plan_links: PlanLinks;
  plan_recipients: PlanRecipients;
  plan_sections: PlanSections;
  plan_target_corrections: PlanTargetCorrections;
  plan_targets: PlanTargets;
  plan_tasks: PlanTasks;
  plan_versions: PlanVersions;
  plans: Plans;
  posted_list_comments: PostedListComments;
  posted_list_entries: PostedListEntries;
  posted_lists: PostedLists;
  registry_imports: RegistryImports;
  relief_decisions: ReliefDecisions;
  relief_entries: ReliefEntries;
  relief_events: ReliefEvents;
  review_staging: ReviewStaging;
  satisfaction_answers: SatisfactionAnswers;
  schema_migrations: SchemaMigrations;
  sessions: Sessions;
  sign_in_throttle: SignInThrottle;
  unit_lineage: UnitLineage;
  unit_person_counts: UnitPersonCounts;
  units: Units;
  user_roles: UserRoles;
  users: Users;
}
