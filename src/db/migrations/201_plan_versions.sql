-- Re-importing a plan (issue 11 What to build 7): the same document (same number, issuer and
-- date) imported again updates the saved plan as a new version instead of making a second copy.
-- plans.version counts the versions; plan_versions keeps, for every version replaced, what the
-- plan's targets and tasks were and what the re-import changed (added, removed, changed), with
-- who and when. A target that did not change keeps its row, its review history and any
-- correction made by hand; the review log records each change as the action 'reimport'.
alter table plans add column version int not null default 1;

create table plan_versions (
  id serial primary key,
  plan_id int not null references plans(id) on delete cascade,
  unit_id int not null references units(id),
  version int not null,                       -- the version this row replaced
  source_file text,
  snapshot jsonb not null,                    -- {targets, tasks} as they were
  changes jsonb not null,                     -- the diff applied to make version + 1
  replaced_by int references users(id),
  replaced_at timestamptz not null default now(),
  unique (plan_id, version)
);

alter table plan_versions enable row level security;
-- The scope computed once per query (sub-selects, as 069 and 197 write every policy).
create policy plan_versions_read on plan_versions for select to ansinh_app using (
  (select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]) or unit_id = any((select ansinh_scope_ancestors())::int[]));
create policy plan_versions_write on plan_versions for insert to ansinh_app with check (
  (select ansinh_scope()) is null or unit_id = any((select ansinh_scope())::int[]));

alter table plan_target_corrections drop constraint if exists plan_target_corrections_action_check;
alter table plan_target_corrections add constraint plan_target_corrections_action_check
  check (action in ('confirm', 'correct', 'add', 'remove', 'reimport'));
