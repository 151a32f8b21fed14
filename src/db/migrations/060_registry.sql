-- The social registry (households, persons, their dated versions), benefit decisions, the
-- monthly payroll, life-event proposals, integrity queues, long jobs and import receipts.
-- Every registry row carries unit_id (the commune; row-level security) and province_code (the
-- future LIST-partitioning / Citus distribution key, see docs/registry.md).

-- Households: the current state (materialised latest version) ...
create table households (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  -- natural key within the commune (mã hộ), used by imports
  code text not null,
  village_id int references units(id),
  address text not null default '',
  area text not null check (area in ('urban', 'rural')),
  head_person_id int,
  -- poverty facts: income per person per month (VND), deprivation indicator key -> deprived?
  -- (keys of src/law/parameters.ts; a missing key is not surveyed)
  income_per_month int check (income_per_month >= 0),
  deprivations jsonb not null default '{}',
  -- lives in an especially disadvantaged commune/village (Decree 20/2021 Art. 5 cl. 5b, 7)
  disadvantaged_area boolean not null default false,
  merit boolean not null default false,
  version int not null default 1,
  updated_at timestamptz not null default now()
);
create unique index households_code on households (unit_id, code);
create index households_province on households (province_code);

-- ... and every version, append-only: who changed what, when and why.
create table household_versions (
  household_id int not null references households(id),
  version int not null,
  province_code text not null,
  unit_id int not null,
  code text not null,
  village_id int,
  address text not null,
  area text not null,
  head_person_id int,
  income_per_month int,
  deprivations jsonb not null,
  disadvantaged_area boolean not null,
  merit boolean not null,
  recorded_at timestamptz not null default now(),
  recorded_by text,
  reason text not null,
  primary key (household_id, version)
);

create table persons (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  household_id int not null references households(id),
  personal_id text check (personal_id ~ '^[0-9]{12}$'),
  social_insurance_no text,
  full_name text not null,
  name_folded text not null,
  date_of_birth date not null,
  sex text not null check (sex in ('M', 'F')),
  ethnic_code text not null,
  relation text not null,
  disability text not null default 'none' check (disability in ('none', 'mild', 'severe', 'especially_severe')),
  disability_certified_on date,
  pension boolean not null default false,
  social_insurance text not null default 'none' check (social_insurance in ('none', 'compulsory', 'voluntary')),
  health_insurance boolean not null default false,
  schooling text not null default 'none',
  conditions text[] not null default '{}',
  merit boolean not null default false,
  death_date date,
  version int not null default 1,
  updated_at timestamptz not null default now()
);
create index persons_household on persons (household_id);
create index persons_personal_id on persons (personal_id);
create index persons_unit on persons (unit_id);
create index persons_province on persons (province_code);
create index persons_name_trgm on persons using gin (name_folded gin_trgm_ops);

create table person_versions (
  person_id int not null references persons(id),
  version int not null,
  province_code text not null,
  unit_id int not null,
  household_id int not null,
  personal_id text,
  social_insurance_no text,
  full_name text not null,
  date_of_birth date not null,
  sex text not null,
  ethnic_code text not null,
  relation text not null,
  disability text not null,
  disability_certified_on date,
  pension boolean not null,
  social_insurance text not null,
  health_insurance boolean not null,
  schooling text not null,
  conditions text[] not null,
  merit boolean not null,
  death_date date,
  recorded_at timestamptz not null default now(),
  recorded_by text,
  reason text not null,
  primary key (person_id, version)
);

-- Annual poverty review results (one row per household and year), with the law's reasons.
create table household_classifications (
  household_id int not null references households(id),
  year int not null,
  province_code text not null,
  unit_id int not null,
  class text not null check (class in ('poor', 'near_poor', 'average', 'none', 'unknown')),
  -- the household version classified: the reasons are recomputed from it on the record page
  -- (deterministic: same facts, same law parameters), so the review stores no prose per row
  household_version int not null,
  deprivation_count int not null default 0,
  job_id bigint,
  computed_at timestamptz not null default now(),
  primary key (household_id, year)
);
create index household_classifications_unit on household_classifications (unit_id, year);

-- Benefit decisions (quyết định hưởng): start, change or stop of monthly social assistance.
create table benefit_decisions (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  person_id int not null references persons(id),
  number text not null,
  decided_on date not null,
  signer text not null,
  kind text not null check (kind in ('start', 'change', 'stop')),
  category text,
  coefficient_tenths int,
  monthly_amount int,
  basis text not null default '',
  -- YYYYMM: first month paid (start/change) or first month no longer paid (stop)
  start_month int not null,
  channel text check (channel in ('bank', 'ewallet', 'post', 'cash')),
  account text,
  created_at timestamptz not null default now(),
  created_by text
);
create unique index benefit_decisions_number on benefit_decisions (unit_id, number);
create index benefit_decisions_person on benefit_decisions (person_id, start_month);

-- Monthly payroll per commune; one line a person, one item a person and month paid
-- (items with for_month < month are arrears).
create table payrolls (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  month int not null,
  state text not null default 'draft' check (state in ('draft', 'approved')),
  lines int not null default 0,
  total bigint not null default 0,
  created_at timestamptz not null default now(),
  created_by text,
  approved_at timestamptz,
  approved_by text
);
create unique index payrolls_unit_month on payrolls (unit_id, month);

create table payroll_lines (
  payroll_id int not null references payrolls(id),
  person_id int not null references persons(id),
  province_code text not null,
  unit_id int not null,
  decision_id int,
  channel text not null,
  account text,
  current_amount int not null,
  arrears int not null,
  total int not null,
  status text not null default 'pending' check (status in ('pending', 'paid', 'failed', 'returned')),
  reconciled_at timestamptz,
  reference text,
  primary key (payroll_id, person_id)
);
create index payroll_lines_person on payroll_lines (person_id);

create table payroll_items (
  payroll_id int not null references payrolls(id),
  person_id int not null,
  unit_id int not null,
  for_month int not null,
  amount int not null,
  category text,
  coefficient_tenths int,
  primary key (payroll_id, person_id, for_month)
);
create index payroll_items_person on payroll_items (person_id, for_month);

-- Life events turned into dated proposals for the officer to confirm.
create table life_event_proposals (
  id serial primary key,
  province_code text not null,
  unit_id int not null,
  person_id int not null references persons(id),
  kind text not null,
  event_date date not null,
  effective_month int not null,
  action text not null check (action in ('start', 'change', 'stop', 'review')),
  detail jsonb not null,
  state text not null default 'open' check (state in ('open', 'confirmed', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index life_event_proposals_key on life_event_proposals (person_id, kind, event_date);

-- Integrity review queues: one flag per kind and key (re-detection does not duplicate).
create table integrity_flags (
  id serial primary key,
  province_code text not null,
  unit_id int not null,
  kind text not null,
  key text not null,
  person_ids int[] not null,
  reason jsonb not null,
  score real,
  state text not null default 'open' check (state in ('open', 'confirmed', 'dismissed')),
  detected_at timestamptz not null default now(),
  reviewed_by text,
  reviewed_at timestamptz,
  note text
);
create unique index integrity_flags_key on integrity_flags (kind, key);
create index integrity_flags_unit on integrity_flags (unit_id, state);

-- Import receipts: the same file (content hash) into the same commune changes nothing twice.
create table registry_imports (
  id serial primary key,
  unit_id int not null references units(id),
  content_hash text not null,
  file_name text not null,
  households int not null,
  persons int not null,
  created_at timestamptz not null default now(),
  created_by text
);
create unique index registry_imports_hash on registry_imports (unit_id, content_hash);

-- Long jobs kept in PostgreSQL: chunked, resumable from `cursor`, results staged and applied in
-- one transaction at the end.
create table jobs (
  id bigserial primary key,
  kind text not null,
  params jsonb not null,
  unit_id int,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  progress int not null default 0,
  total int,
  cursor jsonb,
  result jsonb,
  error text,
  created_by text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  heartbeat_at timestamptz,
  finished_at timestamptz
);
create index jobs_state on jobs (state, id);

create table job_staging (
  job_id bigint not null references jobs(id),
  seq bigserial,
  payload jsonb not null,
  primary key (job_id, seq)
);

-- Row-level security: the pattern of 030_access.sql on every registry table.
do $$
declare t text;
begin
  foreach t in array array['households', 'persons', 'household_classifications', 'benefit_decisions', 'payrolls',
                           'payroll_lines', 'payroll_items', 'life_event_proposals', 'integrity_flags', 'registry_imports'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I to ansinh_app using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id))', t || '_scope', t);
  end loop;
end
$$;
-- History follows the person (and the household): the versions of a record visible now are
-- visible, whatever commune they were recorded in.
alter table household_versions enable row level security;
create policy household_versions_scope on household_versions to ansinh_app
  using (ansinh_in_scope(unit_id) or exists (select 1 from households h where h.id = household_id))
  with check (ansinh_in_scope(unit_id));
alter table person_versions enable row level security;
create policy person_versions_scope on person_versions to ansinh_app
  using (ansinh_in_scope(unit_id) or exists (select 1 from persons p where p.id = person_id))
  with check (ansinh_in_scope(unit_id));
-- Versions are append-only for the application.
revoke update, delete on household_versions, person_versions from ansinh_app;
-- Jobs are system records scoped by their unit (null = national, visible to national actors).
alter table jobs enable row level security;
create policy jobs_scope on jobs to ansinh_app
  using (ansinh_scope() is null or (unit_id is not null and ansinh_in_scope(unit_id)))
  with check (ansinh_scope() is null or (unit_id is not null and ansinh_in_scope(unit_id)));

grant select, insert, update, delete on households, persons, household_classifications, benefit_decisions, payrolls,
  payroll_lines, payroll_items, life_event_proposals, integrity_flags, registry_imports, jobs, job_staging to ansinh_app;
grant select, insert on household_versions, person_versions to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
