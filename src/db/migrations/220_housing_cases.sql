-- Housing support cases (issue 13 item 1): one case per household and programme, with the house's
-- condition (survey), the household's group, the support type, the level read from law data
-- (src/law/housing.ts) at the decision date with its basis, the funding by source, and the
-- stages surveyed → approved → started → completed → handed_over, each dated with who confirmed
-- it (append-only: a case only moves forward). Scoped to the household's commune by row-level
-- security (sub-select form of migration 069). Vocabularies: src/law/housing.ts and
-- src/housing/model.ts (test/vocabularies.test.ts holds the checks to them).
create table housing_cases (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  household_id int not null references households(id),
  "group" text not null check ("group" in ('merit', 'poor', 'near_poor', 'disaster', 'other')),
  programme text not null check (programme in ('qd21', 'nq_poor', 'ntp_poverty', 'local')),
  support_type text not null check (support_type in ('new', 'repair')),
  condition text not null default '' ,
  survey_date date not null,
  decision_number text,
  decision_date date,
  -- level from law data at the decision date (null: unknown) and its status/basis
  level_amount bigint check (level_amount >= 0),
  level_status text not null default 'unknown' check (level_status in ('known', 'unverified', 'unknown')),
  level_basis text,
  deadline date,
  stage text not null default 'surveyed' check (stage in ('surveyed', 'approved', 'started', 'completed', 'handed_over')),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index housing_cases_household on housing_cases (household_id, programme);
create index housing_cases_unit on housing_cases (unit_id, stage);
create index housing_cases_province on housing_cases (province_code, stage);

create table housing_case_stages (
  case_id int not null references housing_cases(id),
  unit_id int not null,
  stage text not null check (stage in ('surveyed', 'approved', 'started', 'completed', 'handed_over')),
  date date not null,
  confirmed_by text not null,
  note text not null default '',
  recorded_at timestamptz not null default now(),
  primary key (case_id, stage)
);

create table housing_case_funding (
  id serial primary key,
  case_id int not null references housing_cases(id),
  unit_id int not null,
  source text not null check (source in ('central', 'local', 'mobilised', 'fund', 'household', 'other')),
  amount bigint not null check (amount > 0),
  date date not null,
  note text not null default '',
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
create index housing_case_funding_case on housing_case_funding (case_id);

alter table housing_cases enable row level security;
create policy housing_cases_scope on housing_cases to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table housing_case_stages enable row level security;
create policy housing_case_stages_scope on housing_case_stages to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
alter table housing_case_funding enable row level security;
create policy housing_case_funding_scope on housing_case_funding to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));

grant select, insert, update on housing_cases to ansinh_app;
grant select, insert on housing_case_stages, housing_case_funding to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
