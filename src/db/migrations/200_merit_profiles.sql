-- Profiles of people with meritorious service (issue 12 item 1): a registry person holds one or
-- more profiles, each a category of Ordinance 02/2020/UBTVQH14 Art. 3, the facts that set the
-- allowance (src/law/schema.ts MeritFactsSchema, as jsonb), the recognition decision and the start
-- month; every change is a new dated version with who and why. Scoped to the person's commune by
-- row-level security, like the registry tables (the sub-select form of migration 069).
-- The category list is src/law/merit-categories.ts MERIT_CATEGORIES (src/merit/store.test.ts
-- checks that this constraint names exactly those).
create table merit_profiles (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  person_id int not null references persons(id),
  category text not null constraint merit_profiles_category check (category in (
    'pre_1945', 'pre_august_1945', 'martyr', 'heroic_mother', 'armed_forces_hero', 'labour_hero', 'war_invalid',
    'sick_soldier', 'toxic_chemical', 'prisoner', 'resistance_activist', 'revolution_helper', 'relative')),
  facts jsonb not null default '{}' check (jsonb_typeof(facts) = 'object'
    and (facts->>'injuryRate' is null or (facts->>'injuryRate')::numeric between 0 and 100)),
  decision_number text not null check (length(btrim(decision_number)) > 0),
  decision_date date not null,
  decision_body text not null check (length(btrim(decision_body)) > 0),
  start_month text not null check (start_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  end_month text check (end_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and end_month >= start_month),
  version int not null default 1,
  updated_at timestamptz not null default now()
);
create index merit_profiles_person on merit_profiles (person_id);
create index merit_profiles_unit on merit_profiles (unit_id, category);
create index merit_profiles_province on merit_profiles (province_code);

create table merit_profile_versions (
  profile_id int not null references merit_profiles(id),
  version int not null,
  province_code text not null,
  unit_id int not null,
  person_id int not null,
  category text not null,
  facts jsonb not null,
  decision_number text not null,
  decision_date date not null,
  decision_body text not null,
  start_month text not null,
  end_month text,
  recorded_at timestamptz not null default now(),
  recorded_by text,
  reason text not null,
  primary key (profile_id, version)
);

alter table merit_profiles enable row level security;
create policy merit_profiles_scope on merit_profiles to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
-- History follows the profile, as person_versions follows the person.
alter table merit_profile_versions enable row level security;
create policy merit_profile_versions_scope on merit_profile_versions to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]) or exists (select 1 from merit_profiles m where m.id = profile_id))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));

grant select, insert, update on merit_profiles to ansinh_app;
grant select, insert on merit_profile_versions to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
