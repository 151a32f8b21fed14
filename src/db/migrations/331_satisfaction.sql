-- Satisfaction (issue 14 item 5): a short survey offered to the citizen after an application's
-- decision, a payment of a granted benefit and a complaint's settlement; public, no login, by
-- the case's tracking code, answered once per case (unique key). Three questions scored 1–5
-- (src/citizens/satisfaction.ts); the index of a unit and year is the share of answers whose
-- overall score is 4 or 5, computed from counts after aggregation (docs/guide/hai-long.md).
-- A complaint gets a tracking code at receipt so the complainant can answer too. Scoped to the
-- commune by row-level security; the public survey writes through the owner's narrow insert.
alter table complaints add column tracking_code text unique check (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{12}$');

create table satisfaction_answers (
  id serial primary key,
  province_code text not null,
  unit_id int not null references units(id),
  case_kind text not null check (case_kind in ('application', 'payment', 'complaint')),
  case_key text not null check (length(case_key) between 1 and 60),
  year int not null check (year between 2000 and 2100),
  answered_on date not null,
  timeliness smallint not null check (timeliness between 1 and 5),
  attitude smallint not null check (attitude between 1 and 5),
  overall smallint not null check (overall between 1 and 5),
  created_at timestamptz not null default now(),
  unique (case_kind, case_key)
);
create index satisfaction_answers_unit on satisfaction_answers (unit_id, year);

alter table satisfaction_answers enable row level security;
create policy satisfaction_answers_scope on satisfaction_answers to ansinh_app
  using ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]))
  with check ((select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));
grant select, insert on satisfaction_answers to ansinh_app;
grant usage, select on all sequences in schema public to ansinh_app;
