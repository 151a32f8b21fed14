-- Plans (Kế hoạch / Chương trình hành động) and what they contain: sections, first-class
-- targets (indicator × unit × year), tasks, assignments with report rules, recipients,
-- the documents a plan implements, and the corrections an officer made on review.
create table plans (
  id serial primary key,
  unit_id int not null references units(id),          -- the unit whose plan this is
  kind text not null check (kind in ('resolution','action_programme','plan','report')),
  number text,                                         -- '152-KH/ĐU', '53-CTr/TU'; null when blank
  issuer text,                                         -- 'Ban Thường vụ Đảng ủy xã Thu Lũm'
  place text,
  issued_on date,
  issued_on_text text,                                 -- as written, for partial dates ('ngày tháng 5 năm 2024')
  title text not null,
  signer text,
  signer_title text,
  status text not null default 'draft' check (status in ('draft','confirmed')),
  source_text text,                                    -- the document text as imported
  source_file text,
  created_by int,
  created_at timestamptz not null default now(),
  confirmed_by int,
  confirmed_at timestamptz
);
create index plans_unit on plans(unit_id);

-- "implements": a plan implements one or more parent documents; the parent may be a plan in
-- ansinh (parent_plan_id) or only a reference by number (e.g. NQ 42-NQ/TW before it is imported).
create table plan_links (
  id serial primary key,
  plan_id int not null references plans(id) on delete cascade,
  parent_plan_id int references plans(id),
  parent_reference text not null,                      -- 'Chương trình hành động số 53-CTr/TU, ngày 24/5/2024'
  parent_number text,                                  -- '53-CTr/TU'
  unique (plan_id, parent_reference)
);

create table plan_sections (
  id serial primary key,
  plan_id int not null references plans(id) on delete cascade,
  ord int not null,
  numbering text,                                      -- 'II', '2.1', 'a'
  title text not null,
  level int not null,
  start_offset int,
  end_offset int
);

create table plan_targets (
  id serial primary key,
  plan_id int not null references plans(id) on delete cascade,
  unit_id int not null references units(id),          -- the unit the target is for (the plan's unit)
  indicator_code text not null references indicators(code),
  comparator text not null check (comparator in ('>','>=','<','<=','=','~','maintain')),
  value numeric not null,
  unit text not null,
  year int,                                            -- target year; null when the document gives none
  baseline_year int,
  baseline_value numeric,
  source_text text,
  source_offset int,                                   -- where source_text starts in plans.source_text
  parent_target_id int references plan_targets(id),   -- the parent plan's target it implements
  origin text not null default 'extracted' check (origin in ('extracted','corrected','added','drafted')),
  confirmed boolean not null default false,
  created_at timestamptz not null default now()
);
create index plan_targets_plan on plan_targets(plan_id);
create index plan_targets_unit_indicator on plan_targets(unit_id, indicator_code, year);

-- Every review correction is kept: who changed which field from what to what, and when.
create table plan_target_corrections (
  id serial primary key,
  target_id int references plan_targets(id) on delete set null,
  plan_id int not null references plans(id) on delete cascade,
  action text not null check (action in ('confirm','correct','add','remove')),
  before jsonb,
  after jsonb,
  corrected_by int,
  corrected_at timestamptz not null default now()
);

create table plan_tasks (
  id serial primary key,
  plan_id int not null references plans(id) on delete cascade,
  ord int not null,
  numbering text,
  title text not null,
  body text
);

create table plan_assignments (
  id serial primary key,
  plan_id int not null references plans(id) on delete cascade,
  ord int not null,
  agency text not null,
  role text not null check (role in ('lead','coordinate')),
  what text not null,
  due_date date,
  recurrence text,                                     -- 'annual' etc.
  recurrence_day int,
  recurrence_month int,
  source_text text
);

-- Status of an assignment per reporting period, updated by the responsible agency.
create table assignment_status (
  assignment_id int not null references plan_assignments(id) on delete cascade,
  period text not null,                                -- DHIS2 period id: '2026'
  status text not null check (status in ('not_started','in_progress','done','overdue')),
  note text,
  updated_by int,
  updated_at timestamptz not null default now(),
  primary key (assignment_id, period)
);

create table plan_recipients (
  id serial primary key,
  plan_id int not null references plans(id) on delete cascade,
  ord int not null,
  name text not null
);

-- Row-level security: a plan is visible inside the actor's scope and to the units below it
-- (a commune implements its province's programme, so it must read it); written only in scope.
create or replace function ansinh_plan_visible(unit int) returns boolean
  language sql stable parallel safe
  as $$ select ansinh_in_scope(unit)
         or exists (select 1 from units u where u.id = any(ansinh_scope()) and unit = any(u.ancestors)) $$;

alter table plans enable row level security;
create policy plans_read on plans for select to ansinh_app using (ansinh_plan_visible(unit_id));
create policy plans_write on plans for insert to ansinh_app with check (ansinh_in_scope(unit_id));
create policy plans_update on plans for update to ansinh_app using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id));
create policy plans_delete on plans for delete to ansinh_app using (ansinh_in_scope(unit_id));

alter table plan_targets enable row level security;
create policy plan_targets_read on plan_targets for select to ansinh_app using (ansinh_plan_visible(unit_id));
create policy plan_targets_write on plan_targets for insert to ansinh_app with check (ansinh_in_scope(unit_id));
create policy plan_targets_update on plan_targets for update to ansinh_app using (ansinh_in_scope(unit_id)) with check (ansinh_in_scope(unit_id));
create policy plan_targets_delete on plan_targets for delete to ansinh_app using (ansinh_in_scope(unit_id));
