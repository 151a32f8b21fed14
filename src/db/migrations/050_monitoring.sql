-- Monitoring: reported indicator values per unit × indicator × period × disaggregation,
-- the submission workflow per unit and period (draft → submitted → approved | returned),
-- indicators a unit requires of the units below it, and rolled-up aggregates per unit
-- (maintained incrementally when a submission is approved; rebuilt by one set-based query).

create table monitoring_submissions (
  id serial primary key,
  unit_id int not null references units(id),
  period text not null check (period ~ '^\d{4}(Q[1-4]|0[1-9]|1[0-2])?$'),
  status text not null default 'draft' check (status in ('draft','submitted','approved','returned')),
  submitted_at timestamptz,
  submitted_by int,
  decided_at timestamptz,
  decided_by int,
  return_reason text,
  reopened_at timestamptz,
  reopened_by int,
  reopen_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_id, period),
  check (status <> 'returned' or (return_reason is not null and length(trim(return_reason)) > 0))
);
create index monitoring_submissions_period on monitoring_submissions(period, status);

-- Rates keep numerator and denominator; counts and levels use value; averages use value with
-- their weight (population) in denominator. Percentages are derived after aggregation.
create table monitoring_values (
  unit_id int not null references units(id),
  indicator_code text not null references indicators(code),
  period text not null check (period ~ '^\d{4}(Q[1-4]|0[1-9]|1[0-2])?$'),
  disaggregation text not null default '',
  numerator numeric,
  denominator numeric,
  value numeric,
  comment text,
  updated_by int,
  updated_at timestamptz not null default now(),
  primary key (unit_id, indicator_code, period, disaggregation)
);
create index monitoring_values_indicator_period on monitoring_values(indicator_code, period);

-- Indicators a unit asks the units below it to report, beyond those their plans target.
create table monitoring_requirements (
  unit_id int not null references units(id),
  indicator_code text not null references indicators(code),
  created_at timestamptz not null default now(),
  primary key (unit_id, indicator_code)
);

-- Approved values rolled up to every unit above the reporting units (units.ancestors, which
-- also carries pre-reform units to their successors), including a unit's own values when
-- units beneath it report too. A reporting unit with nothing beneath it has no rows here: its
-- totals are its own approved values (see the view monitoring_totals). Derived data, rebuilt
-- at will, so no foreign keys; doubles for speed (sums of integer counts stay exact below 2^53).
-- `sources` counts the contributing reports.
create table monitoring_aggregates (
  unit_id int not null,
  indicator_code text not null,
  period text not null,
  disaggregation text not null default '',
  numerator double precision,
  denominator double precision,
  value double precision,
  sources int not null,
  updated_at timestamptz not null default now(),
  primary key (unit_id, indicator_code, period, disaggregation)
);
create index monitoring_aggregates_indicator_period on monitoring_aggregates(indicator_code, period);

-- What dashboards read: rolled-up aggregates, and for units without any, their own approved
-- values (rates derived from numerator and denominator). Runs with the reader's rights (RLS).
create view monitoring_totals with (security_invoker = true) as
  select a.unit_id, a.indicator_code, a.period, a.disaggregation, a.numerator, a.denominator, a.value, a.sources
  from monitoring_aggregates a
  union all
  select v.unit_id, v.indicator_code, v.period, v.disaggregation, v.numerator::float8, v.denominator::float8,
    case when i.aggregation = 'sum_ratio' and v.numerator is not null and v.denominator is not null
         then case when v.denominator = 0 then null else i.factor::float8 * v.numerator::float8 / v.denominator::float8 end
         else v.value::float8 end,
    1
  from monitoring_values v
  join monitoring_submissions s on s.unit_id = v.unit_id and s.period = v.period and s.status = 'approved'
  join indicators i on i.code = v.indicator_code
  where not exists (select 1 from monitoring_aggregates a where a.unit_id = v.unit_id and a.indicator_code = v.indicator_code
                      and a.period = v.period and a.disaggregation = v.disaggregation);

-- Row-level security in the pattern of 030_access.sql: an actor sees and writes only rows of
-- units within their scope (which holds every unit id of the actor's subtrees).
alter table monitoring_submissions enable row level security;
create policy monitoring_submissions_scope on monitoring_submissions to ansinh_app
  using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id));
alter table monitoring_values enable row level security;
create policy monitoring_values_scope on monitoring_values to ansinh_app
  using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id));
alter table monitoring_requirements enable row level security;
create policy monitoring_requirements_scope on monitoring_requirements to ansinh_app
  using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id));
alter table monitoring_aggregates enable row level security;
create policy monitoring_aggregates_scope on monitoring_aggregates to ansinh_app
  using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id));

grant select on monitoring_totals to ansinh_app;
grant select, insert, update, delete on monitoring_submissions, monitoring_values, monitoring_requirements, monitoring_aggregates to ansinh_app;
grant usage, select on sequence monitoring_submissions_id_seq to ansinh_app;
